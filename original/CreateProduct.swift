import RequestLayer
import Store

/// `POST /api/products` exactly as given, ported statement by statement from the Flask view, defects included.
///
/// ```python
/// @app.route('/api/products', methods=['POST'])
/// def create_product():
///     data = request.json
///     product = Product(name=data['name'], sku=data['sku'], price=data['price'],
///                       warehouse_id=data['warehouse_id'])
///     db.session.add(product)
///     db.session.commit()
///     inventory = Inventory(product_id=product.id, warehouse_id=data['warehouse_id'],
///                           quantity=data['initial_quantity'])
///     db.session.add(inventory)
///     db.session.commit()
///     return {"message": "Product created", "product_id": product.id}
/// ```
@Sendable
public func createProduct(_ request: Request, _ db: Session) throws -> Response {  // finding: no-authentication
  let data = try request.json()  // finding: non-object-body, html-error-responses

  // Create new product
  let product = db.add(
    "products",
    [
      "name": try Value(adapting: data.item("name")),  // finding: missing-validation, unchecked-types, no-range-checks
      "sku": try Value(adapting: data.item("sku")),  // finding: duplicate-sku, sku-race
      "price": try Value(adapting: data.item("price")),  // finding: float-price, no-range-checks
      "warehouse_id": try Value(adapting: data.item("warehouse_id")),  // finding: product-tied-to-warehouse
    ])
  try db.commit()  // finding: non-atomic-commit, no-error-handling

  // Update inventory count
  db.add(
    "inventory",
    [
      "product_id": .int(product.id!),  // finding: duplicate-inventory-row
      "warehouse_id": try Value(adapting: data.item("warehouse_id")),  // finding: unknown-warehouse, no-tenant-check
      "quantity": try Value(adapting: data.item("initial_quantity")),  // finding: required-optional-field
    ])
  try db.commit()  // finding: non-atomic-commit, no-change-log

  return .json(["message": "Product created", "product_id": .integer(product.id!)])  // finding: wrong-status-code
}
