/// The figures that show the fix holds, from one run of the adversarial corpus, the fault sweep and the concurrent
/// creates against the original and the fix; deterministic for a given seed.
public struct RobustnessFigures: Sendable {
  public let corpus: [AdversarialRun]
  public let sweeps: [FaultSweep]
  public let concurrency: [ConcurrentCreates]

  /// Figures from runs made elsewhere (the tests share one run of each per process).
  public init(corpus: [AdversarialRun], sweeps: [FaultSweep], concurrency: [ConcurrentCreates]) {
    self.corpus = corpus
    self.sweeps = sweeps
    self.concurrency = concurrency
  }

  /// Runs everything against `original` and `fixed`.
  public static func measure(original: some Deployment, fixed: some Deployment) throws -> RobustnessFigures {
    let corpus = AdversarialCorpus()
    let implementations: [any Deployment] = [original, fixed]
    return RobustnessFigures(
      corpus: try implementations.map { try AdversarialRun.perform(corpus, against: $0) },
      sweeps: try implementations.map { try FaultSweep.perform(against: $0) },
      concurrency: try implementations.map { try ConcurrentCreates.perform(against: $0) })
  }
}
