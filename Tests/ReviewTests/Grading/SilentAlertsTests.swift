import Findings
import Fixed
import Report
import RequestLayer
import Store
import Submissions
import Testing

/// An alerts endpoint that answers 200 with no alert whatever the store holds: what a submission looks like when its
/// alerts need data the harness could not write (sales kept in order tables of its own design, say). Nothing may be
/// concluded from alerts that are not there, and the submission is not broken for what the harness could not try.
@Suite("An alerts endpoint that never alerts")
struct SilentAlertsTests {
  /// The fix's create over `schema`, with alerts that are always empty.
  static func silent(_ name: String, schema: Schema) -> Implementation {
    answering(name, schema: schema) { _ in .json(["alerts": .array([]), "total_alerts": .integer(0)], status: 200) }
  }

  /// The fix's create over `schema`, with alerts answered by `alerts` whatever the store holds.
  static func answering(
    _ name: String, schema: Schema = Fixed.schema, _ alerts: @escaping @Sendable (Request) -> Response
  ) -> Implementation {
    Implementation(
      name: name, summary: "Creates as the fix does; its alerts never read the store.", role: .submission,
      sourceFolder: "fixed", schema: schema, createProduct: Registry.fixed.createProduct,
      lowStockAlerts: { request, _ in alerts(request) })
  }

  static let withSales = silent("silent-alerts", schema: Fixed.schema)
  static let withoutSales = silent(
    "silent-alerts-own-sales",
    schema: Schema(name: "without sales", tables: Fixed.schema.tables.filter { $0.name != "sales" }))

  /// The findings judged by status codes alone (another company's caller, an unknown company, a bad `limit`).
  static let judgedByStatus: Set = ["alerts-no-authorization", "alerts-unknown-company", "alerts-unsorted-unpaginated"]

  @Test("No alert is no evidence: every finding read from the alerts is inconclusive")
  func findingsReadFromTheAlertsAreInconclusive() {
    for finding in Catalog.lowStockAlerts where !Self.judgedByStatus.contains(finding.id) {
      let observation = finding.probe.run(against: Self.withSales)
      #expect(
        observation.verdict == .inconclusive, "\(finding.id): \(observation.verdict.rawValue), \(observation.summary)")
    }
  }

  @Test("No alert and a refused bad limit: neither the order nor the page was seen")
  func noAlertButARefusedLimitIsInconclusive() {
    let refusing = Self.answering("silent-alerts-checking-limit") { request in
      guard let limit = request.query["limit"], Int(limit) == nil else {
        return .json(["alerts": .array([]), "total_alerts": .integer(0)], status: 200)
      }
      return .json(["error": "limit must be an integer", "field": "limit"], status: 400)
    }
    let observation = Catalog.finding("alerts-unsorted-unpaginated")!.probe.run(against: refusing)
    #expect(observation.verdict == .inconclusive, "\(observation.summary)")
    #expect(observation.summary.hasPrefix("limit=2 answered 200 with no alert; limit=abc got 400"))
  }

  @Test("No alert and an ignored bad limit: the ignored parameter is the defect, seen")
  func noAlertAndAnIgnoredLimitShowTheDefect() {
    let observation = Catalog.finding("alerts-unsorted-unpaginated")!.probe.run(against: Self.withSales)
    #expect(observation.verdict == .reproduced)
    #expect(observation.summary == "limit=2 answered 200 with no alert; limit=abc got 200.")
  }

  @Test("An alerts request that fails shows no stale product alerting")
  func aFailingAlertsRequestIsNoEvidenceOfStaleAlerts() {
    let failing = Self.answering("failing-alerts") { _ in .json(["error": "boom"], status: 500) }
    let observation = Catalog.finding("alerts-no-recent-sales-filter")!.probe.run(against: failing)
    #expect(observation.verdict == .inconclusive, "\(observation.summary)")
  }

  @Test func whereTheHarnessCouldWriteTheSalesTheMissingAlertBreaksTheBaseline() {
    let card = Grader().grade(Self.withSales)
    #expect(card.isBroken)
    #expect(card.baseline?.failed.map(\.name) == ["a low-stock product that sells appears in its company's alerts"])
  }

  @Test func whereTheSalesWentIntoOrdersOfItsOwnTheMissingAlertIsNotChecked() throws {
    let card = Grader().grade(SalesKeptAsOrders(base: Self.withSales))
    let baseline = try #require(card.baseline)
    #expect(!card.isBroken)
    #expect(baseline.unchecked.map(\.name) == ["a low-stock product that sells appears in its company's alerts"])
    #expect(
      card.summary.contains(
        "but its sales were written as sales_orders with sales_order_lines rows, as the harness reads those tables, "
          + "and it may count only some of them"))
  }

  @Test func whereTheSalesWentIntoOrdersOfItsOwnAnAlertFoundPasses() throws {
    let card = Grader().grade(SalesKeptAsOrders(base: Registry.fixed))
    #expect(try #require(card.baseline).passed)
    #expect(card.baseline?.unchecked.isEmpty == true)
  }

  @Test func whereTheSchemaKeepsNoSalesTheAlertIsNotCheckedAndNothingIsBroken() throws {
    let card = Grader().grade(Self.withoutSales)
    let baseline = try #require(card.baseline)
    #expect(!card.isBroken)
    #expect(baseline.passed)
    #expect(baseline.failed.isEmpty)
    #expect(baseline.unchecked.map(\.name) == ["a low-stock product that sells appears in its company's alerts"])
    #expect(card.markdown.contains("| a low-stock product that sells appears in its company's alerts | not checked |"))
    #expect(card.summary.contains("The baseline could not check that a low-stock product that sells appears"))
    #expect(card.summary.contains("but the schema has no `sales` table to write its sales into"))
  }
}

/// `base` as the adapter presents an app that keeps its sales as orders and their lines: a `sales` table written
/// into `sales_orders` and `sales_order_lines` (here, still the in-memory `sales`).
struct SalesKeptAsOrders: Deployment {
  let base: any Deployment
  var name: String { base.name }
  var endpoints: Set<Endpoint> { base.endpoints }
  func start(with fixture: Fixture) throws -> any SystemUnderTest { System(base: try base.start(with: fixture)) }

  final class System: SystemUnderTest {
    let base: any SystemUnderTest
    init(base: any SystemUnderTest) { self.base = base }
    var tables: [String: Set<String>] { base.tables }
    var standIns: [String: [String]] { ["sales": ["sales_orders", "sales_order_lines"]] }
    func send(_ request: Request) throws -> Exchange { try base.send(request) }
    func snapshot() throws -> Snapshot { try base.snapshot() }
    func seed(_ table: String, _ rows: [[String: Value]]) throws -> Seeding { try base.seed(table, rows) }
    func inject(_ fault: Fault) throws { try base.inject(fault) }
    func race(_ first: Request, pausedBefore statement: Statement, _ second: Request) throws -> Race {
      try base.race(first, pausedBefore: statement, second)
    }
    func sendConcurrently(_ request: Request, count: Int, clients: Int, numbering token: String, modulo: Int) throws
      -> [Int: Int]
    {
      try base.sendConcurrently(request, count: count, clients: clients, numbering: token, modulo: modulo)
    }
  }
}
