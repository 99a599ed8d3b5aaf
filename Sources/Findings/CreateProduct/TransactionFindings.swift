import RequestLayer
import Store

extension Finding {
  static let nonAtomicCommit = Finding(
    id: "non-atomic-commit",
    title: "Two commits: a failure after the first leaves a product without inventory",
    severity: .critical, category: .dataIntegrity, candidateItems: [5, 6],
    problem: """
      The product is committed on its own, then the inventory row in a second transaction. Nothing rolls the \
      first back when the second fails.
      """,
    impact: """
      Any failure between the commits (a constraint, a timeout, a lost connection) leaves a product that exists \
      in no warehouse, and its SKU is taken: the client's retry duplicates it or is refused.
      """,
    fix: """
      One transaction: add the product, flush to get its id, add the inventory row and the change-log entry, \
      commit once; roll back on any error.
      """,
    probe: Probe("Inject a database fault into the `INSERT` of the inventory row, then POST a valid product.") {
      trial in
      try trial.inject(.failing(.insert(table: "inventory")))
      let (response, changes) = try trial.createProductChanging(ProductBody.json())
      guard trial.faultsFired > 0 else {
        return trial.inconclusive(
          "answered \(response.brief), but the planned fault never fired: the request sent no INSERT into inventory.")
      }
      if response.isSuccess {
        return trial.reproduced("answered \(response.brief) although the inventory insert failed.")
      }
      guard changes.isEmpty else {
        return trial.reproduced(
          "answered \(response.brief) but kept \(changes.count) committed row(s): product "
            + "\(try trial.orphanedProducts().map(String.init).joined(separator: ", ")) exists with no inventory.")
      }
      return trial.absent("answered \(response.brief) and the database is exactly as before the request.")
    })

  static let noErrorHandling = Finding(
    id: "no-error-handling",
    title: "A database failure is an unexplained 500",
    severity: .medium, category: .reliability, candidateItems: [7],
    problem: """
      No error from the database is caught: a failed commit escapes as Flask's HTML `500 Internal Server \
      Error`, which says neither what failed nor whether anything was saved.
      """,
    impact: """
      Clients cannot tell a transient outage from a bug, so they either give up or retry blindly (which, with \
      the two commits, duplicates products). Operators get a stack trace and no context.
      """,
    fix: """
      Catch database errors around the transaction, roll back, log, and answer `503` with a JSON error that \
      says nothing was saved and the request may be retried (`Retry-After`).
      """,
    probe: Probe("Inject a database fault into the first `COMMIT`, then POST a valid product.") { trial in
      try trial.inject(.failingCommit(number: 1))
      let (response, changes) = try trial.createProductChanging(ProductBody.json())
      guard trial.faultsFired > 0 else {
        return trial.inconclusive(
          "answered \(response.brief), but the planned fault never fired: the request committed nothing.")
      }
      guard changes.isEmpty else {
        return trial.reproduced("answered \(response.brief), and rows were left behind.")
      }
      if response.status == 503, let retryAfter = response.headers["Retry-After"], response.json != nil {
        return trial.absent("answered \(response.brief) with Retry-After: \(retryAfter), and nothing was saved.")
      }
      guard response.json != nil, response.isServerError else {
        return trial.reproduced(
          "answered \(response.brief), which does not tell the client that nothing was saved and a retry is safe.")
      }
      return trial.partly(
        "nothing was saved and the error is JSON, but \(response.brief) without 503 and Retry-After does not tell "
          + "the client that a retry is safe.")
    })
}
