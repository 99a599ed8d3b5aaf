extension EvidenceFigures.Robustness {
  /// The robustness section, one table per run: the adversarial corpus, the fault sweep and the concurrent
  /// creates, one row per implementation.
  public var markdown: String {
    var out = ["## Robustness", ""]
    if let corpus {
      out += [
        "Adversarial corpus: \(corpus.requests) create-product requests generated from seed \(corpus.seed), sent in "
          + "order to one store per implementation.",
        "",
        "| implementation | 2xx | 4xx | 5xx | wrong answers or writes |",
        "|---|---|---|---|---|",
      ]
      out += corpus.implementations.map {
        "| `\($0.implementation)` | \($0.answered2xx) | \($0.answered4xx) | \($0.answered5xx) "
          + "| \($0.wrongAnswersOrWrites) |"
      }
      out.append("")
    }
    out += [
      "Fault sweep: each statement of one valid create made to fail in turn, on a fresh store.",
      "",
      "| implementation | statements swept | clean 503 with nothing kept | left a product without inventory |",
      "|---|---|---|---|",
    ]
    out += faultSweeps.map {
      "| `\($0.implementation)` | \($0.statementsSwept) | \($0.cleanFailures) | \($0.productsWithoutInventory) |"
    }
    if let concurrency {
      out += [
        "",
        "Concurrency: \(concurrency.requests) create requests over \(concurrency.distinctSkus) SKUs from "
          + "\(concurrency.clients) threads at once, each with its own session on one store.",
        "",
        "| implementation | products | inventory rows | duplicate products | statuses |",
        "|---|---|---|---|---|",
      ]
      out += concurrency.implementations.map {
        "| `\($0.implementation)` | \($0.products) | \($0.inventoryRows) | \($0.duplicateProducts) "
          + "| \(EvidenceFile.statuses($0.statuses)) |"
      }
    }
    return out.joined(separator: "\n")
  }
}

extension EvidenceFile {
  /// Status counts in status order, e.g. `201: 100, 409: 900`.
  static func statuses(_ counts: [Int: Int]) -> String {
    counts.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
  }
}
