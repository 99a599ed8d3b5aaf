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
      implementation in
      let trial = Trial(implementation)
      trial.inject(.failing(.insert(table: "inventory")))
      let (response, changes) = trial.createProductChanging(ProductBody.json())
      if response.isSuccess {
        return trial.conclude(true, "answered \(response.brief) although the inventory insert failed.")
      }
      guard changes.isEmpty else {
        return trial.conclude(
          true,
          "answered \(response.brief) but kept \(changes.count) committed row(s): product "
            + "\(trial.orphanedProducts().map(String.init).joined(separator: ", ")) exists with no inventory.")
      }
      return trial.conclude(false, "answered \(response.brief) and the store is exactly as before the request.")
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
    probe: Probe("Inject a database fault into the first `COMMIT`, then POST a valid product.") { implementation in
      let trial = Trial(implementation)
      trial.inject(.failingCommit(number: 1))
      let (response, changes) = trial.createProductChanging(ProductBody.json())
      let unchanged = changes.isEmpty
      let explained = response.status == 503 && response.headers["Retry-After"] != nil && response.json != nil
      return trial.conclude(
        !(explained && unchanged),
        explained && unchanged
          ? "answered \(response.brief) with Retry-After: \(response.headers["Retry-After"]!), and nothing was saved."
          : "answered \(response.brief)\(unchanged ? "" : ", and rows were left behind"), which does not tell the "
            + "client that nothing was saved and a retry is safe.")
    })
}
