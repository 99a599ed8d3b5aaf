import RequestLayer
import Store

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
    probe: Probe("POST the same valid product twice, one after the other.") { trial in
      let first = try trial.createProduct(ProductBody.json())
      guard first.isSuccess else {
        return trial.inconclusive("the first, valid request answered \(first.brief), so there was no SKU to repeat.")
      }
      let second = try trial.createProduct(ProductBody.json(["warehouse_id": "2"]))
      let holders = try trial.rows("products").filter { $0["sku"] == .text("W-1") }.map(\.id)
      return trial.verdict(
        showing: holders.count > 1 || second.status != 409,
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
    ) { trial in
      let request = Request.post("/api/products", body: ProductBody.json(), as: Fixture.acmeUser)
      let other = Request.post(
        "/api/products", body: ProductBody.json(["warehouse_id": "2"]), as: Fixture.acmeUser)
      let race = try trial.race(request, pausedBefore: .insert(table: "products"), other)
      guard let second = race.second?.response else {
        return trial.inconclusive(
          "request A answered \(race.first.response.brief) without ever inserting a product, so B never ran.")
      }
      let first = race.first.response
      let holders = try trial.rows("products").filter { $0["sku"] == .text("W-1") }.map(\.id)
      let summary =
        "B answered \(second.brief), A answered \(first.brief); products holding SKU W-1: "
        + "\(holders.map(String.init).joined(separator: ", "))."
      if holders.count > 1 { return trial.reproduced(summary) }
      guard holders.count == 1 else {
        return trial.inconclusive("neither request created the product: " + summary)
      }
      if [first, second].contains(where: { $0.status == 409 }) && [first, second].contains(where: \.isSuccess) {
        return trial.absent(summary)
      }
      return trial.partly(summary + " One product survives, but the loser is not told its SKU is taken (409).")
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
    ) { trial in
      let created = try trial.createProduct(ProductBody.json())
      guard let inventory = try trial.rows("inventory").first else {
        return trial.inconclusive("a valid create answered \(created.brief) and left no inventory row to duplicate.")
      }
      let before = try trial.snapshot()
      let seeding = try trial.seed(
        "inventory",
        [["product_id": inventory["product_id"], "warehouse_id": inventory["warehouse_id"], "quantity": .int(5)]],
        recordedAs: "direct INSERT into inventory for the same product and warehouse")
      let rows = try trial.rows("inventory").filter { $0["product_id"] == inventory["product_id"] }.count
      let outcome =
        switch seeding {
        case .inserted: "the database accepted it"
        case .refused(let reason): "the database refused it: \(reason)"
        }
      return trial.verdict(
        showing: try trial.snapshot() != before,
        "\(outcome); the product now has \(rows) inventory row(s) in warehouse \(inventory["warehouse_id"]).")
    })
}

extension Finding {
  static let skuCaseVariants = Finding(
    id: "sku-case-variants",
    title: "SKUs that differ only in letter case are two products",
    severity: .medium, category: .dataIntegrity,
    problem: """
      SKU uniqueness, where there is any, compares SKUs exactly: `B1` and `b1` are different keys, so both are \
      stored.
      """,
    impact: """
      Two products that a picker on a warehouse floor, a barcode label or a spoken order cannot tell apart: \
      stock is counted against either, and reorders go to the wrong one.
      """,
    fix: """
      A unique index on the normalized SKU (a generated `lower(sku)` column) enforced by the schema, with the \
      SKU stored as sent; the lookup compares the same way, and a collision is a `409` naming `sku`, also when \
      the two requests race.
      """,
    probe: Probe(
      "POST SKU `B1`, then SKU `b1`; then race `C1` against `c1` (B runs just before A inserts its product)."
    ) { trial in
      let first = try trial.createProduct(ProductBody.json(["sku": "\"B1\""]))
      guard first.isSuccess else {
        return trial.inconclusive("the first, valid create answered \(first.brief), so there was no SKU to vary.")
      }
      let second = try trial.createProduct(ProductBody.json(["sku": "\"b1\"", "warehouse_id": "2"]))
      let race = try trial.race(
        .post("/api/products", body: ProductBody.json(["sku": "\"C1\""]), as: Fixture.acmeUser),
        pausedBefore: .insert(table: "products"),
        .post("/api/products", body: ProductBody.json(["sku": "\"c1\"", "warehouse_id": "2"]), as: Fixture.acmeUser))
      let skus = try trial.rows("products").compactMap { $0["sku"].text }
      let count = { (sku: String) in skus.filter { $0.lowercased() == sku }.count }
      let raced = [race.first.response, race.second?.response].compactMap { $0 }
      let summary =
        "b1 after B1 answered \(second.brief); in the race, "
        + raced.map(\.brief).joined(separator: " and ")
        + "; products stored: \(count("b1")) for b1/B1 and \(count("c1")) for c1/C1."
      let refusedInRace = raced.count == 2 && raced.contains { $0.status == 409 }
      return trial.verdict(
        showing: count("b1") != 1 || count("c1") != 1 || second.status != 409 || !refusedInRace, summary)
    })
}
