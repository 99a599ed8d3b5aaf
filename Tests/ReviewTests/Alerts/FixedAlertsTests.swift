import Findings
import RequestLayer
import Submissions
import Testing

/// The fixed low-stock alerts endpoint, rule by rule.
@Suite("Low-stock alerts on the fix")
struct FixedAlertsTests {
  private func scenario() throws -> AlertsScenario { AlertsScenario(try Trial(Registry.fixed)) }

  private func total(_ response: Response) -> JSONValue? {
    guard case .object(let body)? = response.json else { return nil }
    return body["total_alerts"]
  }

  @Test func ordersMostUrgentFirstAndPages() throws {
    let alerts = try scenario()
    for (index, perDay) in [1, 10, 2].enumerated() {
      try alerts.lowStock("Item \(index)", sku: "P-\(index)", threshold: 50, stock: 10, perDay: perDay)
    }
    let first = try alerts.alerts(query: ["limit": "2"])
    #expect(first.alertObjects.map { $0["sku"] } == [.string("P-1"), .string("P-2")])
    #expect(total(first) == .integer(3))
    let second = try alerts.alerts(query: ["limit": "2", "offset": "2"])
    #expect(second.alertObjects.map { $0["sku"] } == [.string("P-0")])
  }

  @Test func roundsDaysDownAndSaysNullWhereTheProductDidNotSell() throws {
    let alerts = try scenario()
    let product = try alerts.product("Bolt", sku: "B-1", threshold: 50)
    try alerts.stock(product, in: 1, 10)
    try alerts.stock(product, in: 2, 4)
    try alerts.sale(product, in: 1, 7, daysAgo: 3)
    let response = try alerts.alerts(query: ["days": "7"])
    let days = response.alertObjects.map { $0["days_until_stockout"] }
    #expect(days == [.integer(10), .null], "10 units at 7 sold in 7 days is 10 days; warehouse 2 sold nothing")
  }

  @Test func suggestsAReorderFromTheSuppliersTermsAndNullWithoutThem() throws {
    let alerts = try scenario()
    let fast = try alerts.supplier(name: "Fast", email: "f@test", leadTimeDays: 10, minOrderQuantity: 20)
    try alerts.lowStock("Termed", sku: "T-1", threshold: 500, supplier: fast, stock: 40, perDay: 3)
    let slow = try alerts.supplier(name: "Slow", email: "s@test", leadTimeDays: 10, minOrderQuantity: 20)
    try alerts.lowStock("Covered", sku: "C-1", threshold: 500, supplier: slow, stock: 400, perDay: 3)
    let vague = try alerts.supplier(name: "Vague", email: "v@test", minOrderQuantity: 20)
    try alerts.lowStock("Unknown", sku: "U-1", threshold: 500, supplier: vague, stock: 40, perDay: 3)
    try alerts.lowStock("Unsupplied", sku: "N-1", threshold: 500, stock: 40, perDay: 3)
    let suggestions = Dictionary(
      uniqueKeysWithValues: try alerts.alerts().alertObjects.map {
        ($0["sku"]!, $0["suggested_reorder_quantity"]!)
      })
    // 3 a day over 10 + 30 days is 120: less 40 is 80; 400 in stock covers it.
    #expect(suggestions[.string("T-1")] == .integer(80))
    #expect(suggestions[.string("C-1")] == .integer(0))
    #expect(suggestions[.string("U-1")] == .null)
    #expect(suggestions[.string("N-1")] == .null)
  }

  @Test(
    "Refuses bad query parameters naming them",
    arguments: [
      ("days", "0"), ("days", "366"), ("days", "x"), ("limit", "0"), ("limit", "-1"), ("offset", "1.5"),
      ("sort", "asc"),
    ])
  func refusesBadParameters(_ name: String, _ value: String) throws {
    let response = try scenario().alerts(query: [name: value])
    #expect(response.status == 400)
    #expect(response.rejects(field: name))
  }

  @Test func answers401403And404() throws {
    let alerts = try scenario()
    #expect(try alerts.alerts(as: nil).status == 401)
    #expect(try alerts.alerts(company: 2).status == 403)
    #expect(try alerts.alerts(company: 999).status == 404)
    #expect(try alerts.alerts(company: 2, as: Fixture.globexUser).status == 200)
  }

  @Test func countsBundleSalesAsComponentDemandAndSkipsBundles() throws {
    let alerts = try scenario()
    let screw = try alerts.product("Screw", sku: "SCREW", threshold: 100)
    let kit = try alerts.product("Kit", sku: "KIT", threshold: 100)
    let crate = try alerts.product("Crate", sku: "CRATE", threshold: 100)
    _ = try alerts.trial.seed(
      "bundle_components",
      [
        ["bundle_id": .int(kit), "component_id": .int(screw), "quantity": .int(4)],
        ["bundle_id": .int(crate), "component_id": .int(kit), "quantity": .int(2)],
      ]
    ).ids()
    try alerts.stock(screw, in: 1, 30)
    try alerts.stock(kit, in: 1, 1)
    try alerts.sale(crate, in: 1, 1, daysAgo: 2)
    try alerts.sale(kit, in: 1, 1, daysAgo: 1)
    let response = try alerts.alerts()
    #expect(response.alertObjects.map { $0["sku"] } == [.string("SCREW")], "bundles are judged by their components")
    #expect(
      response.alertObjects.first?["days_until_stockout"] == .integer(75), "12 screws in 30 days: 30 left is 75 days")
  }

  @Test func namesThePrimarySupplierOrNull() throws {
    let alerts = try scenario()
    let boltAndNut = try alerts.supplier(name: "Bolt & Nut Co", email: "orders@boltnut.test")
    try alerts.lowStock("Bolt", sku: "B-1", threshold: 10, supplier: boltAndNut, stock: 1, perDay: 1)
    try alerts.lowStock("Nut", sku: "N-1", threshold: 10, stock: 1, perDay: 1)
    let suppliers = Dictionary(
      uniqueKeysWithValues: try alerts.alerts().alertObjects.map { ($0["sku"]!, $0["supplier"]!) })
    #expect(
      suppliers[.string("B-1")] == ["id": .integer(1), "name": "Bolt & Nut Co", "contact_email": "orders@boltnut.test"])
    #expect(suppliers[.string("N-1")] == .null)
  }

  @Test func readsTheSameFewStatementsWhateverTheOtherTenantsHold() throws {
    let alerts = try scenario()
    try alerts.lowStock("Bolt", sku: "B-1", threshold: 10, stock: 1, perDay: 1)
    #expect(try alerts.alertsCountingStatements().statements <= 12)
  }
}
