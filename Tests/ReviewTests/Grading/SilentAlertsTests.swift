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
    Implementation(
      name: name, summary: "Creates as the fix does; its alerts are always empty.", role: .submission,
      sourceFolder: "fixed", schema: schema, createProduct: Registry.fixed.createProduct,
      lowStockAlerts: { _, _ in .json(["alerts": .array([]), "total_alerts": .integer(0)], status: 200) })
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

  @Test func whereTheHarnessCouldWriteTheSalesTheMissingAlertBreaksTheBaseline() {
    let card = Grader().grade(Self.withSales)
    #expect(card.isBroken)
    #expect(card.baseline?.failed.map(\.name) == ["a low-stock product that sells appears in its company's alerts"])
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
