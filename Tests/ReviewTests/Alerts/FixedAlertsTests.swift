import Findings
import RequestLayer
import Submissions
import Testing

/// The fixed low-stock alerts endpoint, rule by rule.
@Suite("Low-stock alerts on the fix")
struct FixedAlertsTests {
  private func scenario() -> AlertsScenario { AlertsScenario(Trial(Registry.fixed)) }

  private func total(_ response: Response) -> JSONValue? {
    guard case .object(let body)? = response.json else { return nil }
    return body["total_alerts"]
  }

  @Test func ordersMostUrgentFirstAndPages() {
    let alerts = scenario()
    for (index, perDay) in [1, 10, 2].enumerated() {
      alerts.lowStock("Item \(index)", sku: "P-\(index)", threshold: 50, stock: 10, perDay: perDay)
    }
    let first = alerts.alerts(query: ["limit": "2"])
    #expect(first.alertObjects.map { $0["sku"] } == [.string("P-1"), .string("P-2")])
    #expect(total(first) == .integer(3))
    let second = alerts.alerts(query: ["limit": "2", "offset": "2"])
    #expect(second.alertObjects.map { $0["sku"] } == [.string("P-0")])
  }

  @Test func roundsDaysDownAndSaysNullWhereTheProductDidNotSell() {
    let alerts = scenario()
    let product = alerts.product("Bolt", sku: "B-1", threshold: 50)
    alerts.stock(product, in: 1, 10)
    alerts.stock(product, in: 2, 4)
    alerts.sale(product, in: 1, 7, daysAgo: 3)
    let response = alerts.alerts(query: ["days": "7"])
    let days = response.alertObjects.map { $0["days_until_stockout"] }
    #expect(days == [.integer(10), .null], "10 units at 7 sold in 7 days is 10 days; warehouse 2 sold nothing")
  }

  @Test(
    "Refuses bad query parameters naming them",
    arguments: [
      ("days", "0"), ("days", "366"), ("days", "x"), ("limit", "0"), ("limit", "-1"), ("offset", "1.5"),
      ("sort", "asc"),
    ])
  func refusesBadParameters(_ name: String, _ value: String) {
    let response = scenario().alerts(query: [name: value])
    #expect(response.status == 400)
    #expect(response.rejects(field: name))
  }

  @Test func answers401403And404() {
    let alerts = scenario()
    #expect(alerts.alerts(as: nil).status == 401)
    #expect(alerts.alerts(company: 2).status == 403)
    #expect(alerts.alerts(company: 999).status == 404)
    #expect(alerts.alerts(company: 2, as: Fixture.globexUser).status == 200)
  }

  @Test func countsBundleSalesAsComponentDemandAndSkipsBundles() throws {
    let alerts = scenario()
    let screw = alerts.product("Screw", sku: "SCREW", threshold: 100)
    let kit = alerts.product("Kit", sku: "KIT", threshold: 100)
    let crate = alerts.product("Crate", sku: "CRATE", threshold: 100)
    try alerts.trial.store.seed(
      "bundle_components",
      [
        ["bundle_id": .int(kit), "component_id": .int(screw), "quantity": .int(4)],
        ["bundle_id": .int(crate), "component_id": .int(kit), "quantity": .int(2)],
      ])
    alerts.stock(screw, in: 1, 30)
    alerts.stock(kit, in: 1, 1)
    alerts.sale(crate, in: 1, 1, daysAgo: 2)
    alerts.sale(kit, in: 1, 1, daysAgo: 1)
    let response = alerts.alerts()
    #expect(response.alertObjects.map { $0["sku"] } == [.string("SCREW")], "bundles are judged by their components")
    #expect(
      response.alertObjects.first?["days_until_stockout"] == .integer(75), "12 screws in 30 days: 30 left is 75 days")
  }

  @Test func namesThePrimarySupplierOrNull() {
    let alerts = scenario()
    let supplied = alerts.product("Bolt", sku: "B-1", threshold: 10)
    let orphan = alerts.product("Nut", sku: "N-1", threshold: 10)
    for product in [supplied, orphan] {
      alerts.stock(product, in: 1, 1)
      alerts.sells(product, in: 1, perDay: 1)
    }
    alerts.primarySupplier(supplied, name: "Bolt & Nut Co", email: "orders@boltnut.test")
    let suppliers = Dictionary(
      uniqueKeysWithValues: alerts.alerts().alertObjects.map { ($0["sku"]!, $0["supplier"]!) })
    #expect(
      suppliers[.string("B-1")] == ["id": .integer(1), "name": "Bolt & Nut Co", "contact_email": "orders@boltnut.test"])
    #expect(suppliers[.string("N-1")] == .null)
  }

  @Test func readsTheSameFewStatementsWhateverTheOtherTenantsHold() {
    let alerts = scenario()
    alerts.lowStock("Bolt", sku: "B-1", threshold: 10, stock: 1, perDay: 1)
    let before = alerts.trial.store.statementsSent
    alerts.alerts()
    #expect(alerts.trial.store.statementsSent - before <= 12)
  }
}
