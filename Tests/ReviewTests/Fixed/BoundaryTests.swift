import Findings
import Foundation
import RequestLayer
import Store
import Submissions
import Testing

/// Every edge the fix defines, tried on both sides: each test fails if its edge moves by one.
@Suite("The fix's boundaries")
struct BoundaryTests {
  private func alertsScenario() throws -> AlertsScenario { AlertsScenario(try Trial(Registry.fixed)) }

  // MARK: Low-stock alerts

  /// Where a product's threshold comes from.
  enum ThresholdSource: String, CaseIterable, CustomTestStringConvertible {
    case product, productType
    var testDescription: String { self == .product ? "its own threshold" : "its type's threshold" }
  }

  @Test(
    "Stock exactly at the threshold is no alert; one unit below is one",
    arguments: ThresholdSource.allCases, [(stock: 10, alerted: false), (stock: 9, alerted: true)])
  func stockAtTheThreshold(_ source: ThresholdSource, _ edge: (stock: Int, alerted: Bool)) throws {
    let alerts = try alertsScenario()
    let type = source == .productType ? try alerts.productType("Fasteners", threshold: 10) : nil
    try alerts.lowStock(
      "Bolt", sku: "B-1", threshold: source == .product ? 10 : nil, type: type, stock: edge.stock, perDay: 1)
    let found = try alerts.alerts().alertObjects
    #expect(found.map { $0["current_stock"] } == (edge.alerted ? [.integer(edge.stock)] : []))
    #expect(found.map { $0["threshold"] } == (edge.alerted ? [.integer(10)] : []))
  }

  @Test(
    "A sale exactly at the start of the window counts, and so does one a second later; one a second earlier does not",
    arguments: [(secondsBeforeStart: 1, counted: false), (0, true), (-1, true)])
  func saleAtTheStartOfTheWindow(secondsBeforeStart: Int, counted: Bool) throws {
    let alerts = try alertsScenario()
    let bolt = try alerts.product("Bolt", sku: "B-1", threshold: 50)
    try alerts.stock(bolt, in: 1, 4)
    try alerts.sale(bolt, in: 1, 1, daysAgo: 1)
    try alerts.sale(bolt, in: 1, 1, secondsAgo: 7 * 86_400 + secondsBeforeStart)
    let days = try alerts.alerts(query: ["days": "7"]).alertObjects.map { $0["days_until_stockout"] }
    // 4 units at 2 sold in 7 days last 14 days; at 1 sold, 28.
    #expect(days == [.integer(counted ? 14 : 28)])
  }

  @Test(
    "Each query parameter is accepted up to its limits and refused one past them, naming it",
    arguments: [
      ("days", Side.refused("0")), ("days", .accepted("1")), ("days", .accepted("365")), ("days", .refused("366")),
      ("limit", .refused("0")), ("limit", .accepted("1")), ("limit", .accepted("500")), ("limit", .refused("501")),
      ("offset", .accepted("0")), ("offset", .accepted("1000000")), ("offset", .refused("1000001")),
    ])
  func queryParameterRange(_ name: String, _ side: Side) throws {
    let response = try alertsScenario().alerts(query: [name: side.value])
    if side.accepted {
      #expect(response.status == 200)
      #expect(response.field(name == "days" ? "window_days" : name) == .integer(Int(side.value)!))
    } else {
      #expect(response.status == 400)
      #expect(response.field("field") == .string(name))
    }
  }

  @Test func theLargestPageHolds500Alerts() throws {
    let alerts = try alertsScenario()
    try alerts.manyLowStock(501)
    let page = try alerts.alerts(query: ["limit": "500"])
    #expect(page.alertObjects.count == 500)
    #expect(page.field("total_alerts") == .integer(501))
    let rest = try alerts.alerts(query: ["limit": "500", "offset": "500"])
    #expect(rest.alertObjects.count == 1)
  }

  @Test(
    "Two non-primary suppliers name no supplier; making one of them primary names it",
    arguments: [(primaries: [false, false], named: nil), ([false, true], "Second")] as [([Bool], String?)])
  func nonPrimarySuppliers(_ primaries: [Bool], _ named: String?) throws {
    let alerts = try alertsScenario()
    let bolt = try alerts.lowStock("Bolt", sku: "B-1", threshold: 10, stock: 1, perDay: 1)
    for (name, primary) in zip(["First", "Second"], primaries) {
      let link = try alerts.supplier(bolt, name: name, primary: primary)
      #expect(link == .inserted([name == "First" ? 1 : 2]), "the partial unique index allows two non-primary links")
    }
    let supplier = try #require(try alerts.alerts().alertObjects.first?["supplier"])
    if let named {
      guard case .object(let object) = supplier else {
        Issue.record("expected supplier \(named), got \(supplier)")
        return
      }
      #expect(object["name"] == .string(named))
    } else {
      #expect(supplier == .null)
    }
  }

  // MARK: Creating a product

  @Test(
    "The price holds up to 9999999999.99, what numeric(12,2) holds, and down to 0; a cent past either is refused",
    arguments: [
      Side.accepted("9999999999.99"), .refused("10000000000.00"), .refused("10000000000"), .accepted("0"),
      .accepted("0.01"), .refused("-0.01"),
    ])
  func priceRange(_ side: Side) throws {
    let trial = try Trial(Registry.fixed)
    let (exchange, changes) = try trial.exchange(
      .post("/api/products", body: ProductBody.json(["price": side.value]), as: Fixture.acmeUser))
    let response = exchange.response
    if side.accepted {
      #expect(response.status == 201)
      #expect(try trial.rows("products").map { $0["price"] } == [.decimal(Decimal(string: side.value)!)])
    } else {
      #expect(response.status == 400)
      #expect(response.field("field") == .string("price"))
      #expect(changes.isEmpty)
      #expect(exchange.statements.isEmpty, "refused by validation, before the column would refuse it")
    }
  }

  @Test(
    "A body not sent as JSON is exactly 415, writing nothing; JSON with a charset is accepted",
    arguments: [
      Side.refused("text/plain"), .refused("application/x-www-form-urlencoded"), .refused("none"),
      .accepted("application/json"), .accepted("application/json; charset=utf-8"),
    ])
  func contentType(_ side: Side) throws {
    let trial = try Trial(Registry.fixed)
    let (response, changes) = try trial.createProductChanging(
      ProductBody.json(), contentType: side.value == "none" ? nil : side.value)
    if side.accepted {
      #expect(response.status == 201)
    } else {
      #expect(response.status == 415)
      #expect(response.field("field") == .string("body"))
      #expect(changes.isEmpty)
    }
  }

  // MARK: Ids that do not coincide

  @Test func theChangeLogRecordsTheUserNotTheCompany() throws {
    let trial = try Trial(Registry.fixed, fixture: .distinctIDs)
    let response = try trial.createProduct(ProductBody.json(["warehouse_id": "31"]), as: Fixture.initechUser)
    #expect(response.status == 201)
    #expect(try trial.rows("inventory_changes").map { $0["user_id"] } == [.int(7)])
    #expect(try trial.rows("products").map { $0["company_id"] } == [.int(10)])
    #expect(try trial.rows("inventory").map { $0["warehouse_id"] } == [.int(31)])
  }

  @Test func tenancyIsJudgedByTheCompanyNotTheUser() throws {
    let trial = try Trial(Registry.fixed, fixture: .distinctIDs)
    let intoTheirs = try trial.createProduct(ProductBody.json(["warehouse_id": "33"]), as: Fixture.initechUser)
    #expect(intoTheirs.status == 403)
    #expect(intoTheirs.field("field") == .string("warehouse_id"))
    let alerts = AlertsScenario(trial)
    #expect(try alerts.alerts(company: 10, as: Fixture.initechUser).status == 200)
    #expect(try alerts.alerts(company: 20, as: Fixture.initechUser).status == 403)
    #expect(try alerts.alerts(company: 7, as: Fixture.initechUser).status == 404, "7 is Initech's user, no company")
  }

  @Test func aFixtureKeepsItsIdsAndLaterRowsFollowThem() throws {
    let trial = try Trial(Registry.fixed, fixture: .distinctIDs)
    #expect(try trial.rows("companies").map(\.id) == [10, 20])
    #expect(try trial.rows("users").map(\.id) == [7, 8])
    #expect(try trial.rows("warehouses").map(\.id) == [31, 32, 33])
    #expect(try AlertsScenario(trial).company("Hooli") == (company: 21, warehouse: 34))
  }

  @Test func aFixtureWhoseIdsDoNotIncreaseIsRefused() {
    let fixture = Fixture(
      companies: [.init(id: 2, name: "B"), .init(id: 1, name: "A")], users: [], warehouses: [])
    #expect(throws: InvalidFixture.self) { try Trial(Registry.fixed, fixture: fixture) }
  }
}
