import Findings
import Foundation
import Report
import RequestLayer
import Submissions
import Testing

/// The samples under `submissions/`, graded on the real stack as `review grade --python submissions` grades them,
/// each held to its expected grade. Opt-in (`STOCKFLOW_REAL_STACK=1`): it needs Python, PostgreSQL and minutes.
@Suite(
  "Opt-in (STOCKFLOW_REAL_STACK=1): the sample submissions get their expected grades",
  .realStackOptIn, .serialized)
struct SampleSubmissionGrades {
  /// The leaderboard of every sample, graded once, by submission name.
  static let grades: [String: JSONObject] = {
    let result = review("grade", "--python", "submissions", "--format", "json")
    guard case .array(let rows)? = try? JSONParser.parse(result.output) else { return [:] }
    var byName: [String: JSONObject] = [:]
    for case .object(let row) in rows {
      if case .string(let name)? = row["submission"] { byName[name] = row }
    }
    return byName
  }()

  static func text(_ value: JSONValue?) -> String? {
    if case .string(let text)? = value { text } else { nil }
  }

  static func status(_ name: String) -> String? { text(grades[name]?["status"]) }

  static func percent(_ name: String) -> Int? {
    if case .number(let number)? = grades[name]?["percent"] { Int(number.text) } else { nil }
  }

  static func verdicts(_ name: String) -> [String: String] {
    guard case .array(let findings)? = grades[name]?["findings"] else { return [:] }
    var verdicts: [String: String] = [:]
    for case .object(let finding) in findings {
      verdicts[text(finding["id"]) ?? "?"] = text(finding["verdict"])
    }
    return verdicts
  }

  /// The baseline's checks in the grade's JSON: `name`, `passed`, `observed`, and `checked: false` for one not made.
  static func baselineChecks(_ name: String) -> [JSONObject] {
    guard case .object(let baseline)? = grades[name]?["baseline"], case .array(let checks)? = baseline["checks"]
    else { return [] }
    return checks.compactMap { if case .object(let check) = $0 { check } else { nil } }
  }

  static func incidents(_ name: String) -> [String] {
    guard case .array(let items)? = grades[name]?["incidents"] else { return [] }
    return items.compactMap(text)
  }

  /// What the harness did to run the sample as handed in (the grade's "How the harness ran it").
  static func adaptations(_ name: String) -> [String] {
    guard case .array(let items)? = grades[name]?["adaptations"] else { return [] }
    return items.compactMap(text)
  }

  @Test func everySampleHasARow() {
    #expect(
      Set(Self.grades.keys) == [
        "alerts-own-sales", "always-503", "candidate", "company-in-body", "do-nothing", "fragment", "hostile-loop",
        "hostile-memory", "hostile-snoop", "original", "partial", "per-warehouse-thresholds", "strong", "uuid-keys",
      ])
  }

  @Test("Doing nothing is broken and scores 0", arguments: ["do-nothing", "always-503"])
  func doingNothingIsBroken(_ name: String) {
    #expect(Self.status(name) == "broken")
    #expect(Self.percent(name) == 0)
  }

  @Test func theOriginalScoresZero() {
    #expect(Self.percent("original") == 0)
  }

  @Test func theCandidatesPythonGetsTheVerdictsOfItsSwiftPort() {
    let port = Grader().grade(Registry.candidate)
    let expected = Dictionary(uniqueKeysWithValues: port.lines.map { ($0.finding.id, $0.verdict.rawValue) })
    #expect(Self.verdicts("candidate") == expected)
  }

  @Test func thePartialAnswerLeavesWhatTheStrongOneLeavesPlusTheFloatPriceAndTheSKU() {
    let verdicts = Self.verdicts("partial")
    // The partial answer has no alerts endpoint, so only the create-product findings strong leaves apply to it.
    let createProduct = Set(Catalog.createProduct.map(\.id))
    let strongLeft = Set(Self.verdicts("strong").filter { $0.value == "still present" }.keys)
      .intersection(createProduct)
    #expect(Self.status("partial") == "graded")  // its savepoint's SAVEPOINT and RELEASE are understood
    #expect(
      Set(verdicts.filter { $0.value == "still present" }.keys)
        == strongLeft.union(["float-price", "duplicate-sku", "sku-race", "sku-case-variants"]))
    #expect(!verdicts.values.contains("regressed"))
    #expect((Self.percent("partial") ?? 0) > 0)
  }

  @Test func theStrongAnswerScoresHighWithoutRegression() {
    #expect(Self.status("strong") == "graded")
    // Strong answers the brief; it leaves what the catalog added beyond it (the role check, the reorder
    // suggestion, idempotency keys, request ids, failures by cause), about an eighth of the points.
    #expect((Self.percent("strong") ?? 0) >= 85)
    #expect(!Self.verdicts("strong").values.contains("regressed"))
  }

  @Test func anAnswerToPartThreeCountingOrdersOfAStatusTheHarnessCannotKnowIsNotBroken() {
    #expect(Self.status("alerts-own-sales") == "graded")
    let checks = Self.baselineChecks("alerts-own-sales")
    #expect(checks.map { Self.text($0["name"]) } == ["a low-stock product that sells appears in its company's alerts"])
    #expect(checks.first?["checked"] == .bool(false))
    #expect(
      Self.adaptations("alerts-own-sales").contains(
        "no sales table: a sale is written as a sales_orders row (ordered_at, warehouse_id) with one "
          + "sales_order_lines row (product_id, quantity); none of the values of its status says an order went "
          + "through, so it is filled like any column the harness does not know"))
    let verdicts = Self.verdicts("alerts-own-sales")
    #expect(Catalog.createProduct.allSatisfy { verdicts[$0.id] == "not applicable" })
    #expect(verdicts["alerts-fake-sales-rate"] == "inconclusive")
    #expect(verdicts["alerts-unknown-company"] == "inconclusive")  // its 404 is right, but no alert ever came back
    #expect(Self.percent("alerts-own-sales") == 0)
  }

  @Test func anAnswerTakingTheCompanyFromTheBodyIsGradedAndItsTrustIsATenantHole() {
    #expect(Self.status("company-in-body") == "graded")
    #expect(Self.baselineChecks("company-in-body").allSatisfy { $0["passed"] == .bool(true) })
    #expect(
      Self.adaptations("company-in-body").contains {
        $0.hasPrefix("its create refused the case study's valid body (400 \"missing required field: company_id\")")
      })
    let verdicts = Self.verdicts("company-in-body")
    #expect(verdicts["no-tenant-check"] == "still present")  // a body naming Globex writes into Globex
    #expect(verdicts["non-atomic-commit"] == "resolved")
    #expect(Self.percent("company-in-body") == 51)
  }

  @Test func anAnswerKeepingThresholdsPerWarehouseIsGradedOnItsAlerts() {
    #expect(Self.status("per-warehouse-thresholds") == "graded")
    let checks = Self.baselineChecks("per-warehouse-thresholds")
    #expect(checks.count == 1 && checks[0]["passed"] == .bool(true) && checks[0]["checked"] == nil)
    #expect(
      Self.adaptations("per-warehouse-thresholds").contains(
        "column inventory.reorder_level taken as low_stock_threshold (another name for it)"))
    let verdicts = Self.verdicts("per-warehouse-thresholds")
    #expect(Catalog.lowStockAlerts.allSatisfy { ["resolved", "still present"].contains(verdicts[$0.id]) })
    #expect(verdicts["alerts-missing-threshold-crash"] == "resolved")
    #expect(verdicts["alerts-fake-sales-rate"] == "resolved")  // per warehouse, from the rows the harness seeded
    #expect(Self.percent("per-warehouse-thresholds") == 80)
  }

  @Test func anAnswerKeyedByUUIDIsGradedOnWhatItDoes() {
    #expect(Self.status("uuid-keys") == "graded")
    let checks = Self.baselineChecks("uuid-keys")
    #expect(checks.count == 4 && checks.allSatisfy { $0["passed"] == .bool(true) })
    #expect(
      Self.adaptations("uuid-keys").contains {
        $0.hasSuffix("are keyed by UUID: the harness's integer ids are translated to and from their UUIDs")
      })
    let verdicts = Self.verdicts("uuid-keys")
    // It answers as the strong sample does, and also checks the caller's role; its ids, read back as the harness's
    // integers, name the right rows (the change log's user, the alert's supplier, the Location).
    let left = Set(verdicts.filter { $0.value != "resolved" }.keys)
    #expect(
      left == ["non-idempotent-retry", "untraceable-failures", "failures-not-by-cause", "alerts-no-reorder-quantity"])
    #expect(left.allSatisfy { verdicts[$0] == "still present" })
    #expect(verdicts["no-role-check"] == "resolved")
    #expect(Self.percent("uuid-keys") == 91)
  }

  @Test func aFragmentLikeTheCaseStudysOwnCodeIsGradedOnTheModelsItIsGiven() {
    #expect(Self.status("fragment") == "graded")
    #expect(Self.adaptations("fragment").contains { $0.hasPrefix("a fragment, as the case study's own code is") })
    let verdicts = Self.verdicts("fragment")
    #expect(Catalog.lowStockAlerts.allSatisfy { verdicts[$0.id] == "not applicable" })
    for fixed in ["non-atomic-commit", "duplicate-sku", "missing-validation", "unknown-warehouse"] {
      #expect(verdicts[fixed] == "resolved", "\(fixed)")
    }
    // Its Decimal goes into the given models' float column: the schema is the case study's, not changed by a view.
    #expect(verdicts["float-price"] == "still present")
    #expect(Self.percent("fragment") == 34)
  }

  @Test func aSubmissionThatHangsIsStoppedAndReported() {
    #expect(Self.status("hostile-loop") != "graded")
    #expect(Self.incidents("hostile-loop").contains { $0.contains("stopped") })
  }

  @Test func aSubmissionThatHoardsMemoryHitsItsLimit() {
    #expect(Self.percent("hostile-memory") == 0)
    #expect(Self.incidents("hostile-memory").contains { $0.contains("ran out of memory") })
  }

  @Test func aSnoopIsRefusedReportedAndOtherwiseGradedAsTheStrongAnswer() {
    let incidents = Self.incidents("hostile-snoop")
    // The snoop last truncates the incidents log through the descriptor it inherits; the log is append-only, so
    // what it tried is still there.
    #expect(incidents.contains { $0.contains("tried to open") })
    #expect(incidents.contains { $0.contains("tried to connect") })
    // The server itself refused its connections to the other databases (CONNECT revoked from PUBLIC, a role of its
    // own): the harness read that from the server's log, which the submission cannot reach.
    #expect(incidents.contains { $0.contains("was refused a connection to database postgres") })
    #expect(incidents.contains { $0.contains("was refused a connection to database template1") })
    #expect(
      incidents.contains {
        $0.contains("was refused a connection to database stockflow_") && $0.contains("permission denied")
      })
    #expect(Self.percent("hostile-snoop") == Self.percent("strong"))
  }

  @Test func theLeaderboardAlsoPrintsAsCSV() {
    let csv = review("grade", "--python", "submissions", "--format", "csv").output
    #expect(csv.split(separator: "\r\n").count == Self.grades.count + 1)  // a header, then a row per sample
  }
}
