import RequestLayer
import Store
import Synchronization

extension Finding {
  static let duplicateSKU = Finding(
    id: "duplicate-sku",
    title: "The same SKU can be created twice",
    severity: .critical, category: .dataIntegrity, candidateItems: [2],
    problem: """
      SKUs must be unique platform-wide, but nothing checks for an existing product with the SKU and the \
      schema has no unique index on it.
      """,
    impact: """
      Two products answer to one SKU: orders, stock counts and supplier reorders pick either one, and the \
      duplicates must be merged by hand.
      """,
    fix: """
      A unique constraint on `products.sku`, plus a lookup before inserting so the usual case answers `409 \
      Conflict` naming `sku`.
      """,
    probe: Probe("POST the same valid product twice, one after the other.") { implementation in
      let trial = Trial(implementation)
      trial.createProduct(ProductBody.json())
      let second = trial.createProduct(ProductBody.json(["warehouse_id": "2"]))
      let holders = trial.rows("products").filter { $0["sku"] == .text("W-1") }.map(\.id)
      return trial.conclude(
        holders.count > 1 || second.status != 409,
        "the second request answered \(second.brief); products holding SKU W-1: "
          + "\(holders.map(String.init).joined(separator: ", ")).")
    })

  static let skuRace = Finding(
    id: "sku-race",
    title: "Concurrent requests with one SKU race past any check",
    severity: .high, category: .concurrency,
    problem: """
      Uniqueness is at best checked by the application (look up, then insert). Two requests that both look \
      before either inserts both pass; only a unique index stops the second, and its violation must be handled.
      """,
    impact: """
      Under load (a double-clicked submit, a client retry after a timeout) duplicates appear, or the loser of \
      the race gets a 500 for what is a conflict.
      """,
    fix: """
      Rely on the unique constraint as the guarantee and map its violation at flush or commit to `409 \
      Conflict`, the same answer the lookup gives.
      """,
    probe: Probe(
      "Send request A; just before A inserts its product, run request B with the same SKU to completion (the "
        + "store's interleaving hook), then let A continue."
    ) { implementation in
      let trial = Trial(implementation)
      let fired = Mutex(false)
      let second = Mutex<Response?>(nil)
      trial.store.interleave { _, statement in
        guard statement == .insert(table: "products"),
          fired.withLock({ fired in
            defer { fired = true }
            return !fired
          })
        else { return }
        trial.note("interleave: request B runs before request A's INSERT into products")
        second.withLock { $0 = trial.createProduct(ProductBody.json(["warehouse_id": "2"])) }
      }
      let first = trial.createProduct(ProductBody.json())
      trial.store.interleave(nil)
      let holders = trial.rows("products").filter { $0["sku"] == .text("W-1") }.map(\.id)
      let answers = [second.withLock { $0 }, first].compactMap { $0 }
      let statuses = "B answered \(answers.first?.brief ?? "nothing"), A answered \(first.brief)"
      return trial.conclude(
        holders.count > 1 || answers.contains { $0.isServerError } || !answers.contains { $0.status == 409 },
        "\(statuses); products holding SKU W-1: \(holders.map(String.init).joined(separator: ", ")).")
    })

  static let duplicateInventoryRow = Finding(
    id: "duplicate-inventory-row",
    title: "Nothing keeps inventory to one row per product and warehouse",
    severity: .medium, category: .dataIntegrity, candidateItems: [8],
    problem: """
      The inventory row is inserted without looking for an existing one, and the schema has no unique \
      constraint on `(product_id, warehouse_id)`, so any second writer (a retry, a stock import) adds another.
      """,
    impact:
      "Stock for one product in one warehouse is split over rows: counts are summed twice or read from the wrong row.",
    fix: """
      A unique constraint on `inventory(product_id, warehouse_id)`; stock changes update that row, and the \
      create path writes it once inside its transaction.
      """,
    probe: Probe(
      "Create a product with stock in warehouse 1, then insert a second inventory row for the same product and "
        + "warehouse straight into the store, as another code path would."
    ) { implementation in
      let trial = Trial(implementation)
      trial.createProduct(ProductBody.json())
      guard let inventory = trial.rows("inventory").first else {
        return trial.conclude(false, "no inventory row was created to duplicate.")
      }
      let before = trial.store.snapshot()
      let session = trial.store.openSession()
      session.add(
        "inventory",
        ["product_id": inventory["product_id"], "warehouse_id": inventory["warehouse_id"], "quantity": .int(5)])
      let outcome: String
      do {
        try session.commit()
        outcome = "the store accepted it"
      } catch {
        outcome = "the store refused it: \(error)"
      }
      session.close()
      let changes = trial.store.snapshot().changes(since: before)
      trial.note(
        "direct INSERT into inventory for the same product and warehouse: \(outcome)",
        changes: changes.map(\.description))
      let rows = trial.rows("inventory").filter { $0["product_id"] == inventory["product_id"] }.count
      return trial.conclude(
        !changes.isEmpty,
        "\(outcome); the product now has \(rows) inventory row(s) in warehouse \(inventory["warehouse_id"]).")
    })
}
