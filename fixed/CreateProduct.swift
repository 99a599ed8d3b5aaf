import RequestLayer
import Store

/// `POST /api/products`, corrected: checked input and caller, one transaction, the initial stock logged.
///
/// Client mistakes get a 4xx naming what is wrong (400/401/403/404/409/415) and write nothing; a database failure
/// is rolled back and answered 503, so a retry is safe.
@Sendable
public func createProduct(_ request: Request, _ db: Session) throws -> Response {
  guard let principal = request.principal else {  // finding: no-authentication
    return ClientError.unauthenticated.response
  }
  let data: ProductInput
  do { data = try ProductInput(request) } catch { return error.response }  // finding: missing-validation
  do {
    return try insertProduct(data, by: principal, at: request.receivedAt, db)
  } catch {
    db.rollback()  // finding: non-atomic-commit
    if case .uniqueViolation(table: "products", _, _) = error {  // finding: sku-race
      return ClientError(status: 409, field: "sku", "a product with sku \(data.sku) already exists").response
    }
    return .error(  // finding: no-error-handling
      "the product could not be created because the database failed; nothing was saved, retry the request",
      status: 503, headers: ["Retry-After": "1"])
  }
}

/// The transaction: checks the warehouse and the SKU, then writes product, inventory and change log, committing once.
private func insertProduct(_ data: ProductInput, by principal: Principal, at time: Int, _ db: Session)
  throws(StoreError) -> Response
{
  guard let warehouse = try db.get("warehouses", id: data.warehouseID) else {  // finding: unknown-warehouse
    return ClientError(status: 404, field: "warehouse_id", "warehouse \(data.warehouseID) does not exist").response
  }
  guard warehouse["company_id"] == .int(principal.companyID) else {  // finding: no-tenant-check
    return ClientError(status: 403, field: "warehouse_id", "warehouse \(data.warehouseID) belongs to another company")
      .response
  }
  if try db.first("products", where: ["sku": .text(data.sku)]) != nil {  // finding: duplicate-sku
    return ClientError(status: 409, field: "sku", "a product with sku \(data.sku) already exists").response
  }

  // Create new product
  let product = db.add(
    "products",
    [
      "name": .text(data.name),
      "sku": .text(data.sku),
      "price": .decimal(data.price),  // finding: float-price
      "company_id": .int(principal.companyID),  // finding: product-tied-to-warehouse
    ])
  try db.flush()  // finding: non-atomic-commit
  let productID = try product.id!  // read before the commit, which would expire it: no statement after COMMIT

  // Update inventory count
  let inventory = db.add(
    "inventory",
    [
      "product_id": .int(productID),
      "warehouse_id": .int(data.warehouseID),
      "quantity": .int(data.initialQuantity),  // finding: required-optional-field
    ])
  try db.flush()
  db.add(
    "inventory_changes",
    [  // finding: no-change-log
      "inventory_id": .int(try inventory.id!), "change": .int(data.initialQuantity),
      "quantity_after": .int(data.initialQuantity), "reason": .text("initial_stock"),
      "user_id": .int(principal.userID), "created_at": .timestamp(time),
    ])
  try db.commit()  // finding: non-atomic-commit

  return .json(  // finding: wrong-status-code
    ["message": "Product created", "product_id": .integer(productID)], status: 201,
    headers: ["Location": "/api/products/\(productID)"])
}
