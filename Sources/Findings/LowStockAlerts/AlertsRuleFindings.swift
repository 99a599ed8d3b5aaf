import RequestLayer
import Store

extension Finding {
  static let alertsMissingThresholdCrash = Finding(
    id: "alerts-missing-threshold-crash",
    title: "One product without a threshold fails the whole request",
    severity: .high, category: .reliability, endpoint: .lowStockAlerts,
    problem: """
      `item.quantity >= product.low_stock_threshold` raises `TypeError` when the threshold is `None`, and nothing \
      catches it: one such product turns every alert of every company into a 500.
      """,
    impact: "The alerts page goes down for everyone because of one incomplete product record.",
    fix: "Use the product's override, else its type's threshold; skip a product that has neither.",
    probe: .alerts("One product has no threshold at all; another is below its threshold. Ask for the alerts.") {
      scenario in
      let bare = try scenario.product("Unclassified", sku: "BARE-1", threshold: nil)
      let low = try scenario.product("Acme Bolt", sku: "ACME-1", threshold: 10)
      try scenario.stock(bare, in: 1, 1)
      try scenario.stock(low, in: 1, 2)
      try scenario.sells(bare, in: 1, perDay: 1)
      try scenario.sells(low, in: 1, perDay: 1)
      let response = try scenario.alerts()
      let found = response.alertObjects.contains { $0["product_id"] == .integer(low) }
      let summary = "answered \(response.brief)" + (found ? " and alerted on ACME-1." : " without ACME-1's alert.")
      guard response.isSuccess, !found else { return scenario.trial.verdict(showing: !found, summary) }
      return try scenario.reproducedIfAlerting(summary)
    })

  static let alertsIgnoresProductType = Finding(
    id: "alerts-ignores-product-type",
    title: "The threshold ignores the product type",
    severity: .medium, category: .correctness, endpoint: .lowStockAlerts,
    problem: """
      The threshold is read from the product alone; the brief says it depends on the product type, with a \
      per-product override.
      """,
    impact: "Products that rely on their type's threshold never alert (or crash the request), so stock runs out.",
    fix: "Threshold = the product's override if set, else its type's default.",
    probe: .alerts(
      "A `hardware` type has threshold 20. Product A (no override) holds 5; product B overrides it to 3 and holds 5."
    ) { scenario in
      let hardware = try scenario.productType("hardware", threshold: 20)
      let inherits = try scenario.product("Hinge", sku: "TYPE-A", threshold: nil, type: hardware)
      let overrides = try scenario.product("Latch", sku: "TYPE-B", threshold: 3, type: hardware)
      for product in [inherits, overrides] {
        try scenario.stock(product, in: 1, 5)
        try scenario.sells(product, in: 1, perDay: 1)
      }
      let response = try scenario.alerts()
      let alerted = response.alertObjects.compactMap { $0["product_id"] }
      let right =
        response.isSuccess && alerted == [.integer(inherits)]
        && response.alertObjects.first?["threshold"] == .integer(20)
      let summary =
        "answered \(response.brief); alerted products: "
        + (alerted.isEmpty ? "none" : alerted.map { $0.encoded() }.joined(separator: ", ")) + "."
      guard response.isSuccess, alerted.isEmpty else { return scenario.trial.verdict(showing: !right, summary) }
      return try scenario.reproducedIfAlerting(summary)
    })

  static let alertsNoRecentSalesFilter = Finding(
    id: "alerts-no-recent-sales-filter",
    title: "Products that no longer sell still alert",
    severity: .medium, category: .correctness, endpoint: .lowStockAlerts,
    problem: """
      Only products with recent sales activity should alert, but the sales rate is a placeholder that answers 2 \
      for every product, so nothing is ever filtered out.
      """,
    impact: "Reorder suggestions for discontinued or seasonal products bury the ones that matter.",
    fix: "Sum real sales over a recent window (30 days by default, `days` to change it) and skip products with none.",
    probe: .alerts("A product below its threshold last sold 60 days ago. Ask for the alerts (a 30-day window).") {
      scenario in
      let stale = try scenario.product("Old Stock", sku: "STALE-1", threshold: 10)
      try scenario.stock(stale, in: 1, 2)
      try scenario.sale(stale, in: 1, 5, daysAgo: 60)
      let response = try scenario.alerts()
      let summary = "answered \(response.brief) with \(response.alertObjects.count) alert(s)."
      guard response.isSuccess else {
        return scenario.trial.inconclusive("answered \(response.brief): no alerts to look for STALE-1 in.")
      }
      return response.alertObjects.isEmpty
        ? try scenario.absentIfAlerting(summary) : scenario.trial.reproduced(summary)
    })

  static let alertsFakeSalesRate = Finding(
    id: "alerts-fake-sales-rate",
    title: "Days until stockout come from a constant, not from sales",
    severity: .medium, category: .correctness, endpoint: .lowStockAlerts,
    problem: "`days_until_stockout = quantity // 2` for every product: the placeholder rate is not a sales rate.",
    impact: "Urgency is fiction: fast movers look safe and slow movers look urgent.",
    fix: """
      Average daily sales = units sold in the window / window days; days left = stock / that average, rounded \
      down; `null` when the product did not sell in that warehouse.
      """,
    probe: .alerts(
      """
      A product holds 10 (threshold 50) and sold 3 a day for the last 30 days: 3 days are left (3.33 unrounded, 4 \
      rounded up: how to round is the answer's choice; the placeholder says 5).
      """
    ) { scenario in
      try scenario.lowStock("Fast Mover", sku: "FAST-1", threshold: 50, stock: 10, perDay: 3)
      let response = try scenario.alerts()
      guard let alert = response.alertObjects.first else {
        return scenario.trial.inconclusive("answered \(response.brief) with no alert to read days_until_stockout from.")
      }
      let days = alert["days_until_stockout"]
      let fromSales = if case .number(let number)? = days { (3...4).contains(number.double) } else { false }
      return scenario.trial.verdict(
        showing: !fromSales, "answered \(response.brief); days_until_stockout: \(days?.encoded() ?? "absent")."
      )
    })
}
