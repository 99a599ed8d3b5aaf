import Store

/// A view function: takes the request and the request's database session, answers a response or throws.
public typealias Handler = @Sendable (Request, Session) throws -> Response

/// Runs `handler` the way Flask and Flask-SQLAlchemy run a view.
///
/// The view gets a fresh session, which is closed afterwards (rolling back anything uncommitted). An `HTTPAbort`
/// becomes its status; any other error becomes a 500 with the error kept in `uncaughtError`, logged as Flask's
/// `log_exception` logs it: one `ERROR` record whose message is exactly `Exception on <path> [<method>]` (the
/// traceback rides along as the record's `exc_info`, not in its message), with no request id. Whatever the view
/// committed before failing stays committed.
///
/// A request without an `X-Request-Id` gets one, as a proxy in front of the app would set it: `req-<n>`, numbered
/// per store from 1, so runs are reproducible. `opened` is told the view's session before the view runs.
public func serve(
  _ handler: Handler, _ request: Request, on store: Store, opened: (Session) -> Void = { _ in }
) -> Response {
  var request = request
  if request.id == nil {
    request.setHeader("X-Request-Id", "req-\(store.nextValue(of: "request_ids"))")
  }
  let session = store.openSession()
  defer { session.close() }
  opened(session)
  do {
    return try handler(request, session)
  } catch let abort as HTTPAbort {
    return abort.response
  } catch {
    return Response.internalServerError(error).logging(.error, "Exception on \(request.path) [\(request.method)]")
  }
}
