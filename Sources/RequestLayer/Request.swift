import Foundation

/// An HTTP request as a Flask view sees it: method, path, query, headers, raw body and the caller.
public struct Request: Hashable, Sendable {
  public var method: String
  /// The path without the query string, e.g. `/api/products`.
  public var path: String
  public var query: [String: String]
  /// The headers sent, by name as given; read them with `header(_:)`, which ignores case as HTTP does.
  public var headers: [String: String] = [:]
  /// The body exactly as sent.
  public var body: [UInt8]
  /// The authenticated caller, or `nil` for an anonymous request.
  public var principal: Principal?
  /// Integer parameters captured from the route, e.g. `company_id`.
  public var pathParameters: [String: Int] = [:]
  /// When the request arrived, in seconds since 1970: the handlers' clock, fixed so runs are reproducible.
  public var receivedAt: Int = Request.defaultTime

  /// 2026-01-15T12:00:00Z, the moment every request arrives at unless told otherwise.
  public static let defaultTime = 1_768_478_400

  public init(
    method: String, path: String, query: [String: String] = [:], contentType: String? = nil,
    headers: [String: String] = [:], body: [UInt8] = [], principal: Principal? = nil
  ) {
    self.method = method
    self.path = path
    self.query = query
    self.headers = headers
    self.body = body
    if let contentType { self.contentType = contentType }
    self.principal = principal
  }

  /// A `POST` whose body is `body`, sent as `application/json` unless another content type is given.
  public static func post(
    _ path: String, body: String, contentType: String? = "application/json", as principal: Principal?
  ) -> Request {
    Request(method: "POST", path: path, contentType: contentType, body: Array(body.utf8), principal: principal)
  }

  /// A `GET` with a query string.
  public static func get(_ path: String, query: [String: String] = [:], as principal: Principal?) -> Request {
    Request(method: "GET", path: path, query: query, principal: principal)
  }

  /// The `Content-Type` header, if sent.
  public var contentType: String? {
    get { header("Content-Type") }
    set { setHeader("Content-Type", newValue) }
  }

  /// The value of header `name`, compared without regard to case (`idempotency-key` finds `Idempotency-Key`).
  public func header(_ name: String) -> String? {
    headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
  }

  /// Sets header `name` (replacing it under any spelling of its case), or removes it with `nil`.
  public mutating func setHeader(_ name: String, _ value: String?) {
    for key in headers.keys where key.caseInsensitiveCompare(name) == .orderedSame { headers[key] = nil }
    if let value { headers[name] = value }
  }

  /// The id the request layer gave this request (`X-Request-Id`, as a proxy sets it), for logs and error bodies.
  public var id: String? { header("X-Request-Id") }

  /// The media type without parameters, lower-cased (`application/json; charset=utf-8` gives `application/json`).
  public var mimeType: String {
    (contentType ?? "").split(separator: ";", maxSplits: 1).first.map {
      $0.trimmingCharacters(in: .whitespaces).lowercased()
    } ?? ""
  }

  /// Whether Flask treats the body as JSON: `application/json` or any `application/*+json`.
  public var isJSON: Bool {
    mimeType == "application/json" || (mimeType.hasPrefix("application/") && mimeType.hasSuffix("+json"))
  }

  /// The parsed body, exactly as Flask 3's `request.json` gives it.
  ///
  /// A non-JSON content type aborts with 415 and malformed JSON with 400; `null`, a list or a scalar is returned
  /// as it is, for the caller to trip over. Nesting deeper than Python's recursion limit raises `RecursionError`,
  /// which Flask does not catch.
  public func json() throws -> JSONValue {
    guard isJSON else {
      throw HTTPAbort(
        status: 415, name: "Unsupported Media Type",
        message: "Did not attempt to load JSON data because the request Content-Type was not 'application/json'.")
    }
    do {
      return try JSONParser.parse(body)
    } catch  where error.kind == .tooDeep {
      throw PythonError.recursionError(
        "maximum recursion depth exceeded while decoding a JSON array from a unicode string")
    } catch {
      throw HTTPAbort(status: 400, name: "Bad Request", message: "Failed to decode JSON object: \(error)")
    }
  }
}
