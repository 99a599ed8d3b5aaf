import Store

/// A view function: takes the request and the request's database session, answers a response or throws.
public typealias Handler = @Sendable (Request, Session) throws -> Response

/// Runs `handler` the way Flask and Flask-SQLAlchemy run a view.
///
/// The view gets a fresh session, which is closed afterwards (rolling back anything uncommitted). An `HTTPAbort`
/// becomes its status; any other error becomes a 500 with the error kept in `uncaughtError`. Whatever the view
/// committed before failing stays committed.
public func serve(_ handler: Handler, _ request: Request, on store: Store) -> Response {
  let session = store.openSession()
  defer { session.close() }
  do {
    return try handler(request, session)
  } catch let abort as HTTPAbort {
    return abort.response
  } catch {
    return .internalServerError(error)
  }
}
