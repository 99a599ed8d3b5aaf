import Findings
import Report
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
}
