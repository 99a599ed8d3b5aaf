import RequestLayer
import Store

/// `POST /api/products`, corrected: checked input and caller, one transaction, the initial stock logged.
///
/// Client mistakes get a 4xx naming what is wrong (400/401/403/404/409/415/422) and write nothing. A database
/// failure is rolled back and answered by its cause (see `DatabaseFailure`): 503 only when a retry can help. With an
/// `Idempotency-Key`, a retry of a create whose answer was lost gets the first answer instead of a 409. Without a
/// `warehouse_id` the product enters the catalog unstocked.
@Sendable
public func createProduct(_ request: Request, _ db: Session) throws -> Response {
  guard let principal = request.principal else {  // finding: no-authentication
    return ClientError.unauthenticated.response
  }
  let data: ProductInput
  let key: IdempotencyKey?
  do {
    data = try ProductInput(request)  // finding: missing-validation
    key = try IdempotencyKey(request)  // finding: non-idempotent-retry
  } catch {
    return error.response
  }
  do {
    if let earlier = try key?.earlierAnswer(for: data, company: principal.companyID, db) { return earlier }
    return try insertProduct(data, key: key, by: principal, at: request.receivedAt, db)
  } catch {
    db.rollback()  // finding: non-atomic-commit
    // A concurrent create with the same key won (on the SKU or on the key itself): answer what it answered.
    let earlier = try? key?.earlierAnswer(for: data, company: principal.companyID, db)  // finding: non-idempotent-retry
    if let earlier { return earlier }
    return DatabaseFailure.response(to: error, serving: request)  // finding: no-error-handling
  }
}

/// The transaction: checks the warehouse and the SKU, then writes product, inventory and change log (and the
/// idempotency key), committing once.
private func insertProduct(
  _ data: ProductInput, key: IdempotencyKey?, by principal: Principal, at time: Int, _ db: Session
) throws(StoreError) -> Response {
  if let warehouseID = data.warehouseID {
    guard let warehouse = try db.get("warehouses", id: warehouseID) else {  // finding: unknown-warehouse
      return ClientError(status: 404, field: "warehouse_id", "warehouse \(warehouseID) does not exist").response
    }
    guard warehouse["company_id"] == .int(principal.companyID) else {  // finding: no-tenant-check
      return ClientError(status: 403, field: "warehouse_id", "warehouse \(warehouseID) belongs to another company")
        .response
    }
  }
  let normalizedSKU = Value.text(data.sku.lowercased())  // finding: sku-case-variants
  if try db.first("products", where: ["sku_normalized": normalizedSKU]) != nil {  // finding: duplicate-sku
    return ClientError(
      status: 409, field: "sku",
      "a product with sku \(data.sku) already exists (SKUs are compared without regard to case)"
    ).response
  }

  // Create new product
  let product = db.add(
    "products",
    [
      "name": .text(data.name),
      "sku": .text(data.sku),
      "price": .decimal(data.price),  // finding: float-price
      "company_id": .int(principal.companyID),  // finding: product-tied-to-warehouse
      "created_at": .timestamp(time), "updated_at": .timestamp(time),
    ])
  try db.flush()  // finding: non-atomic-commit
  let productID = try product.id!  // read before the commit, which would expire it: no statement after COMMIT

  if let warehouseID = data.warehouseID {  // finding: catalog-requires-stock
    // Update inventory count
    let inventory = db.add(
      "inventory",
      [
        "product_id": .int(productID),
        "warehouse_id": .int(warehouseID),
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
  }
  if let key {  // finding: non-idempotent-retry
    db.add("idempotency_keys", key.record(for: data, company: principal.companyID, product: productID, at: time))
  }
  try db.commit()  // finding: non-atomic-commit

  return created(productID)
}

/// The answer to a successful create, the same on a replay.
func created(_ productID: Int) -> Response {
  .json(  // finding: wrong-status-code
    ["message": "Product created", "product_id": .integer(productID)], status: 201,
    headers: ["Location": "/api/products/\(productID)"])
}
