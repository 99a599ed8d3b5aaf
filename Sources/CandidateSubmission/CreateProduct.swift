import RequestLayer
import Store

/// `POST /api/products` as the candidate corrected it, ported statement by statement, remaining defects included.
///
/// ```python
/// data = request.json
/// for field in ['name', 'sku', 'price', 'warehouse_id']:
///     if field not in data:
///         return {"error": f"{field} is required"}, 400
/// if Product.query.filter_by(sku=data['sku']).first():
///     return {"error": "SKU already exists"}, 409
/// try:
///     product = Product(name=data['name'], sku=data['sku'], price=Decimal(str(data['price'])))
///     db.session.add(product)
///     db.session.flush()
///     inventory = Inventory(product_id=product.id, warehouse_id=data['warehouse_id'],
///                           quantity=data.get('initial_quantity', 0))
///     db.session.add(inventory)
///     db.session.commit()
///     return {"message": "Product created successfully", "product_id": product.id}, 201
/// except Exception:
///     db.session.rollback()
///     return {"error": "Failed to create product"}, 500
/// ```
@Sendable
public func createProduct(_ request: Request, _ db: Session) throws -> Response {  // finding: no-authentication
  let data = try request.json()  // finding: html-error-responses

  for field in ["name", "sku", "price", "warehouse_id"] {
    if try !data.contains(field) {  // finding: missing-validation, non-object-body
      return .json(["error": .string("\(field) is required")], status: 400)
    }
  }
  if try db.first("products", where: ["sku": Value(adapting: data.item("sku"))]) != nil {  // finding: duplicate-sku
    return .json(["error": "SKU already exists"], status: 409)
  }

  do {
    // Create new product
    let product = db.add(
      "products",
      [
        "name": try Value(adapting: data.item("name")),  // finding: unchecked-types, no-range-checks
        "sku": try Value(adapting: data.item("sku")),  // finding: sku-race
        "price": try PythonDecimal.fromString(of: data.item("price")),  // finding: float-price, no-range-checks
      ])  // finding: product-tied-to-warehouse
    try db.flush()  // finding: non-atomic-commit

    // Update inventory count
    db.add(
      "inventory",
      [
        "product_id": .int(try product.id!),  // finding: duplicate-inventory-row
        "warehouse_id": try Value(adapting: data.item("warehouse_id")),  // finding: unknown-warehouse, no-tenant-check
        "quantity": try Value(  // finding: required-optional-field
          adapting: data.get("initial_quantity", default: .integer(0))),
      ])
    try db.commit()  // finding: non-atomic-commit, no-change-log

    return .json(  // finding: wrong-status-code
      ["message": "Product created successfully", "product_id": .integer(try product.id!)], status: 201)
  } catch {
    db.rollback()
    return .json(["error": "Failed to create product"], status: 500)  // finding: no-error-handling
  }
}
