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

  /// Sweeps every statement `deployment` sends for a valid create-product request.
  public static func perform(against deployment: some Deployment) throws -> FaultSweep {
    let request = Request.post("/api/products", body: ProductBody.json(), as: Fixture.acmeUser)
    let statements = try deployment.start(with: .demo).send(request).statements
    let outcomes = try statements.indices.map { offset in
      let system = try deployment.start(with: .demo)
      let before = try system.snapshot()
      let occurrence = statements[...offset].filter { $0 == statements[offset] }.count
      try system.inject(.failing(statements[offset], occurrence: occurrence))
      let exchange = try system.send(request)
      return Outcome(
        statement: statements[offset], response: exchange.response, changes: exchange.after.changes(since: before))
    }
    return FaultSweep(implementation: deployment.name, outcomes: outcomes)
  }
}
