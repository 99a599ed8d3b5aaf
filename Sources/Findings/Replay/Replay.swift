import RequestLayer
import Store

/// Runs requests in order against implementations, each on its own fresh store loaded with a fixture.
///
/// A request can depend on the ones before it (create, then the same SKU again; a failing request, then its
/// retry), because each implementation keeps its store for the whole script.
public enum Replay {
  /// What one implementation answered to one request, and the store afterwards.
  public struct Exchange: Sendable {
    public let implementation: String
    /// The request's position in the script, from 1.
    public let index: Int
    public let request: ScriptedRequest
    public let response: Response
    public let changes: [RowChange]
    public let snapshot: Snapshot
  }

  /// Every exchange, implementation by implementation, request by request.
  public static func run(
    _ script: [ScriptedRequest], against implementations: [any Deployment], fixture: Fixture
  ) throws -> [Exchange] {
    try implementations.flatMap { implementation in
      let system = try implementation.start(with: fixture)
      var before = try system.snapshot()
      return try script.enumerated().map { offset, scripted in
        let sent = try system.send(scripted.request(in: fixture))
        defer { before = sent.after }
        return Exchange(
          implementation: implementation.name, index: offset + 1, request: scripted, response: sent.response,
          changes: sent.after.changes(since: before), snapshot: sent.after)
      }
    }
  }
}
