import Conformance
import Findings
import Foundation
import RequestLayer

/// `review conform`'s output: agreement per check and per port, then every disagreement grouped by cause with one
/// example each, marked allowed (with its reason) or not.
public enum ConformanceReport {
  /// The summary and the disagreements as markdown.
  public static func markdown(_ runs: [ConformanceRun], seconds: Double) -> String {
    var out = ["# Conformance: the Swift ports against the real stack", ""]
    out.append("| port | probes agreeing | fault sweep | concurrent creates | corpus agreeing | unexplained |")
    out.append("|---|---|---|---|---|---|")
    for run in runs {
      let probes = run.probesCompared - run.probeDisagreements.count
      out.append(
        "| `\(run.implementation)` | \(probes) of \(run.probesCompared) | "
          + (run.sweepDifferences.isEmpty ? "agrees (\(run.sweepStatements.port.count) statements)" : "differs")
          + " | " + (run.concurrencyDifferences.isEmpty ? "agrees (\(concurrency(run.concurrency.real)))" : "differs")
          + " | \(run.corpusAgreed) of \(run.corpusSize) (\(percent(run.corpusAgreed, run.corpusSize))) | "
          + "\(run.unexplained) |")
    }
    out.append("")
    for run in runs {
      let differences =
        run.probeDisagreements.map { probe in
          "- probe `\(probe.finding)`" + allowance(probe.allowed) + ": " + probe.differences.joined(separator: "; ")
            + "\n  - port: \(probe.port.verdict.rawValue), \(probe.port.summary)"
            + "\n  - real: \(probe.real.verdict.rawValue), \(probe.real.summary)"
        }
        + run.sweepDifferences.map { "- fault sweep (unexplained): \($0)" }
        + run.concurrencyDifferences.map {
          "- concurrent creates (unexplained): \($0); port \(concurrency(run.concurrency.port)), "
            + "real \(concurrency(run.concurrency.real))"
        }
        + run.caseGroups.map { group in
          "- corpus `\(group.label)`, \(group.indices.count) case(s)" + allowance(group.allowed) + ": "
            + group.differences.joined(separator: ", ") + "\n  - \(group.example)"
        }
      guard !differences.isEmpty else { continue }
      out.append("## `\(run.implementation)`: where the port and the real stack differ")
      out.append("")
      out += differences
      out.append("")
    }
    let unexplained = runs.map(\.unexplained).reduce(0, +)
    out.append(
      unexplained == 0
        ? "Every difference is allowed, with its reason." : "\(unexplained) difference(s) are not in the allow-list.")
    out.append("")
    out.append("Wall time: \(String(format: "%.1f", seconds)) s.")
    return out.joined(separator: "\n") + "\n"
  }

  /// The same content as JSON (through `ReportJSON`), for tools: the wall time and, per port, what was compared
  /// and every disagreement, a probe's with both observations.
  public static func json(_ runs: [ConformanceRun], seconds: Double) -> String {
    ReportJSON.text(Document(wallSeconds: JSONNumber(String(format: "%.1f", seconds)), ports: runs.map(Port.init)))
  }

  /// What a concurrent run kept and answered, in a few words.
  private static func concurrency(_ run: ConcurrentCreates) -> String {
    "\(run.products) products, \(run.duplicates) duplicates; "
      + run.statuses.keys.sorted().map { "\($0): \(run.statuses[$0]!)" }.joined(separator: ", ")
  }

  private static func allowance(_ entry: AllowList.Entry?) -> String {
    entry.map { " (allowed: \($0.reason))" } ?? " (unexplained)"
  }

  private static func percent(_ part: Int, _ whole: Int) -> String {
    whole == 0 ? "n/a" : String(format: "%.2f%%", Double(part) * 100 / Double(whole))
  }
}
