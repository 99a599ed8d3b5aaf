/// An error that ends a request with a chosen HTTP status, like Werkzeug's `HTTPException`.
///
/// Flask renders it as an HTML error page; it never becomes a 500.
public struct HTTPAbort: Error, Hashable, Sendable, CustomStringConvertible {
  public let status: Int
  public let name: String
  public let message: String

  public init(status: Int, name: String, message: String) {
    self.status = status
    self.name = name
    self.message = message
  }

  public var description: String { "\(status) \(name): \(message)" }

  /// Werkzeug's HTML error page for this status.
  var response: Response {
    Response.html(status: status, title: "\(status) \(name)", heading: name, message: message)
  }
}
