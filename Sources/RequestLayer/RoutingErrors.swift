/// How an app answers a request no view serves: an unknown path (404) or a method its route does not allow (405,
/// with the `Allow` header Werkzeug sets: the route's methods plus the `HEAD` and `OPTIONS` Flask adds).
///
/// A per-implementation choice, because the original must keep Flask's own HTML pages while the fix registers JSON
/// error handlers, so that every error a client of the fix meets is JSON.
public enum RoutingErrors: Sendable {
  /// Werkzeug's HTML pages, as a Flask app without error handlers answers.
  case flaskHTML
  /// `{"error": ...}` JSON bodies, as an app whose `errorhandler(404)` and `errorhandler(405)` answer JSON.
  case json

  /// The answer to a path no route matches (a non-integer `company_id` included: the route's converter refuses it).
  public func notFound(_ request: Request) -> Response {
    switch self {
    case .flaskHTML: HTTPAbort.notFound.response
    case .json: .error("no resource at \(request.path)", status: 404)
    }
  }

  /// The answer to a method the matched route does not allow, which are `allowed`.
  public func methodNotAllowed(_ request: Request, allowed: [String]) -> Response {
    let allow = Self.allowHeader(allowed)
    var response: Response
    switch self {
    case .flaskHTML:
      response =
        HTTPAbort(status: 405, name: "Method Not Allowed", message: "The method is not allowed for the requested URL.")
        .response
    case .json:
      response = .error("\(request.method) is not allowed on \(request.path); allowed: \(allow)", status: 405)
    }
    response.headers["Allow"] = allow
    return response
  }

  /// The methods Flask lists for a route declaring `methods`: those, `HEAD` with `GET`, and `OPTIONS`, sorted.
  static func allowHeader(_ methods: [String]) -> String {
    var all = Set(methods).union(["OPTIONS"])
    if all.contains("GET") { all.insert("HEAD") }
    return all.sorted().joined(separator: ", ")
  }
}

extension HTTPAbort {
  static let notFound = HTTPAbort(
    status: 404, name: "Not Found",
    message:
      "The requested URL was not found on the server. If you entered the URL manually please check your spelling "
      + "and try again.")
}
