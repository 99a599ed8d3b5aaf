import RequestLayer

/// Every error of the fix is JSON, routing errors included: an unknown path or a non-integer company id is a JSON
/// 404, a wrong method a JSON 405 with `Allow` (Flask would answer its HTML pages).
public let routingErrors = RoutingErrors.json  // finding: html-error-responses

/// A client mistake, answered with a 4xx JSON error that names what is wrong; nothing is written.
struct ClientError: Error {  // finding: html-error-responses
  let status: Int
  let field: String?
  let message: String

  init(status: Int = 400, field: String?, _ message: String) {
    self.status = status
    self.field = field
    self.message = message
  }

  var response: Response { .error(message, status: status, field: field) }

  static let unauthenticated = ClientError(status: 401, field: nil, "authentication required")

  /// The body as a JSON object; a wrong content type is a 415, anything else that is not an object a 400.
  static func jsonObject(from request: Request) throws(ClientError) -> JSONObject {  // finding: non-object-body
    guard request.isJSON else {
      throw ClientError(status: 415, field: "body", "body must be sent as Content-Type: application/json")
    }
    let value: JSONValue
    do {
      value = try JSONParser.parse(request.body)
    } catch {
      throw ClientError(field: "body", "body is not valid JSON: \(error)")
    }
    guard case .object(let object) = value else {
      throw ClientError(field: "body", "body must be a JSON object, not \(value.jsonTypeName)")
    }
    return object
  }
}
