import RequestLayer
import Store

/// `POST /api/products` as given, ported statement by statement from the Flask view, defects included.
///
/// Every failure escapes to Flask (a 500), and whatever the first commit saved stays saved. The Python it ports is
/// `python/apps/original/views.py`, quoted in `case-study/ORIGINAL.md`.
@Sendable
public func createProduct(  // finding: untraceable-failures, failures-not-by-cause
  _ request: Request, _ db: Session
) throws -> Response {  // finding: no-authentication, no-role-check

  let data = try request.json()  // finding: non-object-body, html-error-responses

  // Create new product
  let product = db.add(
    "products",
    [
      "name":
        try Value(adapting: data.item("name")),  // finding: missing-validation, unchecked-types
      "sku":
        try Value(adapting: data.item("sku")),  // finding: duplicate-sku, sku-case-variants
      "price":
        try Value(adapting: data.item("price")),  // finding: float-price, no-range-checks

      "warehouse_id": try Value(adapting: data.item("warehouse_id")),  // finding: product-tied-to-warehouse
    ])
  try db.commit()  // finding: non-atomic-commit, no-error-handling

  // Update inventory count
  db.add(  // finding: catalog-requires-stock
    "inventory",
    [
      "product_id":
        .int(try product.id!),  // finding: duplicate-inventory-row
      "warehouse_id":
        try Value(adapting: data.item("warehouse_id")),  // finding: unknown-warehouse, no-tenant-check
      "quantity":
        try Value(adapting: data.item("initial_quantity")),  // finding: required-optional-field
    ])
  try db.commit()  // finding: no-change-log, non-idempotent-retry

  return .json(["message": "Product created", "product_id": .integer(try product.id!)])  // finding: wrong-status-code
}
