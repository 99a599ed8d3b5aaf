import RequestLayer
import Store

/// One implementation of the StockFlow endpoints under review: its handlers and the schema its code implies.
///
/// The original, the fix and every graded submission are implementations; probes and the report take any of them.
public struct Implementation: Sendable {
  /// Which side of the review an implementation stands on.
  public enum Role: String, Sendable, Codable {
    /// The code as given: findings are expected to reproduce.
    case original
    /// The reference correction: every finding is expected to be absent.
    case fixed
    /// A correction to grade, such as a candidate's.
    case submission
  }

  /// A short unique name used on the command line and in report columns, e.g. `original`.
  public let name: String
  /// One line saying what it is.
  public let summary: String
  public let role: Role
  /// Where its source lives, relative to the package root, for code excerpts.
  public let sourceFolder: String
  public let schema: Schema
  /// `POST /api/products`.
  public let createProduct: Handler
  /// `GET /api/companies/<int:company_id>/alerts/low-stock`, when the implementation has it.
  public let lowStockAlerts: Handler?
  /// How it answers an unknown path or a wrong method: Flask's HTML pages unless it registers JSON handlers.
  public let routingErrors: RoutingErrors

  public init(
    name: String, summary: String, role: Role, sourceFolder: String, schema: Schema, createProduct: @escaping Handler,
    lowStockAlerts: Handler? = nil, routingErrors: RoutingErrors = .flaskHTML
  ) {
    self.name = name
    self.summary = summary
    self.role = role
    self.sourceFolder = sourceFolder
    self.schema = schema
    self.createProduct = createProduct
    self.lowStockAlerts = lowStockAlerts
    self.routingErrors = routingErrors
  }

  /// A fresh, empty store with this implementation's schema.
  public func makeStore() -> Store {
    Store(schema: schema)
  }

  /// Routes `request` to a handler and serves it as Flask would: 404 for an unknown path, 405 (with `Allow`) for a
  /// wrong method, each answered as ``routingErrors`` says.
  ///
  /// `opened` is told the session the view runs in (none for a routing error), so a caller sharing the store with
  /// other requests can tell this request's statements apart.
  public func handle(_ request: Request, on store: Store, opened: (Session) -> Void = { _ in }) -> Response {
    let segments = request.path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    var routed = request
    let handler: Handler?
    let method: String
    switch segments {
    case ["", "api", "products"]:
      (handler, method) = (createProduct, "POST")
    case let parts
    where parts.count == 6 && parts[0...2] == ["", "api", "companies"] && parts[4...5] == ["alerts", "low-stock"]:
      guard let companyID = Int(parts[3]), parts[3].allSatisfy(\.isASCII), companyID >= 0 else {
        return routingErrors.notFound(request)
      }
      routed.pathParameters["company_id"] = companyID
      (handler, method) = (lowStockAlerts, "GET")
    default:
      return routingErrors.notFound(request)
    }
    guard let handler else { return routingErrors.notFound(request) }
    guard request.method == method else { return routingErrors.methodNotAllowed(request, allowed: [method]) }
    return serve(handler, routed, on: store, opened: opened)
  }
}
