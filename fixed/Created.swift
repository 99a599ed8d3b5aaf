import RequestLayer

/// The answer to a successful create: 201 with the new product's `Location`, the same on a replay.
func created(_ productID: Int) -> Response {
  .json(  // finding: wrong-status-code
    ["message": "Product created", "product_id": .integer(productID)], status: 201,
    headers: ["Location": "/api/products/\(productID)"])
}
