import RequestLayer
import Store

extension Finding {
  static let failuresNotByCause = Finding(
    id: "failures-not-by-cause",
    title: "Database errors are not answered by their cause",
    severity: .medium, category: .reliability,
    problem: """
      Every error from the database gets one answer (the original's HTML 500; a blanket 503 "retry" in a \
      first correction), whether the database lost a race, refused a value, or met a bug.
      """,
    impact: """
      A client told to retry a refusal retries forever; a client told "server error" for a lost race gives up \
      on a request that would succeed a second later; a bug hides among retriable noise.
      """,
    fix: """
      Classify: a transient failure (connection lost, serialization failure, deadlock, lock timeout) is `503` \
      with `Retry-After`; an integrity error caused by a value the client sent is a 4xx naming that field; \
      anything else is a `500` carrying the request id, logged. Each rolls back and writes nothing.
      """,
    probe: Probe(
      "POST three valid products, each with a database failure injected: a serialization failure on the product's "
        + "INSERT; a foreign-key refusal of warehouse 1 on the inventory INSERT (the warehouse vanished meanwhile); "
        + "a numeric overflow of the price on the product's INSERT."
    ) { trial in
      let cases: [(label: String, fault: Fault, body: String, expected: (Response) -> Bool)] = [
        (
          "serialization failure",
          Fault.failing(.insert(table: "products")).raising(.serializationFailure),
          ProductBody.json(["sku": "\"F-1\""]), { $0.status == 503 && $0.headers["Retry-After"] != nil }
        ),
        (
          "warehouse refused by its foreign key",
          Fault.failing(.insert(table: "inventory")).raising(
            .refusal(
              .foreignKeyViolation(
                table: "inventory", constraint: "inventory_warehouse_id_fkey", column: "warehouse_id",
                value: .int(1)))),
          ProductBody.json(["sku": "\"F-2\""]), { $0.rejects(field: "warehouse_id") }
        ),
        (
          "price overflow",
          Fault.failing(.insert(table: "products")).raising(
            .refusal(
              .invalidValue(
                table: "products", column: "price", value: .text("19.99"), type: .decimal(precision: 12, scale: 2),
                reason: "numeric field overflow"))),
          ProductBody.json(["sku": "\"F-3\""]), { $0.status == 500 && $0.requestID != nil }
        ),
      ]
      var answers: [String] = []
      var wrong = false
      for (label, fault, body, expected) in cases {
        let fired = trial.faultsFired
        try trial.inject(fault)
        let (response, changes) = try trial.createProductChanging(body)
        guard trial.faultsFired > fired else {
          return trial.inconclusive("the \(label) never fired: the create answered \(response.brief).")
        }
        wrong = wrong || !expected(response) || !changes.isEmpty
        answers.append("\(label): \(response.brief)\(changes.isEmpty ? "" : ", and rows were kept")")
      }
      return trial.verdict(showing: wrong, answers.joined(separator: "; ") + ".")
    })
}
