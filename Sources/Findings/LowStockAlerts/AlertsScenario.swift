import RequestLayer
import Store

/// Seeds products, stock, sales and suppliers into whichever schema an implementation has, for the alerts probes.
///
/// Columns and tables the schema lacks are left out: the original's schema has no product types, sales or
/// suppliers, so what the scenario says about them simply does not exist there, as in the code under review.
public struct AlertsScenario {
  public let trial: Trial
  var store: Store { trial.store }

  public init(_ trial: Trial) {
    self.trial = trial
  }

  /// A fresh trial with the scenario seeder, or `nil` when the implementation has no alerts endpoint.
  public static func start(_ implementation: Implementation) -> AlertsScenario? {
    implementation.lowStockAlerts == nil ? nil : AlertsScenario(Trial(implementation))
  }

  private func has(_ table: String, _ column: String? = nil) -> Bool {
    guard let schema = store.schema.table(table) else { return false }
    return column.map { schema.column($0) != nil } ?? true
  }

  /// A product type with a default threshold; `nil` where the schema has no product types.
  @discardableResult
  public func productType(_ name: String, threshold: Int) -> Int? {
    has("product_types")
      ? try! store.seed("product_types", ["name": .text(name), "low_stock_threshold": .int(threshold)]) : nil
  }

  /// A product of `company` with its own threshold (or none) and an optional type.
  @discardableResult
  public func product(_ name: String, sku: String, company: Int = 1, threshold: Int?, type: Int? = nil) -> Int {
    var values: [String: Value] = [
      "name": .text(name), "sku": .text(sku), "price": .int(10),
      "low_stock_threshold": threshold.map(Value.int) ?? .null,
    ]
    if has("products", "company_id") { values["company_id"] = .int(company) }
    if has("products", "product_type_id"), let type { values["product_type_id"] = .int(type) }
    return try! store.seed("products", values)
  }

  /// A product stocked at `stock` in `warehouse` and selling `perDay` units there each of the last 30 days.
  @discardableResult
  public func lowStock(
    _ name: String, sku: String, company: Int = 1, threshold: Int?, type: Int? = nil, warehouse: Int = 1,
    stock quantity: Int, perDay: Int
  ) -> Int {
    let product = product(name, sku: sku, company: company, threshold: threshold, type: type)
    stock(product, in: warehouse, quantity)
    sells(product, in: warehouse, perDay: perDay)
    return product
  }

  /// Stock of `product` in `warehouse`.
  public func stock(_ product: Int, in warehouse: Int, _ quantity: Int) {
    try! store.seed(
      "inventory", ["product_id": .int(product), "warehouse_id": .int(warehouse), "quantity": .int(quantity)])
  }

  /// A sale `daysAgo` days before the requests' clock; nothing where the schema has no sales.
  public func sale(_ product: Int, in warehouse: Int, _ quantity: Int, daysAgo: Int) {
    guard has("sales") else { return }
    try! store.seed(
      "sales",
      [
        "product_id": .int(product), "warehouse_id": .int(warehouse), "quantity": .int(quantity),
        "sold_at": .timestamp(Request.defaultTime - daysAgo * 86_400),
      ])
  }

  /// Steady daily sales: `perDay` units on each of the last `days` days.
  public func sells(_ product: Int, in warehouse: Int, perDay: Int, days: Int = 30) {
    for day in 1...days { sale(product, in: warehouse, perDay, daysAgo: day) }
  }

  /// A supplier that is `product`'s primary supplier for `company`; nothing where the schema has no suppliers.
  public func primarySupplier(_ product: Int, company: Int = 1, name: String, email: String) {
    guard has("suppliers") else { return }
    let supplier = try! store.seed("suppliers", ["name": .text(name), "contact_email": .text(email)])
    try! store.seed(
      "supplier_products",
      [
        "supplier_id": .int(supplier), "product_id": .int(product), "company_id": .int(company),
        "is_primary": .bool(true),
      ])
  }

  /// A company with one warehouse, beyond the fixture's; returns the warehouse id.
  public func company(_ name: String) -> (company: Int, warehouse: Int) {
    let company = try! store.seed("companies", ["name": .text(name)])
    return (company, try! store.seed("warehouses", ["company_id": .int(company), "name": .text("\(name) Depot")]))
  }

  /// `GET /api/companies/<company>/alerts/low-stock`, by the company's demo user unless told otherwise.
  @discardableResult
  public func alerts(
    company: Int = 1, query: [String: String] = [:], as principal: Principal? = Fixture.acmeUser
  ) -> Response {
    trial.send(.get("/api/companies/\(company)/alerts/low-stock", query: query, as: principal))
  }
}

extension Response {
  /// The `alerts` array of an alerts response, each alert as an object.
  public var alertObjects: [JSONObject] {
    guard case .object(let body)? = json, case .array(let alerts)? = body["alerts"] else { return [] }
    return alerts.compactMap { if case .object(let alert) = $0 { alert } else { nil } }
  }
}

extension Observation {
  /// The observation of a probe whose implementation has no alerts endpoint.
  static let noAlertsEndpoint = Observation(
    verdict: .notApplicable, summary: "has no low-stock alerts endpoint.", steps: [])
}
