import RequestLayer
import Store

/// The `Idempotency-Key` a client sends with a create so that a retry after a lost answer is safe.
///
/// The key is kept with the product it made, per company, in the same transaction: the same key with the same
/// body replays the first answer and writes nothing; the same key with another body is refused (422); another
/// company's identical key is a different key.
struct IdempotencyKey {  // finding: non-idempotent-retry
  static let header = "Idempotency-Key"
  let value: String

  /// The key the request carries, `nil` when it sends none; a blank, over-long or non-printable key is a 400.
  init?(_ request: Request) throws(ClientError) {
    guard let value = request.header(Self.header) else { return nil }
    guard (1...255).contains(value.utf8.count), value.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else {
      throw ClientError(field: Self.header, "\(Self.header) must be 1 to 255 printable ASCII characters")
    }
    self.value = value
  }

  /// The answer to a create that reuses this key, or `nil` when the company has not used it yet.
  func earlierAnswer(for input: ProductInput, company: Int, _ db: Session) throws(StoreError) -> Response? {
    guard let earlier = try db.first("idempotency_keys", where: ["company_id": .int(company), "key": .text(value)])
    else { return nil }
    guard earlier["request_fingerprint"] == .text(input.fingerprint), let productID = earlier["product_id"].int else {
      return ClientError(
        status: 422, field: Self.header,
        "\(Self.header) \(value) was already used with a different body; send a new key for a new product"
      ).response
    }
    return created(productID)
  }

  /// Records this key's create in the create's transaction, so a retry finds it.
  func keep(for input: ProductInput, company: Int, product: Int, at time: Int, _ db: Session) {
    db.add(
      "idempotency_keys",
      [
        "company_id": .int(company), "key": .text(value), "request_fingerprint": .text(input.fingerprint),
        "product_id": .int(product), "created_at": .timestamp(time),
      ])
  }
}
