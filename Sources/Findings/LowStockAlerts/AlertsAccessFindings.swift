import RequestLayer
import Store

extension Probe {
  /// A probe of the alerts endpoint: not applicable to an implementation without one.
  static func alerts(_ scenario: String, _ body: @escaping @Sendable (AlertsScenario) throws -> Observation) -> Probe {
    Probe(scenario, endpoint: .lowStockAlerts) { trial in try body(AlertsScenario(trial)) }
  }
}

extension Finding {
  static let alertsIgnoresCompany = Finding(
    id: "alerts-ignores-company",
    title: "Alerts list every company's stock",
    severity: .critical, category: .security, endpoint: .lowStockAlerts,
    problem: """
      The handler loads every inventory row in the database (`Inventory.query.all()`) and never uses the \
      `company_id` in the path, so one company's alerts include every other company's products and warehouses.
      """,
    impact: "A cross-tenant data leak on every call, and alerts no user can act on.",
    fix: "Load only the path company's warehouses, then only their inventory rows.",
    probe: .alerts("Acme and Globex each have a product below its threshold; Acme's user asks for Acme's alerts.") {
      scenario in
      let acme = try scenario.lowStock("Acme Bolt", sku: "ACME-1", threshold: 10, stock: 2, perDay: 1)
      try scenario.lowStock("Globex Nut", sku: "GLOBEX-1", company: 2, threshold: 10, warehouse: 3, stock: 1, perDay: 1)
      let response = try scenario.alerts()
      let leaked = response.alertObjects.filter { $0["warehouse_id"] == .integer(3) }
      guard response.isSuccess else {
        return scenario.trial.inconclusive("Acme's own alerts answered \(response.brief).")
      }
      let summary =
        "answered \(response.status) with \(response.alertObjects.count) alert(s), \(leaked.count) of them in Globex's "
        + "warehouse 3."
      return leaked.isEmpty ? try scenario.absentIfAlerting(summary, product: acme) : scenario.trial.reproduced(summary)
    })

  static let alertsNoAuthorization = Finding(
    id: "alerts-no-authorization",
    title: "Anyone can read any company's alerts",
    severity: .critical, category: .security, endpoint: .lowStockAlerts,
    problem: "Nothing checks who is calling or whether they belong to the company in the path.",
    impact: "Stock levels, suppliers and sales rates of every tenant are readable by anyone.",
    fix: "Answer 401 without an authenticated user and 403 when the user belongs to another company.",
    probe: .alerts("Globex's user, then an anonymous caller, ask for Acme's alerts.") { scenario in
      let acme = try scenario.lowStock("Acme Bolt", sku: "ACME-1", threshold: 10, stock: 2, perDay: 1)
      let globex = try scenario.alerts(as: Fixture.globexUser)
      let anonymous = try scenario.alerts(as: nil)
      let summary = "Globex's user got \(globex.brief); the anonymous caller got \(anonymous.brief)."
      return globex.status != 403 || anonymous.status != 401
        ? scenario.trial.reproduced(summary) : try scenario.absentIfAlerting(summary, product: acme)
    })

  static let alertsUnknownCompany = Finding(
    id: "alerts-unknown-company",
    title: "An unknown company gets alerts instead of a 404",
    severity: .low, category: .apiContract, endpoint: .lowStockAlerts,
    problem: "The path's company is never looked up, so a company that does not exist still gets an answer.",
    impact: "Clients cannot tell a typo in the company id from a company with nothing to reorder.",
    fix: "Look the company up first and answer 404 naming `company_id` when it does not exist.",
    probe: .alerts("Ask for the alerts of company 999, which does not exist.") { scenario in
      let response = try scenario.alerts(company: 999)
      let summary = "answered \(response.brief)."
      return response.status == 404 && response.rejects(field: "company_id")
        ? try scenario.absentIfAlerting(summary) : scenario.trial.reproduced(summary)
    })
}
