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
  /// How long commits are made to wait before their durable write in the runs that delay them (`CommitDelay`), in
  /// microseconds: from about a network-attached volume's flush to a standby's in another zone.
  static let commitDelays = [1_000, 2_000, 5_000]

  /// Measures every scenario on the three apps, printing each as it finishes, and answers the figures: 1 and 8
  /// clients with distinct and with colliding SKUs, then distinct SKUs again where a commit is dearer, which is
  /// where committing once should pay: with a synchronous standby that every commit waits for (1 and 8 clients),
  /// and with every commit delayed by each of ``commitDelays`` (1 client; 8 clients at the longest delay). The
  /// one-client runs with distinct SKUs, undelayed and at every delay, take turns with each other too, so that
  /// they can be compared run with run.
  static func run(on stack: RealStack) throws -> EvidenceFigures.RealStackCreateProduct {
    let apps = try ["apps/original", "apps/fixed", "apps/candidate"].map { try launch($0, on: stack).app }
    defer { for app in apps { app.quit() } }
    func measureScenarios(clients: Int, colliding: Bool = false, standby: Bool = false, delays: [Int?] = [nil])
      throws -> [EvidenceFigures.RealStackCreateProduct.Scenario]
    {
      let outcomes = try measure(apps, clients: clients, colliding: colliding, delays: delays, on: stack.cluster)
      return zip(delays, outcomes).map { delay, outcome in
        let runs = outcome.map(figures)
        let scenario = EvidenceFigures.RealStackCreateProduct.Scenario(
          clients: clients, collidingSkus: colliding, original: runs[0], fixed: runs[1], candidate: runs[2],
          synchronousStandby: standby ? true : nil, commitDelayMicroseconds: delay)
        print(
          "real create-product, \(scenario.label): "
            + "original \(EvidenceFile.whole(scenario.original.requestsPerSecond)) req/s, "
            + "fixed \(EvidenceFile.whole(scenario.fixed.requestsPerSecond)) req/s, ratio "
            + EvidenceFile.hundredths(scenario.fixed.requestsPerSecond / scenario.original.requestsPerSecond)
            + "; candidate \(EvidenceFile.whole(scenario.candidate?.requestsPerSecond ?? 0)) req/s")
        return scenario
      }
    }
    let oneClient = try measureScenarios(clients: 1, delays: [nil] + commitDelays)
    var scenarios = [oneClient[0]]
    scenarios += try measureScenarios(clients: 1, colliding: true)
    for colliding in [false, true] {
      scenarios += try measureScenarios(clients: 8, colliding: colliding)
    }
    let standby = try SynchronousStandby.attach(to: stack.cluster)
    defer { standby.detach() }
    for clients in [1, 8] {
      scenarios += try measureScenarios(clients: clients, standby: true)
    }
    standby.detach()
    scenarios += oneClient.dropFirst()
    scenarios += try measureScenarios(clients: 8, delays: [commitDelays.last!])
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

  /// Each app: a warm-up of 20 requests and a fresh demo fixture; then `requests` valid creates at each of
  /// `delays` (`nil`: commits undelayed), in turns of `requests / rounds`: each turn visits the delays in order and,
  /// at each, every app takes its turn; the turns are added up per delay and app (`[delay][app]`). Distinct SKUs are
  /// `B<turn>-<delay's index>-0`, `B<turn>-<delay's index>-1`, ...; colliding ones cycle through `B-0` ... `B-99`
  /// across the turns, so the first turn creates them and every later request collides. The commit delay is lifted
  /// again before this answers.
  static func measure(
    _ apps: [RealApp], clients: Int, colliding: Bool, delays: [Int?], on cluster: PostgresCluster
  ) throws -> [[RealApp.BenchOutcome]] {
    for app in apps {
      _ = try app.reset(fixture: Fixture.demo.tables)
      _ = try app.bench(create(sku: "WARM-{n}"), count: 20, clients: clients, vary: "{n}")
      _ = try app.reset(fixture: Fixture.demo.tables)
    }
    let delaysCommits = delays.contains { $0 != nil }
    defer { if delaysCommits { try? CommitDelay.set(nil, on: cluster) } }
    var totals = [[RealApp.BenchOutcome?]](repeating: Array(repeating: nil, count: apps.count), count: delays.count)
    for turn in 0..<rounds {
      let count = requests / rounds + (turn < requests % rounds ? 1 : 0)
      for (condition, delay) in delays.enumerated() {
        if delaysCommits { try CommitDelay.set(delay, on: cluster) }
        let sku = colliding ? "B-{n}" : "B\(turn)-\(condition)-{n}"
        for (index, app) in apps.enumerated() {
          let outcome = try app.bench(
            create(sku: sku), count: count, clients: clients, vary: "{n}", modulo: colliding ? collidingSKUs : nil)
          totals[condition][index] = totals[condition][index].map { $0 + outcome } ?? outcome
        }
      }
    }
    return totals.map { $0.map { $0! } }
  }

  static func create(sku: String) -> Request {
    .post("/api/products", body: ProductBody.json(["sku": "\"\(sku)\""]), as: Fixture.acmeUser)
  }
}
