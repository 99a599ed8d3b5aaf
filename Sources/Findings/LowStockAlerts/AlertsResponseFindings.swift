import RequestLayer
import Store

extension Finding {
  static let alertsPlaceholderSupplier = Finding(
    id: "alerts-placeholder-supplier",
    title: "Every alert names the same placeholder supplier",
    severity: .medium, category: .correctness, endpoint: .lowStockAlerts,
    problem: "`get_supplier` is a placeholder that returns one fixed supplier for every product.",
    impact: "Users reorder from the wrong supplier, or from one that does not exist.",
    fix: "Join the product's primary supplier for the company (`supplier_products.is_primary`); `null` when none.",
    probe: .alerts("A product below its threshold has Bolt & Nut Co as its primary supplier.") { scenario in
      let boltAndNut = try scenario.supplier(name: "Bolt & Nut Co", email: "orders@boltnut.test")
      try scenario.lowStock("Acme Bolt", sku: "ACME-1", threshold: 10, supplier: boltAndNut, stock: 2, perDay: 1)
      let response = try scenario.alerts()
      guard let alert = response.alertObjects.first else {
        return scenario.trial.inconclusive("answered \(response.brief) with no alert to read a supplier from.")
      }
      let supplier = alert["supplier"]
      let right: Bool = {
        guard case .object(let object)? = supplier else { return false }
        return object["name"] == .string("Bolt & Nut Co")
      }()
      return scenario.trial.verdict(
        showing: !right, "answered \(response.brief); supplier: \(supplier?.encoded() ?? "absent").")
    })

  static let alertsNoReorderQuantity = Finding(
    id: "alerts-no-reorder-quantity",
    title: "Alerts say what is low but not how much to reorder",
    severity: .medium, category: .correctness, endpoint: .lowStockAlerts,
    problem: """
      An alert names the product and a supplier but no quantity: the supplier's lead time, its minimum order and \
      the recent rate of sale, which together say how much to order, are left for a person to look up and combine.
      """,
    impact: """
      Reorders are guessed: too small and the product runs out again before the delivery arrives, below the \
      supplier's minimum and the order is refused.
      """,
    fix: """
      Add `suggested_reorder_quantity`: the units the recent rate of sale uses during the primary supplier's lead \
      time plus a cover period (30 days), rounded up, less the stock; at least the supplier's minimum order when \
      anything is needed; `null` without a supplier or a known lead time.
      """,
    probe: .alerts(
      """
      A product at 2 units sells 1 a day; its primary supplier delivers in 7 days with a minimum order of 50. \
      Read its alert's suggested reorder.
      """
    ) { scenario in
      let boltAndNut = try scenario.supplier(
        name: "Bolt & Nut Co", email: "orders@boltnut.test", leadTimeDays: 7, minOrderQuantity: 50)
      try scenario.lowStock("Acme Bolt", sku: "ACME-1", threshold: 10, supplier: boltAndNut, stock: 2, perDay: 1)
      let response = try scenario.alerts()
      guard let alert = response.alertObjects.first else {
        return scenario.trial.inconclusive("answered \(response.brief) with no alert to read.")
      }
      // 1 a day over 7 + 30 days is 37 units, less the 2 in stock: 35, below the minimum order of 50.
      let suggestion = alert["suggested_reorder_quantity"]
      return scenario.trial.verdict(
        showing: suggestion != .integer(50),
        "answered \(response.brief); suggested_reorder_quantity: \(suggestion?.encoded() ?? "absent").")
    })

  static let alertsMissingWarehouseName = Finding(
    id: "alerts-missing-warehouse-name",
    title: "Alerts lack the warehouse name",
    severity: .low, category: .apiContract, endpoint: .lowStockAlerts,
    problem: "The response shape asks for `warehouse_name`; the handler never includes it.",
    impact: "Clients must call back for every warehouse to show a readable alert.",
    fix: "Include `warehouse_name` from the warehouse row already loaded.",
    probe: .alerts("A product is below its threshold in Acme Main. Read its alert.") { scenario in
      try scenario.lowStock("Acme Bolt", sku: "ACME-1", threshold: 10, stock: 2, perDay: 1)
      let response = try scenario.alerts()
      guard let alert = response.alertObjects.first else {
        return scenario.trial.inconclusive("answered \(response.brief) with no alert to read.")
      }
      let name = alert["warehouse_name"]
      return scenario.trial.verdict(
        showing: name != .string("Acme Main"),
        "answered \(response.brief); warehouse_name: \(name?.encoded() ?? "absent").")
    })

  static let alertsQueryPerRow = Finding(
    id: "alerts-query-per-row",
    title: "One query per inventory row, across the whole database",
    severity: .medium, category: .performance, endpoint: .lowStockAlerts,
    problem: """
      Every inventory row of every company is loaded, then each row's product is fetched with its own query: \
      the cost of one company's alerts grows with the whole platform's data.
      """,
    impact: "The endpoint slows down as tenants are added, and its database load multiplies with traffic.",
    fix: """
      Read the company's warehouses, their inventory, and the products, types, sales and suppliers involved, \
      each in one indexed query: a fixed number of statements per request.
      """,
    probe: .alerts(
      "Count the statements one Acme alerts request sends with 10 other companies in the database, then with 40."
    ) { scenario in
      let acme = try scenario.lowStock("Acme Bolt", sku: "ACME-1", threshold: 10, stock: 2, perDay: 1)
      func addCompanies(_ count: Int, from start: Int) throws {
        for index in start..<(start + count) {
          let (company, warehouse) = try scenario.company("Tenant \(index)")
          for item in 0..<5 {
            let other = try scenario.product(
              "Item \(item)", sku: "T\(index)-\(item)", company: company, threshold: 1)
            try scenario.stock(other, in: warehouse, 100)
          }
        }
      }
      try addCompanies(10, from: 0)
      let small = try scenario.alertsCountingStatements()
      try addCompanies(30, from: 10)
      let large = try scenario.alertsCountingStatements()
      guard small.response.isSuccess, large.response.isSuccess else {
        return scenario.trial.inconclusive(
          "the alerts requests answered \(small.response.brief) and \(large.response.brief).")
      }
      let summary =
        "sent \(small.statements) statements with 10 other companies and \(large.statements) with 40 (the steps "
        + "above omit the seeding)."
      return large.statements > small.statements
        ? scenario.trial.reproduced(summary) : try scenario.absentIfAlerting(summary, product: acme)
    })

  static let alertsUnsortedUnpaginated = Finding(
    id: "alerts-unsorted-unpaginated",
    title: "Alerts come unsorted and unpaginated",
    severity: .low, category: .apiContract, endpoint: .lowStockAlerts,
    problem: "Alerts come in table order, all at once; query parameters are ignored, however wrong.",
    impact: "The most urgent reorder can be last on a page nobody scrolls to; large tenants get huge responses.",
    fix: """
      Sort most urgent first (fewest days left, then lowest stock against threshold), page with `limit` and \
      `offset` while `total_alerts` counts them all, and answer 400 naming a bad parameter.
      """,
    probe: .alerts(
      "Three products are low with 10, 5 and 1 days left (created in that order). Ask for `limit=2`, then `limit=abc`."
    ) { scenario in
      for (index, perDay) in [1, 2, 10].enumerated() {
        try scenario.lowStock("Item \(index)", sku: "URG-\(index)", threshold: 50, stock: 10, perDay: perDay)
      }
      let page = try scenario.alerts(query: ["limit": "2"])
      let bad = try scenario.alerts(query: ["limit": "abc"])
      let days = page.alertObjects.map { $0["days_until_stockout"]?.encoded() ?? "?" }
      let total: String = {
        guard case .object(let body)? = page.json, let total = body["total_alerts"] else { return "?" }
        return total.encoded()
      }()
      let paged =
        page.alertObjects.isEmpty
        ? "limit=2 answered \(page.brief) with no alert"
        : "limit=2 gave days_until_stockout \(days.joined(separator: ", ")) with total_alerts \(total)"
      let summary = "\(paged); limit=abc got \(bad.brief)."
      guard bad.rejects(field: "limit") else { return scenario.trial.reproduced(summary) }
      guard page.isSuccess, !page.alertObjects.isEmpty else {
        return scenario.trial.inconclusive(summary.dropLast() + ", so neither the order nor the page could be read.")
      }
      return scenario.trial.verdict(showing: days != ["1", "5"] || total != "3", summary)
    })
}
