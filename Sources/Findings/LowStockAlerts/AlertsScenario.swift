import RequestLayer
import Store
import Synchronization

/// Seeds products, stock, sales and suppliers into whichever schema a system has, for the alerts probes.
///
/// Columns and tables the schema lacks are left out: the candidate's schema has no product types, sales or
/// suppliers, so what the scenario says about them simply does not exist there, as in the code under review. A
/// product's low-stock threshold goes where the schema keeps it (see ``ThresholdHome``).
public struct AlertsScenario: Sendable {
  public let trial: Trial
  private let kept = Kept()

  /// The thresholds of products whose stock rows hold them, and the product types made to carry a threshold.
  private final class Kept: Sendable {
    let state = Mutex<(thresholds: [Int: Int], types: [String: Int])>(([:], [:]))
  }

  public init(_ trial: Trial) {
    self.trial = trial
  }

  /// Where a schema keeps a product's low-stock threshold.
  public enum ThresholdHome: Sendable {
    /// On the product, as the case study's schema does (and where the seed names the column when no home is found).
    case product
    /// On each of its stock rows: a threshold per product and warehouse; the product's goes on every row.
    case inventory
    /// Only on product types: a product gets a type made for its threshold.
    case productType
  }

  /// Where this schema keeps a product's low-stock threshold.
  public var thresholdHome: ThresholdHome {
    if has("products", "low_stock_threshold") { return .product }
    if has("inventory", "low_stock_threshold") { return .inventory }
    if has("product_types", "low_stock_threshold"), has("products", "product_type_id") { return .productType }
    return .product
  }

  private func has(_ table: String, _ column: String? = nil) -> Bool {
    trial.system.has(table, column: column)
  }

  /// Whether the schema has a `sales` table the scenario writes its sales into (without one, `sells` and `sale`
  /// write nothing).
  public var recordsSales: Bool { has("sales") }

  private func insert(_ table: String, _ rows: [[String: Value]]) throws -> [Int] {
    try trial.seed(table, rows).ids()
  }

  /// A product type with a default threshold (of `company`, where types belong to one); `nil` where the schema has
  /// no product types.
  @discardableResult
  public func productType(_ name: String, threshold: Int, company: Int = 1) throws -> Int? {
    has("product_types") ? try insertType(name, threshold: threshold, company: company) : nil
  }

  private func insertType(_ name: String, threshold: Int, company: Int) throws -> Int {
    var values: [String: Value] = ["name": .text(name), "low_stock_threshold": .int(threshold)]
    if has("product_types", "company_id") { values["company_id"] = .int(company) }
    return try insert("product_types", [values])[0]
  }

  /// A product of `company` with its own threshold (or none), an optional type and an optional primary supplier.
  @discardableResult
  public func product(
    _ name: String, sku: String, company: Int = 1, threshold: Int?, type: Int? = nil, supplier: Supply? = nil
  ) throws -> Int {
    var values: [String: Value] = ["name": .text(name), "sku": .text(sku), "price": .int(10)]
    var type = type
    let home = thresholdHome
    switch (home, threshold) {
    case (.product, _): values["low_stock_threshold"] = threshold.map(Value.int) ?? .null
    case (.productType, let threshold?): type = try typeCarrying(threshold, company: company)
    case (.inventory, _), (.productType, nil): break
    }
    if has("products", "company_id") { values["company_id"] = .int(company) }
    if has("products", "product_type_id"), let type { values["product_type_id"] = .int(type) }
    if has("products", "supplier_id"), !has("supplier_products"), let supplier {
      values["supplier_id"] = .int(supplier.id)  // one supplier per product, named on it
    }
    if has("products", "created_at") {
      values["created_at"] = .timestamp(Request.defaultTime)
      values["updated_at"] = .timestamp(Request.defaultTime)
    }
    let product = try insert("products", [values])[0]
    if home == .inventory, let threshold { kept.state.withLock { $0.thresholds[product] = threshold } }
    if let supplier { try link(product, to: supplier) }
    return product
  }

  /// The product type made to carry `threshold` in a schema that keeps thresholds only on types, made once per
  /// company.
  private func typeCarrying(_ threshold: Int, company: Int) throws -> Int {
    let key = "\(company)/\(threshold)"
    if let type = kept.state.withLock({ $0.types[key] }) { return type }
    let name = "Threshold \(threshold)" + (company == 1 ? "" : " (company \(company))")
    let type = try insertType(name, threshold: threshold, company: company)
    kept.state.withLock { $0.types[key] = type }
    return type
  }

  /// A product stocked at `stock` in `warehouse` and selling `perDay` units there each of the last 30 days.
  @discardableResult
  public func lowStock(
    _ name: String, sku: String, company: Int = 1, threshold: Int?, type: Int? = nil, supplier: Supply? = nil,
    warehouse: Int = 1, stock quantity: Int, perDay: Int
  ) throws -> Int {
    let product = try product(name, sku: sku, company: company, threshold: threshold, type: type, supplier: supplier)
    try stock(product, in: warehouse, quantity)
    try sells(product, in: warehouse, perDay: perDay)
    return product
  }

  /// Stock of `product` in `warehouse` (carrying the product's threshold where stock rows hold thresholds).
  public func stock(_ product: Int, in warehouse: Int, _ quantity: Int) throws {
    var values: [String: Value] = [
      "product_id": .int(product), "warehouse_id": .int(warehouse), "quantity": .int(quantity),
    ]
    if thresholdHome == .inventory {
      values["low_stock_threshold"] = kept.state.withLock { $0.thresholds[product] }.map(Value.int) ?? .null
    }
    _ = try insert("inventory", [values])
  }

  /// A sale `daysAgo` days before the requests' clock; nothing where the schema has no sales.
  public func sale(_ product: Int, in warehouse: Int, _ quantity: Int, daysAgo: Int) throws {
    try sales(product, in: warehouse, [(quantity, daysAgo)])
  }

  /// Steady daily sales: `perDay` units on each of the last `days` days.
  public func sells(_ product: Int, in warehouse: Int, perDay: Int, days: Int = 30) throws {
    try sales(product, in: warehouse, (1...days).map { (perDay, $0) })
  }

  private func sales(_ product: Int, in warehouse: Int, _ sales: [(quantity: Int, daysAgo: Int)]) throws {
    guard has("sales") else { return }
    _ = try insert(
      "sales",
      sales.map { sale in
        [
          "product_id": .int(product), "warehouse_id": .int(warehouse), "quantity": .int(sale.quantity),
          "sold_at": .timestamp(Request.defaultTime - sale.daysAgo * 86_400),
        ]
      })
  }

  /// A supplier of `company` and the terms it supplies on, to make some product's primary supplier (``product``
  /// and ``lowStock`` take it); `nil` where the schema has no suppliers.
  public func supplier(
    company: Int = 1, name: String, email: String, leadTimeDays: Int? = nil, minOrderQuantity: Int? = nil
  ) throws -> Supply? {
    guard has("suppliers") else { return nil }
    var values: [String: Value] = ["name": .text(name), "contact_email": .text(email)]
    if has("suppliers", "company_id") { values["company_id"] = .int(company) }  // a schema with suppliers per company
    let terms = Self.terms(leadTimeDays: leadTimeDays, minOrderQuantity: minOrderQuantity)
    if !has("supplier_products") {  // a supplier's own terms, where no link between product and supplier holds them
      values.merge(terms.filter { has("suppliers", $0.key) }) { $1 }
    }
    return Supply(id: try insert("suppliers", [values])[0], company: company, terms: terms)
  }

  /// A supplier made by ``supplier(company:name:email:leadTimeDays:minOrderQuantity:)``, with the terms a link
  /// between a product and it carries.
  public struct Supply: Sendable {
    let id: Int
    let company: Int
    let terms: [String: Value]
  }

  private static func terms(leadTimeDays: Int?, minOrderQuantity: Int?) -> [String: Value] {
    var terms: [String: Value] = [:]
    if let leadTimeDays { terms["lead_time_days"] = .int(leadTimeDays) }
    if let minOrderQuantity { terms["min_order_quantity"] = .int(minOrderQuantity) }
    return terms
  }

  /// Makes `supply`'s supplier the primary supplier of `product`, through a link between them where the schema has
  /// one (with the terms it holds); a schema naming one supplier on the product got it when the product was made.
  private func link(_ product: Int, to supply: Supply) throws {
    guard has("supplier_products") else { return }
    // A schema linking a product to its suppliers without a company or a primary flag (the link itself names the
    // supplier) still gets the link.
    var link: [String: Value] = ["supplier_id": .int(supply.id), "product_id": .int(product)]
    if has("supplier_products", "company_id") { link["company_id"] = .int(supply.company) }
    if has("supplier_products", "is_primary") { link["is_primary"] = .bool(true) }
    link.merge(supply.terms.filter { has("supplier_products", $0.key) }) { $1 }
    _ = try insert("supplier_products", [link])
  }

  /// A company with one warehouse, beyond the fixture's; returns the warehouse id.
  public func company(_ name: String) throws -> (company: Int, warehouse: Int) {
    let company = try insert("companies", [["name": .text(name)]])[0]
    return (company, try insert("warehouses", [["company_id": .int(company), "name": .text("\(name) Depot")]])[0])
  }

  /// `GET /api/companies/<company>/alerts/low-stock`, by the company's demo user unless told otherwise.
  @discardableResult
  public func alerts(
    company: Int = 1, query: [String: String] = [:], as principal: Principal? = Fixture.acmeUser
  ) throws -> Response {
    try trial.send(.get("/api/companies/\(company)/alerts/low-stock", query: query, as: principal))
  }

  /// `alerts(...)`, also returning how many statements the request sent.
  public func alertsCountingStatements() throws -> (response: Response, statements: Int) {
    let (exchange, _) = try trial.exchange(.get("/api/companies/1/alerts/low-stock", as: Fixture.acmeUser))
    return (exchange.response, exchange.statements.count)
  }
}

extension Response {
  /// The `alerts` array of an alerts response, each alert as an object.
  public var alertObjects: [JSONObject] {
    guard case .object(let body)? = json, case .array(let alerts)? = body["alerts"] else { return [] }
    return alerts.compactMap { if case .object(let alert) = $0 { alert } else { nil } }
  }
}
