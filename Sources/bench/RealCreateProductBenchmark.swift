import Findings
import RealStack
import Report
import RequestLayer
import Store

/// Create-product throughput of `python/apps/original`, `python/apps/fixed` and `python/apps/candidate` (the
/// single-commit correction, for what one commit saves alone) on PostgreSQL with durable commits, 1 and 8 clients,
/// distinct and colliding SKUs; timed inside the adapter (its `bench` command), so the pipe to it is not what is
/// measured. The three apps take turns in rounds, so a machine that speeds up or slows down during a scenario
/// weighs on all three alike and their ratios hold.
enum RealCreateProductBenchmark {
  nonisolated(unsafe) static var requests = 1_000
  static let collidingSKUs = 100
  /// How many turns each app takes per scenario, `requests / rounds` creates a turn.
  static let rounds = 10

  /// Measures every scenario on the three apps, printing each as it finishes, and answers the figures: 1 and 8
  /// clients with distinct and with colliding SKUs, then distinct SKUs again with a synchronous standby that every
  /// commit waits for (where a commit is dearer, which is where committing once should pay).
  static func run(on stack: RealStack) throws -> EvidenceFigures.RealStackCreateProduct {
    let apps = try ["apps/original", "apps/fixed", "apps/candidate"].map { try launch($0, on: stack).app }
    defer { for app in apps { app.quit() } }
    var scenarios: [EvidenceFigures.RealStackCreateProduct.Scenario] = []
    func measureScenario(clients: Int, colliding: Bool, standby: Bool) throws {
      let runs = try measure(apps, clients: clients, colliding: colliding).map(figures)
      let scenario = EvidenceFigures.RealStackCreateProduct.Scenario(
        clients: clients, collidingSkus: colliding, original: runs[0], fixed: runs[1], candidate: runs[2],
        synchronousStandby: standby ? true : nil)
      scenarios.append(scenario)
      print(
        "real create-product, \(scenario.label): "
          + "original \(EvidenceFile.whole(scenario.original.requestsPerSecond)) req/s, "
          + "fixed \(EvidenceFile.whole(scenario.fixed.requestsPerSecond)) req/s, ratio "
          + EvidenceFile.hundredths(scenario.fixed.requestsPerSecond / scenario.original.requestsPerSecond)
          + "; candidate \(EvidenceFile.whole(scenario.candidate?.requestsPerSecond ?? 0)) req/s")
    }
    for clients in [1, 8] {
      for colliding in [false, true] {
        try measureScenario(clients: clients, colliding: colliding, standby: false)
      }
    }
    let standby = try SynchronousStandby.attach(to: stack.cluster)
    defer { standby.detach() }
    for clients in [1, 8] {
      try measureScenario(clients: clients, colliding: false, standby: true)
    }
    let durableWrite = try stack.cluster.durableWriteMicroseconds()
    print("one durable 8 kB write (pg_test_fsync, fdatasync): \(durableWrite.map { "\($0) µs" } ?? "not measured")")
    return EvidenceFigures.RealStackCreateProduct(
      machine: Machine.description, requestsPerRun: requests, turnsPerRun: rounds, skusWhenColliding: collidingSKUs,
      scenarios: scenarios, durableWriteMicroseconds: durableWrite)
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

  /// Each app: a warm-up of 20 requests and a fresh demo fixture; then `requests` valid creates, the apps taking
  /// turns of `requests / rounds`, and each app's turns added up. Distinct SKUs are `B<turn>-0`, `B<turn>-1`, ...;
  /// colliding ones cycle through `B-0` ... `B-99` across the turns, so the first turn creates them and every
  /// later request collides.
  static func measure(_ apps: [RealApp], clients: Int, colliding: Bool) throws -> [RealApp.BenchOutcome] {
    for app in apps {
      _ = try app.reset(fixture: Fixture.demo.tables)
      _ = try app.bench(create(sku: "WARM-{n}"), count: 20, clients: clients, vary: "{n}")
      _ = try app.reset(fixture: Fixture.demo.tables)
    }
    var totals = [RealApp.BenchOutcome?](repeating: nil, count: apps.count)
    for turn in 0..<rounds {
      let count = requests / rounds + (turn < requests % rounds ? 1 : 0)
      let sku = colliding ? "B-{n}" : "B\(turn)-{n}"
      for (index, app) in apps.enumerated() {
        let outcome = try app.bench(
          create(sku: sku), count: count, clients: clients, vary: "{n}", modulo: colliding ? collidingSKUs : nil)
        totals[index] = totals[index].map { $0 + outcome } ?? outcome
      }
    }
    return totals.map { $0! }
  }

  static func create(sku: String) -> Request {
    .post("/api/products", body: ProductBody.json(["sku": "\"\(sku)\""]), as: Fixture.acmeUser)
  }
}
