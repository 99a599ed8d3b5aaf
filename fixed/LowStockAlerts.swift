import RequestLayer
import Store

/// `GET /api/companies/<company_id>/alerts/low-stock`, done right: one company's stock, real thresholds, real
/// sales, real suppliers, most urgent first, a page at a time.
///
/// Reads only the company's rows, each table once, through indexes. 401 without a user, 404 for an unknown
/// company, 403 for another company's, 400 naming a bad query parameter; 503 when the database fails.
@Sendable
public func lowStockAlerts(_ request: Request, _ db: Session) throws -> Response {
  guard let principal = request.principal else {  // finding: alerts-no-authorization
    return ClientError.unauthenticated.response
  }
  let query: AlertsQuery
  do { query = try AlertsQuery(request.query) } catch { return error.response }  // finding: alerts-unsorted-unpaginated
  do {
    return try alerts(request.pathParameters["company_id"]!, principal, query, now: request.receivedAt, db)
  } catch {
    db.rollback()
    return .error(
      "the alerts could not be computed because the database failed; retry the request", status: 503,
      headers: ["Retry-After": "1"])
  }
}

/// The alerts of `companyID`'s warehouses, judged one warehouse at a time.
private func alerts(
  _ companyID: Int, _ principal: Principal, _ query: AlertsQuery, now: Int, _ db: Session
) throws(StoreError) -> Response {
  guard try db.get("companies", id: companyID) != nil else {  // finding: alerts-unknown-company
    return ClientError(status: 404, field: "company_id", "company \(companyID) does not exist").response
  }
  guard principal.companyID == companyID else {  // finding: alerts-no-authorization
    return ClientError(status: 403, field: "company_id", "company \(companyID) is not yours").response
  }
  let warehouses = rowsByID(  // finding: alerts-ignores-company
    try db.select("warehouses", where: ["company_id": .int(companyID)]))
  let inventory = try db.select("inventory", where: "warehouse_id", in: warehouses.keys.sorted().map(Value.int))
  let products = rowsByID(  // finding: alerts-query-per-row
    try db.select("products", where: "id", in: distinct(inventory.map { $0["product_id"] })))
  let types = rowsByID(
    try db.select("product_types", where: "id", in: distinct(products.values.map { $0["product_type_id"] })))
  let demand = try SalesDemand(  // finding: alerts-no-recent-sales-filter
    products: products.keys.sorted(), warehouses: Set(warehouses.keys), since: now - query.days * 86_400, db)
  let suppliers = try primarySuppliers(  // finding: alerts-placeholder-supplier
    of: products.keys.sorted(), for: companyID, db)

  var alerts: [Alert] = []
  for item in inventory {
    let product = products[item["product_id"].int!]!
    guard !demand.bundles.contains(product.id), demand.isActive(product.id) else { continue }
    let override = product["low_stock_threshold"].int  // finding: alerts-ignores-product-type
    let typeDefault = product["product_type_id"].int.flatMap { types[$0]?["low_stock_threshold"].int }
    guard let threshold = override ?? typeDefault else { continue }  // finding: alerts-missing-threshold-crash
    let stock = item["quantity"].int!
    guard stock < threshold else { continue }
    let warehouse = warehouses[item["warehouse_id"].int!]!
    let sold = demand.sold(product.id, in: warehouse.id)
    alerts.append(
      Alert(
        product: product, warehouse: warehouse, stock: stock, threshold: threshold,
        daysUntilStockout: sold == 0 ? nil : stock * query.days / sold,  // finding: alerts-fake-sales-rate
        supplier: suppliers[product.id]?.supplier,
        suggestedReorder: suggestedReorderQuantity(  // finding: alerts-no-reorder-quantity
          sold: sold, days: query.days, stock: stock, terms: suppliers[product.id]?.terms)))
  }
  alerts.sort()  // finding: alerts-unsorted-unpaginated
  let page = alerts.dropFirst(query.offset).prefix(query.limit)
  return .json([
    "alerts": .array(page.map(\.json)), "total_alerts": .integer(alerts.count), "limit": .integer(query.limit),
    "offset": .integer(query.offset), "window_days": .integer(query.days),
  ])
}

/// Days of sales a suggested reorder covers beyond the supplier's lead time.
let reorderCoverDays = 30  // finding: alerts-no-reorder-quantity

/// How many units to order: what the recent rate of sale (`sold` over `days`) uses up during the lead time and
/// ``reorderCoverDays`` more, rounded up to a whole unit, less `stock`; at least the supplier's minimum order when
/// anything is needed, 0 when the stock covers it. `nil` without a supplier or a known lead time.
func suggestedReorderQuantity(sold: Int, days: Int, stock: Int, terms: Row?) -> Int? {
  guard let terms, let leadTime = terms["lead_time_days"].int else { return nil }
  let needed = (sold * (leadTime + reorderCoverDays) + days - 1) / days
  guard needed > stock else { return 0 }
  return max(needed - stock, terms["min_order_quantity"].int ?? 1)
}

/// The primary supplier of each product for the company, where it has one, with its terms (the link's row).
private func primarySuppliers(
  of products: [Int], for companyID: Int, _ db: Session
) throws(StoreError) -> [Int: (supplier: Row, terms: Row)] {
  let links = try db.select("supplier_products", where: "product_id", in: products.map(Value.int)) {
    $0["company_id"] == .int(companyID) && $0["is_primary"] == .bool(true)
  }
  let suppliers = rowsByID(try db.select("suppliers", where: "id", in: distinct(links.map { $0["supplier_id"] })))
  return Dictionary(
    uniqueKeysWithValues: links.map { ($0["product_id"].int!, (suppliers[$0["supplier_id"].int!]!, $0)) })
}

private func rowsByID(_ rows: [Row]) -> [Int: Row] {
  Dictionary(uniqueKeysWithValues: rows.map { ($0.id, $0) })
}

private func distinct(_ values: [Value]) -> [Value] {
  Array(Set(values.filter { !$0.isNull })).sorted { ($0.int ?? 0) < ($1.int ?? 0) }
}

/// One product below its threshold in one warehouse.
private struct Alert: Comparable {
  let product: Row
  let warehouse: Row
  let stock: Int
  let threshold: Int
  /// Whole days of stock left at the recent rate of sale, rounded down; `nil` when it did not sell there.
  let daysUntilStockout: Int?
  let supplier: Row?
  /// Units to reorder (see ``suggestedReorderQuantity(sold:days:stock:terms:)``); `nil` without supplier terms.
  let suggestedReorder: Int?  // finding: alerts-no-reorder-quantity

  /// Most urgent first: fewest days left (unknown last), then lowest stock relative to threshold, then by ids.
  static func < (lhs: Alert, rhs: Alert) -> Bool {
    let left = lhs.daysUntilStockout ?? Int.max
    let right = rhs.daysUntilStockout ?? Int.max
    if left != right { return left < right }
    let leftRatio = lhs.stock * rhs.threshold
    let rightRatio = rhs.stock * lhs.threshold
    if leftRatio != rightRatio { return leftRatio < rightRatio }
    return (lhs.product.id, lhs.warehouse.id) < (rhs.product.id, rhs.warehouse.id)
  }

  static func == (lhs: Alert, rhs: Alert) -> Bool {
    (lhs.product.id, lhs.warehouse.id) == (rhs.product.id, rhs.warehouse.id)
  }

  var json: JSONValue {
    [
      "product_id": .integer(product.id), "product_name": product["name"].json, "sku": product["sku"].json,
      "warehouse_id": .integer(warehouse.id),
      "warehouse_name": warehouse["name"].json,  // finding: alerts-missing-warehouse-name
      "current_stock": .integer(stock), "threshold": .integer(threshold),
      "days_until_stockout": daysUntilStockout.map(JSONValue.integer) ?? .null,
      "supplier": supplier.map { supplier in
        ["id": .integer(supplier.id), "name": supplier["name"].json, "contact_email": supplier["contact_email"].json]
      } ?? .null,
      "suggested_reorder_quantity": suggestedReorder.map(JSONValue.integer) ?? .null,
    ]
  }
}
