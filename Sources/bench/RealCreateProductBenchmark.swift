import Findings
import RealStack
import RequestLayer
import Store

/// Create-product throughput of `python/apps/original` and `python/apps/fixed` on PostgreSQL with durable commits,
/// 1 and 8 concurrent clients, distinct and colliding SKUs; timed inside the adapter (its `bench` command), so the
/// pipe to it is not what is measured.
enum RealCreateProductBenchmark {
  nonisolated(unsafe) static var requests = 1_000
  static let collidingSKUs = 100

  /// One scenario's figures for both apps.
  struct Figure {
    let scenario: String
    let original: RealApp.BenchOutcome
    let fixed: RealApp.BenchOutcome

    var ratio: Double { fixed.throughput / original.throughput }
  }

  static func run(on stack: RealStack) throws -> [Figure] {
    let original = try launch("apps/original", on: stack).app
    let fixed = try launch("apps/fixed", on: stack).app
    defer {
      original.quit()
      fixed.quit()
    }
    var figures: [Figure] = []
    for clients in [1, 8] {
      for colliding in [false, true] {
        let scenario =
          "\(clients == 1 ? "1 client" : "\(clients) clients"), \(colliding ? "colliding SKUs" : "distinct SKUs")"
        let figure = Figure(
          scenario: scenario, original: try measure(original, clients: clients, colliding: colliding),
          fixed: try measure(fixed, clients: clients, colliding: colliding))
        figures.append(figure)
        print(
          "real create-product, \(scenario): original \(Int(figure.original.throughput)) req/s, "
            + "fixed \(Int(figure.fixed.throughput)) req/s, ratio \(CreateProductBenchmark.format(figure.ratio))")
      }
    }
    return figures
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

  /// The markdown section.
  static func markdown(_ figures: [Figure]) -> String {
    var lines = [
      "## Throughput on the real stack", "",
      "`python/apps/original` and `python/apps/fixed` on Flask + SQLAlchemy + PostgreSQL with durable commits "
        + "(`fsync` and `synchronous_commit` on), measured on \(Machine.description) by the adapter's `bench` command "
        + "(Flask's test client on K threads, each with its own connection, timed inside the adapter): "
        + "\(requests) valid creates per run after a warm-up, colliding runs over \(collidingSKUs) SKUs.",
      "",
      "| scenario | original (req/s) | fixed (req/s) | fixed / original | original: statements per request, statuses "
        + "| fixed: statements per request, statuses |",
      "|---|---|---|---|---|---|",
    ]
    for figure in figures {
      lines.append(
        "| \(figure.scenario) | \(Int(figure.original.throughput)) | \(Int(figure.fixed.throughput)) | "
          + "\(CreateProductBenchmark.format(figure.ratio)) | \(summary(figure.original)) | \(summary(figure.fixed)) |")
    }
    return lines.joined(separator: "\n")
  }

  static func summary(_ outcome: RealApp.BenchOutcome) -> String {
    let total = outcome.statuses.values.reduce(0, +)
    let perRequest = Double(outcome.statements) / Double(max(total, 1))
    let statuses = outcome.statuses.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
    return "\(CreateProductBenchmark.format(perRequest)); \(statuses.joined(separator: ", "))"
  }
}
