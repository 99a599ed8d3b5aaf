import RequestLayer

extension Response {
  /// Whether this is the answer a client mistake deserves: a 4xx JSON error that names `field`.
  public func rejects(field: String) -> Bool {
    guard (400..<500).contains(status), case .object(let body)? = json else { return false }
    if case .string(let named)? = body["field"], named == field { return true }
    if case .string(let message)? = body["error"], message.contains(field) { return true }
    return false
  }

  /// The member `key` of a JSON object body, if the body is one and has it.
  public func field(_ key: String) -> JSONValue? {
    guard case .object(let body)? = json else { return nil }
    return body[key]
  }

  /// A few words for a summary: `500 (KeyError: 'name')`, `400 naming price`, `201`.
  public var brief: String {
    if let uncaughtError { return "\(status) (\(uncaughtError))" }
    if case .object(let body)? = json, case .string(let message)? = body["error"] {
      return "\(status) \"\(message)\""
    }
    if headers["Content-Type"]?.hasPrefix("text/html") == true { return "\(status) (an HTML error page)" }
    return String(status)
  }
}
