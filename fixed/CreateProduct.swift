import RequestLayer
import Store

/// `POST /api/products`, corrected: checked input and caller, one transaction, the initial stock logged.
///
/// Only an `admin` or a `manager` may create a product (they own the catalog): the caller's user is read from
/// `users` and any other role is answered 403 naming the rule, before the body is read. Client mistakes get a 4xx
/// naming what is wrong (400/401/403/404/409/415/422) and write nothing. A database failure is rolled back and
/// answered by its cause (see `DatabaseFailure`): 503 only when a retry can help. With an `Idempotency-Key`, a
/// retry of a create whose answer was lost gets the first answer instead of a 409. Without a `warehouse_id` the
/// product enters the catalog unstocked.
@Sendable
public func createProduct(
  _ request: Request, _ db: Session
) throws -> Response {
  guard let principal = request.principal else {  // finding: no-authentication
    return ClientError.unauthenticated.response
  }
  do {
    guard let user = try db.get("users", id: principal.userID) else { return ClientError.unauthenticated.response }
    let role = user["role"].text ?? ""
    guard ClientError.creatorRoles.contains(role) else {  // finding: no-role-check
      return ClientError.mayNotCreateProducts(role).response
    }
  } catch {
    db.rollback()
    return DatabaseFailure.response(to: error, serving: request)
  }

  let data: ProductInput
  let key: IdempotencyKey?
  do {
    data = try ProductInput(request)  // finding: non-object-body, html-error-responses
    key = try IdempotencyKey(request)
  } catch {
    return error.response
  }
  return inOneTransaction(request, db, replaying: key, of: data, company: principal.companyID) {
    () throws(StoreError) in try insertProduct(data, key: key, by: principal, at: request.receivedAt, db)
  }
}

/// The transaction: checks the warehouse and the SKU, then writes product, inventory and change log (and the
/// idempotency key), committing once.
private func insertProduct(
  _ data: ProductInput, key: IdempotencyKey?, by principal: Principal, at time: Int, _ db: Session
) throws(StoreError) -> Response {
  if let refusal = try warehouseRefusal(data, principal, db) {  // finding: unknown-warehouse, no-tenant-check
    return refusal
  }
  // Create new product
  if let refusal = try skuRefusal(data, db) {  // finding: duplicate-sku, sku-case-variants
    return refusal
  }
  let product = db.add(
    "products",
    [
      "name":
        .text(data.name),
      "sku":
        .text(data.sku),
      "price":
        .decimal(data.price),  // finding: float-price

      "company_id": .int(principal.companyID),  // finding: product-tied-to-warehouse
      "created_at": .timestamp(time), "updated_at": .timestamp(time),
    ])
  try db.flush()  // finding: non-atomic-commit
  let productID = try product.id!  // read before the commit, which would expire it: no statement after COMMIT

  // Update inventory count
  guard let warehouseID = data.warehouseID else {  // finding: catalog-requires-stock
    key?.keep(for: data, company: principal.companyID, product: productID, at: time, db)
    try db.commit()
    return created(productID)
  }
  let inventory = db.add(
    "inventory",
    [
      "product_id":
        .int(productID),
      "warehouse_id":
        .int(warehouseID),
      "quantity":
        .int(data.initialQuantity),  // finding: required-optional-field
    ])
  try db.flush()
  try InitialStock.log(inventory, of: data.initialQuantity, by: principal, at: time, db)  // finding: no-change-log
  key?.keep(for: data, company: principal.companyID, product: productID, at: time, db)  // finding: non-idempotent-retry
  try db.commit()

  return created(productID)  // finding: wrong-status-code
}
