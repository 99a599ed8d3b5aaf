import RequestLayer
import Store

/// Fails each statement of one valid create in turn and records what the client got and what the store kept.
///
/// The statements are those the implementation sends for the request on a fresh fixture store (recorded in a
/// dry run); each sweep step replays the request on another fresh store with that statement made to fail.
public struct FaultSweep: Sendable {
  /// One statement made to fail.
  public struct Outcome: Sendable {
    public let statement: Statement
    public let response: Response
    /// The rows left behind compared with the store before the request.
    public let changes: [RowChange]

    /// Whether the client was told the operation failed and may be retried, and nothing was kept.
    public var isCleanRetryableFailure: Bool {
      response.status == 503 && response.headers["Retry-After"] != nil && response.json != nil && changes.isEmpty
    }

    /// Whether a product was kept without an inventory row.
    public var leftOrphan: Bool {
      let products = changes.filter { if case .added("products", _) = $0 { true } else { false } }.count
      let inventory = changes.filter { if case .added("inventory", _) = $0 { true } else { false } }.count
      return products > inventory
    }
  }

  public let implementation: String
  public let outcomes: [Outcome]

  /// Sweeps every statement `implementation` sends for a valid create-product request.
  public static func perform(against implementation: Implementation) -> FaultSweep {
    let request = Request.post("/api/products", body: ProductBody.json(), as: Fixture.acmeUser)
    let dryRun = Trial(implementation)
    dryRun.store.recordStatements()
    dryRun.send(request)
    let statements = dryRun.store.statementLog.map(\.statement)
    let outcomes = statements.indices.map { offset in
      let trial = Trial(implementation)
      trial.store.inject(.failingStatement(number: offset + 1))
      let before = trial.store.snapshot()
      let response = implementation.handle(request, on: trial.store)
      return Outcome(
        statement: statements[offset], response: response, changes: trial.store.snapshot().changes(since: before))
    }
    return FaultSweep(implementation: implementation.name, outcomes: outcomes)
  }
}
