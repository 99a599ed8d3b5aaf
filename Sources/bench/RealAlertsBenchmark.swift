import Findings
import RealStack
import Report
import RequestLayer
import Store

/// Low-stock alerts of the candidate's sketch (`python/apps/candidate`) and of the fix (`python/apps/fixed`) on
/// PostgreSQL with the large store of ``AlertsBenchmark`` (seeded by COPY): median of 3 requests for company 1's
/// alerts, with the statements each sent and the rows they read, and the plan of the fix's main query.
enum RealAlertsBenchmark {
  /// Measures both apps, printing each as it finishes, and answers the figures with the plan of the fix's main
  /// query.
  static func run(on stack: RealStack) throws -> EvidenceFigures.RealStackAlerts {
    var timings: [EvidenceFigures.RealStackAlerts.Timing] = []
    var plan: [String] = []
    for (name, path) in [("candidate", "apps/candidate"), ("fixed", "apps/fixed")] {
      let (app, shape) = try RealCreateProductBenchmark.launch(path, on: stack)
      defer { app.quit() }
      let clock = ContinuousClock()
      let seeding = try clock.measure { try seed(app, shape: shape) }
      print("real alerts: seeded \(name)'s database in \(EvidenceFile.tenths(seeding.seconds)) s")
      var samples: [RealApp.BenchOutcome] = []
      for _ in 0..<AlertsBenchmark.requests {
        samples.append(try app.bench(request, count: 1, clients: 1))
      }
      let median = samples.sorted { $0.elapsedSeconds < $1.elapsedSeconds }[samples.count / 2]
      timings.append(
        EvidenceFigures.RealStackAlerts.Timing(
          implementation: name, seedingSeconds: seeding.seconds, medianSeconds: median.elapsedSeconds,
          statements: median.statements, rowsRead: median.rowsRead, responseBytes: median.responseBytes))
      print(
        "real alerts: \(name) answered company 1 in \(EvidenceFile.tenths(median.elapsedSeconds * 1000)) ms, "
          + "\(median.statements) statements, \(median.rowsRead) rows read")
      if name == "fixed" {
        plan = try app.explain(request, statement: .select(table: "inventory"), analyze: true) ?? []
      }
    }
    return EvidenceFigures.RealStackAlerts(
      store: AlertsBenchmark.store, requests: AlertsBenchmark.requests, implementations: timings, fixPlan: plan)
  }

  static let request = Request.get(
    "/api/companies/1/alerts/low-stock", query: ["limit": "500"], as: Fixture.acmeUser)

  /// Empties the app's tables and loads the large store by COPY, only into the tables and columns the app has.
  static func seed(_ app: RealApp, shape: RealApp.Shape) throws {
    _ = try app.reset(fixture: [])
    let companies = AlertsBenchmark.companies
    let warehouses = AlertsBenchmark.warehousesPerCompany
    let products = AlertsBenchmark.productsPerCompany
    let soldAt = Timestamp.iso8601(Request.defaultTime - 86_400)
    func copy(_ table: String, _ columns: [String], _ rows: Int, _ row: (Int) -> [String]) throws {
      guard let known = shape.tables[table] else { return }
      let kept = columns.indices.filter { known[columns[$0]] != nil }
      var csv = ""
      csv.reserveCapacity(rows * 24)
      for index in 0..<rows {
        let values = row(index)
        csv += kept.map { values[$0] }.joined(separator: ",")
        csv += "\n"
      }
      _ = try app.copy(table, columns: kept.map { columns[$0] }, csv: csv)
    }
    try copy("companies", ["name"], companies) { ["Company \($0 + 1)"] }
    try copy("users", ["company_id", "name", "role"], companies) { ["\($0 + 1)", "User \($0 + 1)", "manager"] }
    try copy("warehouses", ["company_id", "name"], companies * warehouses) {
      ["\($0 / warehouses + 1)", "Warehouse \($0 + 1)"]
    }
    try copy(
      "products", ["name", "sku", "price", "low_stock_threshold", "company_id", "created_at", "updated_at"],
      companies * products
    ) { ["Product \($0 + 1)", "SKU-\($0 + 1)", "10", "20", "\($0 / products + 1)", soldAt, soldAt] }
    try copy("inventory", ["product_id", "warehouse_id", "quantity"], companies * products * warehouses) { index in
      let company = index / (products * warehouses)
      let product = index / warehouses % products
      let warehouse = index % warehouses
      return [
        "\(company * products + product + 1)", "\(company * warehouses + warehouse + 1)",
        "\((product * 7 + warehouse * 3) % 50)",
      ]
    }
    try copy("sales", ["product_id", "warehouse_id", "quantity", "sold_at"], companies * products) {
      ["\($0 + 1)", "\($0 / products * warehouses + 1)", "3", soldAt]
    }
  }
}
