import Findings
import RealStack
import Report
import RequestLayer
import Store

/// Create-product throughput of `python/apps/original`, `python/apps/fixed` and `python/apps/candidate` (the
/// single-commit correction, for what one commit saves alone) on PostgreSQL with durable commits, 1 and 8 clients, distinct and colliding SKUs; timed inside the adapter (its `bench` command), so the
/// pipe to it is not what is measured.
enum RealCreateProductBenchmark {
  nonisolated(unsafe) static var requests = 1_000
  static let collidingSKUs = 100

  /// Measures every scenario on both apps, printing each as it finishes, and answers the figures.
  static func run(on stack: RealStack) throws -> EvidenceFigures.RealStackCreateProduct {
    let original = try launch("apps/original", on: stack).app
    let fixed = try launch("apps/fixed", on: stack).app
    let candidate = try launch("apps/candidate", on: stack).app
    defer {
      original.quit()
      fixed.quit()
      candidate.quit()
    }
    var scenarios: [EvidenceFigures.RealStackCreateProduct.Scenario] = []
    for clients in [1, 8] {
      for colliding in [false, true] {
        let scenario = EvidenceFigures.RealStackCreateProduct.Scenario(
          clients: clients, collidingSkus: colliding,
          original: figures(try measure(original, clients: clients, colliding: colliding)),
          fixed: figures(try measure(fixed, clients: clients, colliding: colliding)),
          candidate: figures(try measure(candidate, clients: clients, colliding: colliding)))
        scenarios.append(scenario)
        print(
          "real create-product, \(scenario.label): "
            + "original \(EvidenceFile.whole(scenario.original.requestsPerSecond)) req/s, "
            + "fixed \(EvidenceFile.whole(scenario.fixed.requestsPerSecond)) req/s, ratio "
            + EvidenceFile.hundredths(scenario.fixed.requestsPerSecond / scenario.original.requestsPerSecond)
            + "; candidate \(EvidenceFile.whole(scenario.candidate?.requestsPerSecond ?? 0)) req/s")
      }
    }
    let durableWrite = try stack.cluster.durableWriteMicroseconds()
    print("one durable 8 kB write (pg_test_fsync, fdatasync): \(durableWrite.map { "\($0) µs" } ?? "not measured")")
    return EvidenceFigures.RealStackCreateProduct(
      machine: Machine.description, requestsPerRun: requests, skusWhenColliding: collidingSKUs, scenarios: scenarios,
      durableWriteMicroseconds: durableWrite)
  }

  /// What the adapter measured, as the figures file keeps it.
  static func figures(_ outcome: RealApp.BenchOutcome) -> EvidenceFigures.AppRun {
    EvidenceFigures.AppRun(
      requestsPerSecond: outcome.throughput, statements: outcome.statements, statuses: outcome.statuses,
      rowsRead: outcome.rowsRead, responseBytes: outcome.responseBytes, cpuSeconds: outcome.cpuSeconds,
      databaseSeconds: outcome.databaseSeconds, commits: outcome.commits)
  }

  /// An adapter running the app at `path` (relative to `python/`) on a new database of `stack`.
  static func launch(_ path: String, on stack: RealStack) throws -> (app: RealApp, shape: RealApp.Shape) {
    let app = RealApp(adapter: try stack.environment.launchAdapter(timeout: 600))
    let shape = try app.load(
      app: path, databaseURL: try stack.cluster.createDatabase(), now: Timestamp.iso8601(Request.defaultTime))
    return (app, shape)
  }

  /// A warm-up of 20 requests, a fresh demo fixture, then `requests` valid creates (SKUs `B-0`, `B-1`, ..., or
  /// over 100 SKUs when `colliding`).
  static func measure(_ app: RealApp, clients: Int, colliding: Bool) throws -> RealApp.BenchOutcome {
    _ = try app.reset(fixture: Fixture.demo.tables)
    _ = try app.bench(create(sku: "WARM-{n}"), count: 20, clients: clients, vary: "{n}")
    _ = try app.reset(fixture: Fixture.demo.tables)
    return try app.bench(
      create(sku: "B-{n}"), count: requests, clients: clients, vary: "{n}", modulo: colliding ? collidingSKUs : nil)
  }

  static func create(sku: String) -> Request {
    .post("/api/products", body: ProductBody.json(["sku": "\"\(sku)\""]), as: Fixture.acmeUser)
  }
}
