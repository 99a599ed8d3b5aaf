import Findings
import Submissions
import Testing

/// Ten thousand hostile create-product requests: the fix answers each with a 2xx or a 4xx naming the broken
/// field, never a 5xx, and writes nothing when it refuses. The seed is in every failure message, so any failure
/// replays with `AdversarialCorpus(seed:)` and the case index.
@Suite("Adversarial input against the fix")
struct AdversarialInputTests {
  @Test func fixAnswersEveryHostileRequestCorrectly() async throws {
    let run = try await SharedRobustnessRuns.adversarialFixed.value
    #expect(run.requests >= 10_000)
    #expect(run.serverErrors == 0, "seed \(run.seed): \(run.serverErrors) server errors")
    #expect(
      run.violations.isEmpty,
      "seed \(run.seed): \(run.violations.count) violations, first: \(run.violations.prefix(5).map(\.description))")
  }

  @Test func originalServerErrorsOnTheSameCorpusAreRecorded() async throws {
    let run = try await SharedRobustnessRuns.adversarialOriginal.value
    print(
      "original on \(run.requests) adversarial requests (seed \(run.seed)): \(run.serverErrors) answered 5xx, "
        + "\(run.violations.count) answered wrongly")
  }
}
