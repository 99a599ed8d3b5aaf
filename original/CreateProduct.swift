import RequestLayer
import Store

/// `POST /api/products` as given, ported statement by statement from the Flask view, defects included.
///
/// Every failure escapes to Flask (a 500), and whatever the first commit saved stays saved. The Python it ports is
/// `python/apps/original/views.py`, quoted in `case-study/ORIGINAL.md`.
@Sendable
public func createProduct(_ request: Request, _ db: Session) throws -> Response {  // finding: no-authentication
  let data = try request.json()  // finding: non-object-body, html-error-responses, non-idempotent-retry

  // Create new product
  let product = db.add(
    "products",
    [
      "name": try Value(adapting: data.item("name")),  // finding: missing-validation, unchecked-types, no-range-checks
      "sku": try Value(adapting: data.item("sku")),  // finding: duplicate-sku, sku-race, sku-case-variants
      "price": try Value(adapting: data.item("price")),  // finding: float-price, no-range-checks
      "warehouse_id": try Value(adapting: data.item("warehouse_id")),  // finding: product-tied-to-warehouse
    ])  // finding: catalog-requires-stock
  try db.commit()  // finding: non-atomic-commit, no-error-handling, untraceable-failures, failures-not-by-cause

  // Update inventory count
  db.add(
    "inventory",
    [
      "product_id": .int(try product.id!),  // finding: duplicate-inventory-row
      "warehouse_id": try Value(adapting: data.item("warehouse_id")),  // finding: unknown-warehouse, no-tenant-check
      "quantity": try Value(adapting: data.item("initial_quantity")),  // finding: required-optional-field
    ])
  try db.commit()  // finding: non-atomic-commit, no-change-log

  return .json(["message": "Product created", "product_id": .integer(try product.id!)])  // finding: wrong-status-code
}
