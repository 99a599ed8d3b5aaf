/// What a handler answered: status, headers, body text, and the uncaught error behind a 500, kept for evidence.
public struct Response: Hashable, Sendable {
  public var status: Int
  /// Header names in canonical case, e.g. `Content-Type`, `Location`.
  public var headers: [String: String]
  public var body: String
  /// The error that escaped the handler, when the status is Flask's generic 500.
  public var uncaughtError: String?
  /// What the application logged while serving the request, in order; never sent to the client.
  public var log: [LogRecord] = []

  public init(status: Int, headers: [String: String] = [:], body: String, uncaughtError: String? = nil) {
    self.status = status
    self.headers = headers
    self.body = body
    self.uncaughtError = uncaughtError
  }

  /// A JSON response, serialized as Flask's `jsonify` does it: sorted keys, compact.
  public static func json(_ value: JSONValue, status: Int = 200, headers: [String: String] = [:]) -> Response {
    Response(
      status: status, headers: headers.merging(["Content-Type": "application/json"]) { $1 },
      body: value.encoded(sortedKeys: true) + "\n")
  }

  /// A JSON error, `{"error": message, "field": field}`, naming the offending field when there is one.
  public static func error(
    _ message: String, status: Int, field: String? = nil, headers: [String: String] = [:]
  ) -> Response {
    var body: [(String, JSONValue)] = [("error", .string(message))]
    if let field { body.append(("field", .string(field))) }
    return json(.object(JSONObject(body)), status: status, headers: headers)
  }

  /// An HTML error page in Werkzeug's shape.
  static func html(status: Int, title: String, heading: String, message: String) -> Response {
    Response(
      status: status, headers: ["Content-Type": "text/html; charset=utf-8"],
      body: "<!doctype html>\n<html lang=en>\n<title>\(title)</title>\n<h1>\(heading)</h1>\n<p>\(message)</p>\n")
  }

  /// Flask's answer to an exception that escaped the view.
  static func internalServerError(_ error: any Error) -> Response {
    var response = html(
      status: 500, title: "500 Internal Server Error", heading: "Internal Server Error",
      message:
        "The server encountered an internal error and was unable to complete your request. Either the server is "
        + "overloaded or there is an error in the application.")
    response.uncaughtError = String(describing: error)
    return response
  }

  /// This response with `record` appended to its log.
  public func logging(_ level: LogRecord.Level, _ message: String) -> Response {
    var response = self
    response.log.append(LogRecord(level, message))
    return response
  }

  /// The body parsed as JSON, when it is JSON.
  public var json: JSONValue? {
    guard headers["Content-Type"]?.hasPrefix("application/json") == true else { return nil }
    return try? JSONParser.parse(body)
  }

  /// Whether the status is 2xx.
  public var isSuccess: Bool { (200..<300).contains(status) }

  /// Whether the status is 5xx.
  public var isServerError: Bool { status >= 500 }
}
