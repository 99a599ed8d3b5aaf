import RequestLayer
import Store

extension Finding {
  static let nonIdempotentRetry = Finding(
    id: "non-idempotent-retry",
    title: "A retried create is not idempotent",
    severity: .high, category: .reliability,
    problem: """
      A client whose answer was lost (a timeout, a dropped connection) can only retry the POST, and nothing \
      ties the retry to the first try: the handler ignores any `Idempotency-Key` header.
      """,
    impact: """
      The original makes a second product for every retry (or, after a partial write, fails forever on the \
      taken SKU); a correction that answers 409 leaves the client unable to tell "created by my first try" from \
      "someone else owns this SKU".
      """,
    fix: """
      Honour an `Idempotency-Key` header, kept per company with the product it made, in the create's \
      transaction under a unique index: the same key and body replay the first answer and write nothing; the \
      same key with another body is a 422; a concurrent twin that loses the race on the key gets the winner's \
      answer.
      """,
    probe: Probe(
      "POST a valid product three times with `Idempotency-Key: retry-1` (a client retrying after lost answers), "
        + "then the same key with another body; then Globex's user sends its own `retry-1`."
    ) { trial in
      let retry = Request.post("/api/products", body: ProductBody.json(), as: Fixture.acmeUser).with(
        header: "Idempotency-Key", "retry-1")
      let first = try trial.send(retry)
      guard first.isSuccess, let id = first.field("product_id") else {
        return trial.inconclusive("the first, valid create answered \(first.brief), so there was nothing to retry.")
      }
      let retries = [try trial.send(retry), try trial.send(retry)]
      let products = try trial.rows("products").filter { $0["sku"] == .text("W-1") }.count
      let sameAnswers = retries.allSatisfy { $0.status == first.status && $0.field("product_id") == id }
      var summary =
        "the create answered \(first.brief) with product_id \(id.encoded()); the retries answered "
        + "\(retries.map(\.brief).joined(separator: " and ")); products holding SKU W-1: \(products)."
      guard products == 1, sameAnswers else { return trial.reproduced(summary) }
      let (reused, reusedChanges) = try trial.exchange(
        Request.post("/api/products", body: ProductBody.json(["sku": "\"W-2\""]), as: Fixture.acmeUser).with(
          header: "Idempotency-Key", "retry-1"))
      let other = try trial.send(
        Request.post(
          "/api/products", body: ProductBody.json(["sku": "\"G-1\"", "warehouse_id": "3"]), as: Fixture.globexUser
        ).with(header: "Idempotency-Key", "retry-1"))
      summary +=
        " The key with another body answered \(reused.response.brief)\(reusedChanges.isEmpty ? "" : " and wrote rows")"
        + "; Globex's own retry-1 answered \(other.brief)."
      let refusesReuse = reused.response.rejects(field: "Idempotency-Key") && reusedChanges.isEmpty
      return refusesReuse && other.isSuccess ? trial.absent(summary) : trial.partly(summary)
    })

  static let untraceableFailures = Finding(
    id: "untraceable-failures",
    title: "A server failure cannot be tied to its request",
    severity: .medium, category: .auditability,
    problem: """
      A failure escapes to Flask, whose log line (`Exception on /api/products [POST]`) names no request, and \
      whose HTML 500 page gives the client nothing to quote.
      """,
    impact: """
      Support cannot find the log line behind a customer's failed request among thousands of identical ones, \
      and a failure that was handled and answered leaves no trace at all.
      """,
    fix: """
      Give every request an id (the proxy's `X-Request-Id`), log each server-side failure once with it, and put \
      it in the 5xx body; client mistakes (4xx) are not logged as errors.
      """,
    probe: Probe(
      "POST a product without a name (a client mistake); then inject a database fault into the product's INSERT "
        + "and POST a valid product; read each request's log."
    ) { trial in
      let (mistake, _) = try trial.exchange(
        .post("/api/products", body: ProductBody.json(["name": nil]), as: Fixture.acmeUser))
      try trial.inject(.failing(.insert(table: "products")))
      let (failure, _) = try trial.exchange(
        .post("/api/products", body: ProductBody.json(), as: Fixture.acmeUser))
      trial.note("request logs", changes: (mistake.log + failure.log).map { "log: \($0)" })
      // A database failure answered as a client mistake (4xx) is a server failure all the same: it must be traceable.
      guard trial.faultsFired > 0, !failure.response.isSuccess else {
        return trial.inconclusive("the failing create answered \(failure.response.brief) without a server failure.")
      }
      let errors = failure.log.filter { $0.level >= .error }
      let requestID = failure.response.requestID
      let traced = requestID.map { id in errors.filter { $0.message.contains(id) }.count == 1 } ?? false
      let mistakeLogged = mistake.response.status < 500 && mistake.log.contains { $0.level >= .error }
      let carrying: String = requestID.map { "carrying request id \($0)" } ?? "with no request id"
      let logged: String = errors.isEmpty ? "no error" : errors.map { "\"\($0)\"" }.joined(separator: ", ")
      let mistakeNote: String = mistakeLogged ? " and was logged as an error." : "."
      let summary =
        "the failure answered \(failure.response.brief) \(carrying) and logged \(logged); the client mistake "
        + "answered \(mistake.response.brief)\(mistakeNote)"
      return trial.verdict(showing: !traced || mistakeLogged, summary)
    })
}

extension Request {
  /// This request with header `name` set to `value`.
  public func with(header name: String, _ value: String) -> Request {
    var request = self
    request.setHeader(name, value)
    return request
  }
}

extension Response {
  /// The request id the response gives the client: its `request_id` field or its `X-Request-Id` header.
  public var requestID: String? {
    if case .string(let id)? = field("request_id") { return id }
    return headers["X-Request-Id"]
  }
}
