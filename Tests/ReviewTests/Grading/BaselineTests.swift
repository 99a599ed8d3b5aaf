import Findings
import Report
import Store
import Submissions
import Testing

@Suite("The functional baseline")
struct BaselineTests {
  @Test func theFixPassesEveryCheckAndAcceptsAFreeProduct() {
    let baseline = Baseline.run(against: Registry.fixed)
    #expect(baseline.passed, "\(baseline.failed)")
    #expect(baseline.checks.map(\.name).count == 4)
    #expect(baseline.choices.contains { $0.question == "Is a price of 0 valid?" && $0.answer.hasPrefix("valid") })
  }

  @Test func theCandidatePassesAndStocksAProductWithoutInitialQuantityAtZero() {
    let baseline = Baseline.run(against: Registry.candidate)
    #expect(baseline.passed, "\(baseline.failed)")
    #expect(
      baseline.choices.contains {
        $0.question == "Is initial_quantity required?"
          && $0.answer == "no: a create without it stocks the product at 0."
      })
  }

  @Test func theOriginalFailsACreateWithoutInitialQuantity() {
    let baseline = Baseline.run(against: Registry.original)
    #expect(baseline.failed.map(\.name) == ["create BASE-W2 in warehouse 2 without initial_quantity"])
    #expect(baseline.failed.first?.observed == "answered 500 (KeyError: 'initial_quantity').")
  }

  @Test func theCandidatesGradeListsItsBaselineAndChoices() {
    let card = Grader().grade(Registry.candidate)
    #expect(!card.isBroken)
    #expect(card.markdown.contains("## Baseline: passed"))
    #expect(card.markdown.contains("- Is a price of 0 valid?"))
    #expect(card.markdown.contains("| one product exists, but the loser is not answered 409 (a 500, say). |"))
  }

  /// `implementation` serving only `endpoints`, as a Python answer that registers fewer routes does.
  struct Serving: Deployment {
    let implementation: Implementation
    let endpoints: Set<Endpoint>
    var routes: [String]? = nil
    var name: String { implementation.name }
    func start(with fixture: Fixture) throws -> any SystemUnderTest { try implementation.start(with: fixture) }
  }

  @Test func anAnswerToPartThreeAloneIsCheckedOnItsAlertsOnly() {
    let baseline = Baseline.run(against: Serving(implementation: Registry.fixed, endpoints: [.lowStockAlerts]))
    #expect(baseline.passed, "\(baseline.failed)")
    #expect(baseline.checks.map(\.name) == ["a low-stock product that sells appears in its company's alerts"])
  }

  @Test func anAnswerServingNeitherEndpointIsBroken() {
    let baseline = Baseline.run(against: Serving(implementation: Registry.fixed, endpoints: []))
    #expect(!baseline.passed)
    #expect(baseline.failed.map(\.name) == ["serves the case study's endpoints"])
    #expect(
      baseline.failed.first?.observed
        == "serves neither POST /api/products nor GET /api/companies/{company_id}/alerts/low-stock.")
  }

  @Test("An answer serving neither endpoint is told what it serves instead, or that it serves nothing")
  func theRoutesServedInsteadAreNamed() {
    let elsewhere = Serving(
      implementation: Registry.fixed, endpoints: [], routes: ["GET /alerts/<int:company_id>", "POST /products"])
    #expect(
      Baseline.run(against: elsewhere).failed.first?.observed
        == "serves neither POST /api/products nor GET /api/companies/{company_id}/alerts/low-stock; it serves "
        + "GET /alerts/<int:company_id>, POST /products.")
    let nothing = Serving(implementation: Registry.fixed, endpoints: [], routes: [])
    #expect(
      Baseline.run(against: nothing).failed.first?.observed.hasSuffix(
        "; it serves no route at all (are its routes registered by another module, one that imports the app?).")
        == true)
  }
}
