import Findings
import Report
import RequestLayer
import Submissions
import Testing

/// The candidate's correction, graded finding by finding. The findings it leaves are pinned here as known issues,
/// so a change in its grade (a finding fixed, or a new one showing) fails the suite instead of drifting silently.
@Suite("The candidate's correction: what it resolves and what it leaves")
struct CandidateDemonstrations {
  static let candidate = Registry.candidate

  /// What each probe concludes on the candidate's answer where the defect is not simply absent.
  static let pinned: [String: Observation.Verdict] = {
    var verdicts: [String: Observation.Verdict] = [
      "no-authentication": .reproduced, "no-role-check": .reproduced, "no-tenant-check": .reproduced,
      "unchecked-types": .reproduced,
      "no-range-checks": .reproduced, "non-object-body": .reproduced, "duplicate-inventory-row": .reproduced,
      "no-change-log": .reproduced, "html-error-responses": .reproduced,
      "non-idempotent-retry": .reproduced, "untraceable-failures": .reproduced, "sku-case-variants": .reproduced,
      "catalog-requires-stock": .reproduced, "failures-not-by-cause": .reproduced,
      "sku-race": .partly, "no-error-handling": .partly, "unknown-warehouse": .partly, "wrong-status-code": .partly,
    ]
    for finding in Catalog.lowStockAlerts { verdicts[finding.id] = .reproduced }
    return verdicts
  }()

  @Test("Each finding's probe on the candidate", arguments: Catalog.all)
  func demonstrate(_ finding: Finding) {
    let observation = finding.probe.run(against: Self.candidate)
    #expect(
      observation.verdict == Self.pinned[finding.id] ?? .absent,
      "candidate on \(finding.id) (\(finding.title)): \(observation.summary)")
  }

  @Test func aNullBodyIsStillA500() throws {
    let response = try Trial(Self.candidate).createProduct("null")
    #expect(response.status == 500)
    #expect(response.uncaughtError == "TypeError: argument of type 'NoneType' is not iterable")
  }

  @Test func anUnparsablePriceIsTheGenericHandlersA500() throws {
    let response = try Trial(Self.candidate).createProduct(ProductBody.json(["price": "\"abc\""]))
    #expect(response.status == 500)
    #expect(response.json == ["error": "Failed to create product"])
  }

  @Test func aThirdDecimalPlaceIsRoundedAwaySilently() throws {
    let trial = try Trial(Self.candidate)
    #expect(try trial.createProduct(ProductBody.json(["price": "19.999"])).status == 201)
    #expect(try trial.rows("products").first?.text("price") == "20.00")
  }
}

@Suite("Grading a submission against the original")
struct GradingTests {
  private func run() throws -> ReviewRun {
    try ReviewRun.perform(
      implementations: [Registry.original, CandidateDemonstrations.candidate], root: packageRoot)
  }

  @Test func candidatesVerdictsFollowTheProbes() throws {
    let card = Scorecard(try run(), submission: CandidateDemonstrations.candidate, original: Registry.original)
    let verdicts = Dictionary(uniqueKeysWithValues: card.lines.map { ($0.finding.id, $0.verdict) })
    #expect(verdicts["duplicate-sku"] == .resolved)
    #expect(verdicts["no-tenant-check"] == .stillPresent)
    #expect(
      Set(card.lines(.stillPresent).map(\.finding.id))
        == Set(CandidateDemonstrations.pinned.filter { $0.value == .reproduced }.keys))
    #expect(
      Set(card.lines(.partlyResolved).map(\.finding.id))
        == Set(CandidateDemonstrations.pinned.filter { $0.value == .partly }.keys))
    #expect(card.lines(.regressed).isEmpty)
  }

  @Test(
    "A verdict compares the original with the submission",
    arguments: [
      (Observation.Verdict.reproduced, Observation.Verdict.absent, GradeVerdict.resolved),
      (.reproduced, .reproduced, .stillPresent), (.absent, .reproduced, .regressed), (.absent, .absent, .unaffected),
      (.reproduced, .notApplicable, .notApplicable), (.reproduced, .partly, .partlyResolved),
      (.reproduced, .inconclusive, .inconclusive), (.notApplicable, .reproduced, .stillPresent),
      (.notApplicable, .absent, .resolved), (.absent, .inconclusive, .unaffected), (.partly, .partly, .stillPresent),
      (.partly, .absent, .resolved),
    ])
  func verdict(_ original: Observation.Verdict, _ submission: Observation.Verdict, _ expected: GradeVerdict) {
    #expect(GradeVerdict(original: original, submission: submission) == expected)
  }

  @Test func scoreWeighsBySeverityAndSubtractsRegressions() {
    func line(_ id: String, _ severity: Severity, _ verdict: GradeVerdict) -> Scorecard.Line {
      let finding = Finding(
        id: id, title: id, severity: severity, category: .correctness, problem: "", impact: "", fix: "",
        probe: Probe("") { _ in Observation(verdict: .absent, summary: "", steps: []) })
      return Scorecard.Line(finding: finding, verdict: verdict, observed: "")
    }
    let card = Scorecard(
      submission: "synthetic",
      lines: [
        line("a", .critical, .resolved), line("b", .high, .stillPresent), line("c", .low, .regressed),
        line("d", .medium, .unaffected), line("e", .medium, .partlyResolved), line("f", .high, .inconclusive),
      ])
    #expect(card.points == 8 - 1 + 1)
    #expect(card.maximum == 8 + 4 + 2 + 4)
    #expect(card.percent == 44)
    #expect(card.summary.contains("It introduces 1 the original did not have: `c` (low)."))
    let floored = Scorecard(
      submission: "worse", lines: [line("x", .high, .stillPresent), line("y", .critical, .regressed)])
    #expect(floored.percent == 0)
  }

  @Test func gradeCommandPrintsTheScorecard() throws {
    let result = review("grade", "candidate")
    #expect(result.exitCode == 0)
    #expect(result.output.hasPrefix("# Grade: `candidate`"))
    #expect(result.output.contains("| `no-tenant-check` | critical | still present |"))
    let json = review("grade", "candidate", "--format", "json")
    #expect(json.output.contains("\"percent\": "))
    #expect(review("grade", "nobody").exitCode == 2)
  }
}
