import RequestLayer
import Store

/// Why the caller may not stock the product in the warehouse it names, or `nil` when it may (or names none): the
/// warehouse must exist (404) and belong to the caller's company (403).
func warehouseRefusal(_ input: ProductInput, _ principal: Principal, _ db: Session) throws(StoreError) -> Response? {
  guard let warehouseID = input.warehouseID else { return nil }
  guard let warehouse = try db.get("warehouses", id: warehouseID) else {  // finding: unknown-warehouse
    return ClientError(status: 404, field: "warehouse_id", "warehouse \(warehouseID) does not exist").response
  }
  guard warehouse["company_id"] == .int(principal.companyID) else {  // finding: no-tenant-check
    return ClientError(status: 403, field: "warehouse_id", "warehouse \(warehouseID) belongs to another company")
      .response
  }
  return nil
}
