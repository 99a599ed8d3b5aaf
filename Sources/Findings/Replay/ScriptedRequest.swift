import RequestLayer

/// One request of a replay script: a JSON Lines record `{"method", "path", "content_type", "body", "as"}`.
///
/// `body` is the raw request text; `as` is the id of the company whose user sends it, or `null` for no principal.
/// `query` is optional and holds string parameters for a `GET`; `headers` is optional and holds further request
/// headers by name, e.g. `{"Idempotency-Key": "k1"}`.
public struct ScriptedRequest: Hashable, Sendable {
  public let method: String
  public let path: String
  public let contentType: String?
  public let body: String
  public let query: [String: String]
  /// Headers sent besides `Content-Type`, by name.
  public let headers: [String: String]
  /// The company whose user sends the request; `nil` for an anonymous request.
  public let companyID: Int?

  public init(
    method: String = "POST", path: String = "/api/products", contentType: String? = "application/json",
    body: String, query: [String: String] = [:], headers: [String: String] = [:], companyID: Int?
  ) {
    self.headers = headers
    self.method = method
    self.path = path
    self.contentType = contentType
    self.body = body
    self.query = query
    self.companyID = companyID
  }

  /// Reads one JSON Lines record; the error names the line and what is wrong with it.
  public init(line: String, number: Int) throws(ScriptError) {
    let record: JSONObject
    do {
      guard case .object(let object) = try JSONParser.parse(line) else {
        throw ScriptError(line: number, "a request must be a JSON object")
      }
      record = object
    } catch let error as ScriptError {
      throw error
    } catch {
      throw ScriptError(line: number, "not JSON: \(error)")
    }
    let known = ["method", "path", "content_type", "body", "as", "query", "headers"]
    if let unknown = record.keys.first(where: { !known.contains($0) }) {
      throw ScriptError(line: number, "unknown field \"\(unknown)\"; expected \(known.joined(separator: ", "))")
    }
    func string(_ field: String, default fallback: String?) throws(ScriptError) -> String? {
      switch record[field] {
      case nil: return fallback
      case .null?: return nil
      case .string(let text)?: return text
      default: throw ScriptError(line: number, "\"\(field)\" must be a string")
      }
    }
    method = try string("method", default: "POST") ?? "POST"
    path = try string("path", default: "/api/products") ?? "/api/products"
    contentType = try string("content_type", default: "application/json")
    body = try string("body", default: "") ?? ""
    switch record["as"] {
    case nil, .null?: companyID = nil
    case .number(let number)? where number.int != nil: companyID = number.int
    default: throw ScriptError(line: number, "\"as\" must be a company id or null")
    }
    query = try Self.strings(record, "query", "query parameter", line: number)
    headers = try Self.strings(record, "headers", "header", line: number)
  }

  /// The optional object `field` of `record`, whose members must all be strings.
  private static func strings(
    _ record: JSONObject, _ field: String, _ member: String, line number: Int
  ) throws(ScriptError) -> [String: String] {
    guard let given = record[field] else { return [:] }
    guard case .object(let object) = given else { throw ScriptError(line: number, "\"\(field)\" must be an object") }
    var strings: [String: String] = [:]
    for key in object.keys {
      guard case .string(let value)? = object[key] else {
        throw ScriptError(line: number, "\(member) \"\(key)\" must be a string")
      }
      strings[key] = value
    }
    return strings
  }

  /// The request as the implementation receives it, sent by `fixture`'s user of `companyID`.
  public func request(in fixture: Fixture) -> Request {
    var request = Request(
      method: method, path: path, query: query, contentType: contentType, body: Array(body.utf8),
      principal: companyID.map(fixture.principal(forCompany:)))
    for (name, value) in headers { request.setHeader(name, value) }
    return request
  }
}

/// A replay script that cannot be read: names the line and the problem.
public struct ScriptError: Error, Hashable, Sendable, CustomStringConvertible {
  public let line: Int
  public let problem: String

  init(line: Int, _ problem: String) {
    self.line = line
    self.problem = problem
  }

  public var description: String { "line \(line): \(problem)" }
}
