import RequestLayer
import Store

/// A 409 when a product already holds the SKU, compared without regard to case; `nil` when it is free.
///
/// The unique index on `sku_normalized` still decides a race between two creates (see `DatabaseFailure`).
func skuRefusal(_ input: ProductInput, _ db: Session) throws(StoreError) -> Response? {
  let normalizedSKU = Value.text(input.sku.lowercased())  // finding: sku-case-variants
  if try db.first("products", where: ["sku_normalized": normalizedSKU]) != nil {  // finding: duplicate-sku
    return ClientError(
      status: 409, field: "sku",
      "a product with sku \(input.sku) already exists (SKUs are compared without regard to case)"
    ).response
  }
  return nil
}
