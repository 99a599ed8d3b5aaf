import Findings

extension EvidenceFigures {
  /// What the robustness runs counted, one row per implementation in each run; deterministic for a given seed,
  /// so the tests hold the committed figures to a fresh run.
  public struct Robustness: Codable, Equatable, Sendable {
    /// The seeded adversarial corpus sent in order to one store per implementation.
    public struct Corpus: Codable, Equatable, Sendable {
      /// The seed the corpus was generated from, so a failure can be replayed.
      public var seed: UInt64
      /// Requests in the corpus.
      public var requests: Int
      /// One row per implementation, the original first.
      public var implementations: [CorpusOutcome]
    }

    /// How one implementation answered the corpus.
    public struct CorpusOutcome: Codable, Equatable, Sendable {
      public var implementation: String
      /// Requests answered with a 2xx status.
      public var answered2xx: Int
      /// Requests answered with a 4xx status.
      public var answered4xx: Int
      /// Requests answered with a 5xx status.
      public var answered5xx: Int
      /// Requests answered wrongly or that wrote what they should not have.
      public var wrongAnswersOrWrites: Int
    }

    /// One implementation's fault sweep: each statement of a valid create made to fail in turn.
    public struct Sweep: Codable, Equatable, Sendable {
      public var implementation: String
      /// Statements of the create made to fail, one per run.
      public var statementsSwept: Int
      /// Faults answered with a clean 503 that kept nothing.
      public var cleanFailures: Int
      /// Faults that left a product without inventory.
      public var productsWithoutInventory: Int
    }

    /// Concurrent creates over a few SKUs on real tasks, one store per implementation.
    public struct Concurrency: Codable, Equatable, Sendable {
      /// Creates sent at once.
      public var requests: Int
      /// SKUs the creates were spread over.
      public var distinctSkus: Int
      /// Threads sending them, each with its own session.
      public var clients: Int
      /// One row per implementation, the original first.
      public var implementations: [ConcurrencyOutcome]
    }

    /// What one implementation's store held after the concurrent creates, and how it answered them.
    public struct ConcurrencyOutcome: Codable, Equatable, Sendable {
      public var implementation: String
      /// Products in the store afterwards.
      public var products: Int
      /// Inventory rows in the store afterwards.
      public var inventoryRows: Int
      /// Products beyond the first of each SKU.
      public var duplicateProducts: Int
      /// How many requests got each status code.
      public var statuses: [Int: Int]
    }

    /// The adversarial corpus; `nil` when no implementation was sent it.
    public var corpus: Corpus?
    /// One fault sweep per implementation, the original first.
    public var faultSweeps: [Sweep]
    /// The concurrent creates; `nil` when none ran.
    public var concurrency: Concurrency?

    /// The counts of one run of each (the shared corpus's seed and size are the first run's).
    public init(_ figures: RobustnessFigures) {
      corpus = figures.corpus.first.map { first in
        Corpus(
          seed: first.seed, requests: first.requests,
          implementations: figures.corpus.map { run in
            CorpusOutcome(
              implementation: run.implementation, answered2xx: run.statusClasses["2xx", default: 0],
              answered4xx: run.statusClasses["4xx", default: 0], answered5xx: run.serverErrors,
              wrongAnswersOrWrites: run.violations.count)
          })
      }
      faultSweeps = figures.sweeps.map { sweep in
        Sweep(
          implementation: sweep.implementation, statementsSwept: sweep.outcomes.count,
          cleanFailures: sweep.outcomes.filter(\.isCleanRetryableFailure).count,
          productsWithoutInventory: sweep.outcomes.filter(\.leftOrphan).count)
      }
      concurrency = figures.concurrency.first.map { first in
        Concurrency(
          requests: first.requests, distinctSkus: first.distinctSKUs, clients: first.clients,
          implementations: figures.concurrency.map { run in
            ConcurrencyOutcome(
              implementation: run.implementation, products: run.products, inventoryRows: run.inventoryRows,
              duplicateProducts: run.duplicates, statuses: run.statuses)
          })
      }
    }
  }
}
