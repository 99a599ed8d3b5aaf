import Findings
import Submissions

/// The robustness runs (adversarial corpus, fault sweep, concurrent creates) against the original and the fix,
/// each started once per test process and awaited by every test that reads it: the tests of each run and the check
/// of the robustness figures in `case-study/EVIDENCE.json` share the same results instead of computing them twice.
enum SharedRobustnessRuns {
  static let corpus = AdversarialCorpus()

  static let adversarialOriginal = Task { try AdversarialRun.perform(corpus, against: Registry.original) }
  static let adversarialFixed = Task { try AdversarialRun.perform(corpus, against: Registry.fixed) }
  static let sweepOriginal = Task { try FaultSweep.perform(against: Registry.original) }
  static let sweepFixed = Task { try FaultSweep.perform(against: Registry.fixed) }
  static let concurrencyOriginal = Task { try ConcurrentCreates.perform(against: Registry.original) }
  static let concurrencyFixed = Task { try ConcurrentCreates.perform(against: Registry.fixed) }

  /// The figures the evidence file shows, from the shared runs.
  static var figures: RobustnessFigures {
    get async throws {
      RobustnessFigures(
        corpus: [try await adversarialOriginal.value, try await adversarialFixed.value],
        sweeps: [try await sweepOriginal.value, try await sweepFixed.value],
        concurrency: [try await concurrencyOriginal.value, try await concurrencyFixed.value])
    }
  }
}
