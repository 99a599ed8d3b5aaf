import RequestLayer
import Store

/// `GET /api/companies/<company_id>/alerts/low-stock` as the candidate sketched it, ported statement by statement.
///
/// Every failure escapes to Flask (a 500). The placeholders for sales and suppliers are the sketch's own: they
/// answer the same for every product. The Python it ports is `python/apps/candidate/alerts.py`.
@Sendable
public func lowStockAlerts(_ request: Request, _ db: Session) throws -> Response {  // finding: alerts-no-authorization
  var alerts: [JSONValue] = []
  let inventoryItems = try db.select("inventory")  // finding: alerts-ignores-company, alerts-unknown-company

  for item in inventoryItems {
    let product = try db.get("products", id: item["product_id"].int!)!  // finding: alerts-query-per-row
    let threshold = product["low_stock_threshold"]  // finding: alerts-ignores-product-type
    if try pythonGreaterOrEqual(item["quantity"], threshold) {  // finding: alerts-missing-threshold-crash
      continue
    }
    let averageDailySales = averageDailySalesPlaceholder(product.id)  // finding: alerts-no-recent-sales-filter
    if averageDailySales == 0 {
      continue
    }
    let daysUntilStockout = item["quantity"].int! / averageDailySales  // finding: alerts-fake-sales-rate
    let supplier = supplierPlaceholder(product.id)  // finding: alerts-placeholder-supplier, alerts-no-reorder-quantity
    alerts.append([  // finding: alerts-missing-warehouse-name
      "product_id": .integer(product.id), "product_name": .string(product["name"].text ?? ""),
      "sku": .string(product["sku"].text ?? ""), "warehouse_id": item["warehouse_id"].json,
      "current_stock": item["quantity"].json, "threshold": threshold.json,
      "days_until_stockout": .integer(daysUntilStockout), "supplier": supplier,
    ])
  }

  return .json(  // finding: alerts-unsorted-unpaginated
    ["alerts": .array(alerts), "total_alerts": .integer(alerts.count)])
}

/// The sketch's `get_average_daily_sales(product_id)`: a placeholder that answers 2 for every product.
private func averageDailySalesPlaceholder(_ productID: Int) -> Int { 2 }

/// The sketch's `get_supplier(product_id)`: a placeholder that answers the same supplier for every product.
private func supplierPlaceholder(_ productID: Int) -> JSONValue {
  ["id": .integer(1), "name": "Default Supplier", "contact_email": "supplier@example.com"]
}

/// Python's `a >= b` on two stored values: `TypeError` when either is `None`.
private func pythonGreaterOrEqual(_ left: Value, _ right: Value) throws -> Bool {
  guard let left = left.int, let right = right.int else {
    throw PythonError.typeError(
      "'>=' not supported between instances of '\(left.pythonTypeName)' and '\(right.pythonTypeName)'")
  }
  return left >= right
}
