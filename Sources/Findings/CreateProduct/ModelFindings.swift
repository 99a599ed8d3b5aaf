import Foundation
import RequestLayer
import Store

extension Finding {
  static let floatPrice = Finding(
    id: "float-price",
    title: "The price is stored as a binary float",
    severity: .high, category: .dataIntegrity, candidateItems: [3],
    problem: """
      `data['price']` is a Python `float` (JSON numbers with a fraction parse as binary doubles) and is stored \
      in a floating-point column, so 19.99 is kept as the nearest double, not as 19.99.
      """,
    impact: """
      Money drifts: sums and totals are off by fractions of a cent, equality checks on prices fail, and \
      invoices disagree with the catalog.
      """,
    fix: """
      Read the price from the JSON number's exact text as a decimal, reject more than two decimal places, and \
      store it in a `numeric(12, 2)` column.
      """,
    probe: Probe("POST a product priced 19.99 and read back the stored price.") { trial in
      let response = try trial.createProduct(ProductBody.json())
      guard let stored = try trial.rows("products").first?["price"] else {
        return trial.inconclusive("answered \(response.brief) and stored no product to inspect.")
      }
      let exact = stored == .decimal(Decimal(string: "19.99")!)
      return trial.verdict(showing: !exact, "sent 19.99; the database holds \(stored).")
    })

  static let productTiedToWarehouse = Finding(
    id: "product-tied-to-warehouse",
    title: "A product row belongs to one warehouse",
    severity: .high, category: .dataModel, candidateItems: [4],
    problem: """
      `Product(..., warehouse_id=...)` stores the warehouse on the product, though products are stocked in \
      many warehouses; where a product is stocked is what inventory rows are for.
      """,
    impact: """
      Stocking the product in a second warehouse means a second product (and a duplicate SKU) or a \
      `warehouse_id` that is true for one row of inventory and false for the others.
      """,
    fix: """
      Drop `warehouse_id` from products (a product belongs to a company); the warehouse appears only on \
      inventory rows.
      """,
    probe: Probe("POST a valid product for warehouse 1 and read the stored product row.") { trial in
      let response = try trial.createProduct(ProductBody.json())
      guard let product = try trial.rows("products").first else {
        return trial.inconclusive("answered \(response.brief) and stored no product to inspect.")
      }
      let warehouse = product["warehouse_id"]
      return trial.verdict(
        showing: !warehouse.isNull,
        warehouse.isNull
          ? "the product row has no warehouse: \(product.valuesDescription)."
          : "the product row carries warehouse_id \(warehouse): \(product.valuesDescription).")
    })

  static let noChangeLog = Finding(
    id: "no-change-log",
    title: "The initial stock is not written to the inventory change log",
    severity: .medium, category: .auditability,
    problem: """
      Every change of an inventory level must be traceable (who, what, when, how much), but creating a \
      product with stock writes only the inventory row.
      """,
    impact: "Stock appears from nowhere in the audit trail; reconciliations cannot explain the first level.",
    fix: """
      Write an `inventory_changes` row (change, reason `initial_stock`, resulting level, user, time) in the \
      same transaction as the inventory row.
      """,
    probe: Probe("POST a valid product with `initial_quantity: 10` and look for its change-log entry.") { trial in
      let response = try trial.createProduct(ProductBody.json())
      guard let inventory = try trial.rows("inventory").first else {
        return trial.inconclusive("answered \(response.brief) and stored no inventory to trace.")
      }
      let entries = try trial.rows("inventory_changes").filter { $0.logs(inventory) }
      let logged = entries.contains { $0.records(change: 10, leaving: 10) }
      return trial.verdict(
        showing: !logged,
        logged
          ? "inventory \(inventory.id) has its change-log entry: \(entries[0].valuesDescription)."
          : "inventory \(inventory.id) holds quantity \(inventory["quantity"]) with \(entries.count) change-log entries."
      )
    })

  static let wrongStatusCode = Finding(
    id: "wrong-status-code",
    title: "Creating a product answers 200 without a Location",
    severity: .low, category: .apiContract,
    problem:
      "The view returns a dict, so Flask answers `200 OK`; a creation should be `201 Created` with a `Location`.",
    impact:
      "Clients and caches cannot tell creation from a plain read, and must build the new resource's URL themselves.",
    fix: "Answer `201 Created` with `Location: /api/products/<id>` and the new id in the JSON body.",
    probe: Probe("POST a valid product and read the status and headers.") { trial in
      let response = try trial.createProduct(ProductBody.json())
      let location = response.headers["Location"]
      let summary =
        "answered \(response.status) " + (location.map { "with Location: \($0)." } ?? "without a Location header.")
      switch (response.status, location) {
      case (201, _?): return trial.absent(summary)
      case (201, nil): return trial.partly(summary)
      case (200, _): return trial.reproduced(summary)
      default: return trial.inconclusive("a valid create " + summary)
      }
    })

  static let catalogRequiresStock = Finding(
    id: "catalog-requires-stock",
    title: "A product cannot be created before it is stocked",
    severity: .low, category: .dataModel,
    problem: """
      Creating a product requires a `warehouse_id` (the original crashes without one; a typical correction \
      refuses it), although a product belongs to the company and "some fields might be optional".
      """,
    impact: """
      A catalog cannot be set up ahead of the first delivery: clients invent a warehouse and a zero stock row to \
      register a product, which then shows up as stocked where it never was.
      """,
    fix: """
      `warehouse_id` is optional: without it the product enters the catalog with no inventory row (stock is \
      added later); `initial_quantity` without a `warehouse_id` is a 400 naming `warehouse_id`.
      """,
    probe: Probe(
      "POST a valid product without `warehouse_id` or `initial_quantity`, then one with `initial_quantity` but "
        + "no `warehouse_id`."
    ) { trial in
      let (created, changes) = try trial.createProductChanging(
        ProductBody.json(["warehouse_id": nil, "initial_quantity": nil]))
      let stocked = changes.contains {
        if case .added(table: "inventory", _) = $0 { true } else { false }
      }
      let (stockless, stocklessChanges) = try trial.createProductChanging(
        ProductBody.json(["sku": "\"W-2\"", "warehouse_id": nil]))
      let summary =
        "without a warehouse the create answered \(created.brief)\(stocked ? " and wrote an inventory row" : "")"
        + "; initial_quantity without a warehouse answered \(stockless.brief)"
        + (stocklessChanges.isEmpty ? "." : " and wrote rows.")
      guard created.isSuccess, !stocked else { return trial.reproduced(summary) }
      return trial.verdict(
        showing: !(stockless.rejects(field: "warehouse_id") && stocklessChanges.isEmpty), summary)
    })
}
