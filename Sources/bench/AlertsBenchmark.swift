import Findings
import Report
import RequestLayer
import Store
import Submissions

/// One company's low-stock alerts on a large store: 1,000 companies, 10 warehouses each, 100 products per warehouse
/// (stocked in each of the company's warehouses), with sales; the candidate's sketch's and the fix's median time.
enum AlertsBenchmark {
  nonisolated(unsafe) static var companies = 1_000
  static let warehousesPerCompany = 10
  static let productsPerCompany = 100

  /// Requests timed per implementation; the median is kept.
  static let requests = 3

  /// The large store's shape.
  static var store: EvidenceFigures.AlertsStore {
    EvidenceFigures.AlertsStore(
      companies: companies, warehousesPerCompany: warehousesPerCompany, productsPerCompany: productsPerCompany)
  }

  /// Measures both implementations, prints the figures as it goes and answers them.
  static func run() -> EvidenceFigures.InMemoryAlerts {
    var timings: [EvidenceFigures.InMemoryAlerts.Timing] = []
    for implementation in [Registry.candidate, Registry.fixed] {
      let clock = ContinuousClock()
      let store = implementation.makeStore()
      let seeding = clock.measure { seed(store) }
      print("alerts: seeded \(implementation.name)'s store in \(EvidenceFile.tenths(seeding.seconds)) s")
      var samples: [Double] = []
      var alerts = 0
      for _ in 0..<requests {
        var response: Response?
        let elapsed = clock.measure {
          response = implementation.handle(
            .get("/api/companies/1/alerts/low-stock", query: ["limit": "500"], as: Fixture.acmeUser), on: store)
        }
        alerts = response?.alertObjects.count ?? 0
        samples.append(elapsed.seconds)
      }
      let median = samples.sorted()[samples.count / 2]
      timings.append(
        EvidenceFigures.InMemoryAlerts.Timing(
          implementation: implementation.name, seedingSeconds: seeding.seconds, medianSeconds: median, alerts: alerts))
      print(
        "alerts: \(implementation.name) answered company 1 in \(EvidenceFile.tenths(median * 1000)) ms "
          + "(\(alerts) alerts)")
    }
    print(
      "alerts: the fix is \(EvidenceFile.timesFaster(timings[0].medianSeconds, than: timings[1].medianSeconds)) times faster"
    )
    return EvidenceFigures.InMemoryAlerts(store: store, requests: requests, implementations: timings)
  }

  /// Loads the large store: companies, warehouses, products, stock and sales, in bulk transactions.
  static func seed(_ store: Store) {
    let schema = store.schema
    let hasCompany = schema.table("products")?.column("company_id") != nil
    let hasTimestamps = schema.table("products")?.column("created_at") != nil
    let yesterday = Value.timestamp(Request.defaultTime - 86_400)
    let hasSales = schema.table("sales") != nil
    try! store.seed("companies", (1...companies).map { ["name": .text("Company \($0)")] })
    try! store.seed(
      "warehouses",
      (0..<(companies * warehousesPerCompany)).map { index in
        ["company_id": .int(index / warehousesPerCompany + 1), "name": .text("Warehouse \(index + 1)")]
      })
    try! store.seed(
      "products",
      (0..<(companies * productsPerCompany)).map { index in
        var row: [String: Value] = [
          "name": .text("Product \(index + 1)"), "sku": .text("SKU-\(index + 1)"), "price": .int(10),
          "low_stock_threshold": .int(20),
        ]
        if hasCompany { row["company_id"] = .int(index / productsPerCompany + 1) }
        if hasTimestamps {
          row["created_at"] = yesterday
          row["updated_at"] = yesterday
        }
        return row
      })
    for company in 0..<companies {
      var stock: [[String: Value]] = []
      for product in 0..<productsPerCompany {
        for warehouse in 0..<warehousesPerCompany {
          stock.append([
            "product_id": .int(company * productsPerCompany + product + 1),
            "warehouse_id": .int(company * warehousesPerCompany + warehouse + 1),
            "quantity": .int((product * 7 + warehouse * 3) % 50),
          ])
        }
      }
      try! store.seed("inventory", stock)
    }
    if hasSales {
      try! store.seed(
        "sales",
        (0..<(companies * productsPerCompany)).map { index in
          [
            "product_id": .int(index + 1), "warehouse_id": .int(index / productsPerCompany * warehousesPerCompany + 1),
            "quantity": .int(3), "sold_at": yesterday,
          ]
        })
    }
  }
}

extension Duration {
  var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
