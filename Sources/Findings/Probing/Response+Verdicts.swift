import RequestLayer

extension Response {
  /// Whether this is the answer a client mistake deserves: a 4xx JSON error that names `field`.
  ///
  /// Real answers shape their errors in many ways (`{"error": ...}`, `{"errors": [...]}`, `{"message": ...}`,
  /// `{"detail": ...}`, `{"field": ...}`, a field name as a key), so any 4xx JSON body that names the field
  /// anywhere counts: as a key, as a string value, or as a word inside one (`price` in "price must be a number",
  /// but not in "unit_price"). A body error (`field` `body`) may instead say `json`, `object` or `payload`, and a
  /// reference may name what it references (`warehouse` for `warehouse_id`: "Warehouse 999 not found").
  public func rejects(field: String) -> Bool {
    guard (400..<500).contains(status), let body = errorBody else { return false }
    var names = field == "body" ? ["body", "json", "object", "payload"] : [field]
    if field.hasSuffix("_id"), field.count > 3 { names.append(String(field.dropLast(3))) }
    return names.contains { body.names($0) }
  }

  /// The body as JSON when it is JSON, whatever `+json` content type it came with.
  var errorBody: JSONValue? {
    if let json { return json }
    guard headers["Content-Type"]?.contains("json") == true else { return nil }
    return try? JSONParser.parse(body)
  }

  /// The first error text of the body: `error`, `message`, `detail` or the first of `errors`.
  var errorText: String? {
    guard case .object(let body)? = errorBody else { return nil }
    for key in ["error", "message", "detail", "errors"] {
      if let text = body[key]?.firstText { return text }
    }
    return nil
  }

  /// The member `key` of a JSON object body, if the body is one and has it.
  public func field(_ key: String) -> JSONValue? {
    guard case .object(let body)? = json else { return nil }
    return body[key]
  }

  /// A few words for a summary: `500 (KeyError: 'name')`, `400 "name is required"`, `201`.
  public var brief: String {
    if let uncaughtError { return "\(status) (\(uncaughtError))" }
    if status >= 400, let message = errorText { return "\(status) \"\(message)\"" }
    if headers["Content-Type"]?.hasPrefix("text/html") == true { return "\(status) (an HTML error page)" }
    return String(status)
  }
}

extension JSONValue {
  /// Whether `word` is a key anywhere in this value, or a word of one of its strings.
  func names(_ word: String) -> Bool {
    switch self {
    case .string(let text): return text == word || text.containsWord(word)
    case .array(let values): return values.contains { $0.names(word) }
    case .object(let object):
      return object.keys.contains { $0.lowercased() == word } || object.members.contains { $0.value.names(word) }
    case .null, .bool, .number: return false
    }
  }

  /// The first string in this value, depth first: an error's text however it is nested.
  var firstText: String? {
    switch self {
    case .string(let text): return text
    case .array(let values): return values.lazy.compactMap(\.firstText).first
    case .object(let object): return object.members.lazy.compactMap(\.value.firstText).first
    case .null, .bool, .number: return nil
    }
  }
}

extension String {
  /// Whether `word` occurs here, case-insensitively, with no letter, digit or underscore either side.
  func containsWord(_ word: String) -> Bool {
    let text = Array(lowercased().unicodeScalars)
    let target = Array(word.lowercased().unicodeScalars)
    guard !target.isEmpty, text.count >= target.count else { return false }
    func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
      scalar == "_" || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
    }
    for start in 0...(text.count - target.count) where Array(text[start..<start + target.count]) == target {
      let before = start == 0 || !isWordScalar(text[start - 1])
      let end = start + target.count
      let after = end == text.count || !isWordScalar(text[end])
      if before && after { return true }
    }
    return false
  }
}
