import Findings

extension RobustnessFigures {
  /// The figures as a markdown section, one table per run: the adversarial corpus, the fault sweep and the
  /// concurrent creates, one row per implementation.
  public var markdown: String {
    var out = ["## Robustness", ""]
    if let first = corpus.first {
      out.append(
        "Adversarial corpus: \(first.requests) create-product requests generated from seed \(first.seed), sent in "
          + "order to one store per implementation.")
      out.append("")
      out.append("| implementation | 2xx | 4xx | 5xx | wrong answers or writes |")
      out.append("|---|---|---|---|---|")
      for run in corpus {
        out.append(
          "| `\(run.implementation)` | \(run.statusClasses["2xx", default: 0]) | \(run.statusClasses["4xx", default: 0]) "
            + "| \(run.serverErrors) | \(run.violations.count) |")
      }
      out.append("")
    }
    out.append("Fault sweep: each statement of one valid create made to fail in turn, on a fresh store.")
    out.append("")
    out.append("| implementation | statements swept | clean 503 with nothing kept | left a product without inventory |")
    out.append("|---|---|---|---|")
    for sweep in sweeps {
      out.append(
        "| `\(sweep.implementation)` | \(sweep.outcomes.count) | \(sweep.outcomes.filter(\.isCleanRetryableFailure).count) "
          + "| \(sweep.outcomes.filter(\.leftOrphan).count) |")
    }
    out.append("")
    if let first = concurrency.first {
      out.append(
        "Concurrency: \(first.requests) create requests over \(first.distinctSKUs) SKUs from \(first.clients) "
          + "threads at once, each with its own session on one store."
      )
      out.append("")
      out.append("| implementation | products | inventory rows | duplicate products | statuses |")
      out.append("|---|---|---|---|---|")
      for run in concurrency {
        let statuses = run.statuses.keys.sorted().map { "\($0): \(run.statuses[$0]!)" }.joined(separator: ", ")
        out.append(
          "| `\(run.implementation)` | \(run.products) | \(run.inventoryRows) | \(run.duplicates) | \(statuses) |")
      }
      out.append("")
    }
    return out.joined(separator: "\n")
  }
}
