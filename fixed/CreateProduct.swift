import RequestLayer
import Store

/// `POST /api/products`, corrected: validated input, tenant checks, one transaction, a logged initial stock.
///
/// Answers 201 with a `Location` header; 400/401/403/404/409/415 for the client's mistakes, each naming what is
/// wrong and writing nothing; 503 when the database fails, after rolling everything back, so a retry is safe.
@Sendable
public func createProduct(_ request: Request, _ db: Session) throws -> Response {
  guard let principal = request.principal else {  // finding: no-authentication
    return ClientError.unauthenticated.response
  }
  let data: ProductInput
  do { data = try ProductInput(request) } catch { return error.response }  // finding: missing-validation
  do {
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

    // Update inventory count
    let inventory = db.add(
      "inventory",
      [
        "product_id": .int(product.id!),
        "warehouse_id": .int(data.warehouseID),
        "quantity": .int(data.initialQuantity),  // finding: required-optional-field
      ])
    try db.flush()
    db.add(
      "inventory_changes",
      [  // finding: no-change-log
        "inventory_id": .int(inventory.id!), "change": .int(data.initialQuantity),
        "quantity_after": .int(data.initialQuantity), "reason": .text("initial_stock"),
        "user_id": .int(principal.userID), "created_at": .timestamp(request.receivedAt),
      ])
    try db.commit()  // finding: non-atomic-commit

    return .json(  // finding: wrong-status-code
      ["message": "Product created", "product_id": .integer(product.id!)], status: 201,
      headers: ["Location": "/api/products/\(product.id!)"])
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
