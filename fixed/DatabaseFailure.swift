import RequestLayer
import Store

/// A database error met after the input was accepted, answered by its cause.
///
/// A retry helps only when the failure was transient (connection lost, serialization failure, deadlock, lock
/// timeout): that is a 503 with `Retry-After`. A constraint that refused a value the client sent is a 4xx naming
/// the field, since the same request would be refused again. Anything else is a bug on our side: a 500. Every
/// server-side failure is logged once with the request id, which the error body carries too, so a client can
/// quote it to support and an operator can find the log line.
enum DatabaseFailure {  // finding: no-error-handling, untraceable-failures, failures-not-by-cause
  static func response(to error: StoreError, serving request: Request) -> Response {
    if let (status, field, message) = clientCause(of: error) {
      return ClientError(status: status, field: field, message).response
    }
    let requestID = request.id ?? "unknown"
    if error.isTransient {
      return failure(
        "the product could not be created because of a temporary database failure; nothing was saved, retry the "
          + "request", status: 503, requestID: requestID, headers: ["Retry-After": "1"]
      ).logging(.error, "request \(requestID): \(request.method) \(request.path) failed, answered 503: \(error)")
    }
    return failure(
      "the product could not be created because of an internal error; nothing was saved, quote the request id "
        + "to support", status: 500, requestID: requestID
    ).logging(.error, "request \(requestID): \(request.method) \(request.path) failed, answered 500: \(error)")
  }

  /// The status, field and message for an integrity error caused by a value the client sent.
  private static func clientCause(of error: StoreError) -> (Int, String, String)? {
    switch error {
    case .uniqueViolation(table: "products", _, _):  // finding: sku-race, sku-case-variants
      return (409, "sku", "a product with this sku already exists (SKUs are compared without regard to case)")
    case .foreignKeyViolation(table: "inventory", _, column: "warehouse_id", let value):
      return (404, "warehouse_id", "warehouse \(value) does not exist")
    case .checkViolation(_, constraint: "inventory_same_company", _):
      return (403, "warehouse_id", "the warehouse belongs to another company")
    case .checkViolation(_, constraint: "products_price_check", let rule):
      return (422, "price", "price was refused by the database: \(rule)")
    case .checkViolation(_, constraint: "inventory_quantity_check", let rule),
      .checkViolation(_, constraint: "inventory_changes_quantity_after_check", let rule):
      return (422, "initial_quantity", "initial_quantity was refused by the database: \(rule)")
    default:
      return nil
    }
  }

  private static func failure(
    _ message: String, status: Int, requestID: String, headers: [String: String] = [:]
  ) -> Response {
    .json(
      .object(JSONObject([("error", .string(message)), ("request_id", .string(requestID))])), status: status,
      headers: headers.merging(["X-Request-Id": requestID]) { $1 })
  }
}
