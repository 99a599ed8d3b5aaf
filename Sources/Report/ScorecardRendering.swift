import Findings

extension Scorecard {
  /// The scorecard as markdown: summary, baseline, choices, how the harness ran it, incidents, a verdict per
  /// finding, and what resolving each finding means.
  public var markdown: String {
    var out = ["# Grade: `\(submission)`", "", summary, "", "Scoring: \(Scorecard.rule)", ""]
    if let baseline {
      out += ["## Baseline: " + (baseline.passed ? "passed" : "**broken**"), ""]
      out += ["| check | result | what was seen |", "|---|---|---|"]
      for check in baseline.checks {
        let result = !check.checked ? "not checked" : check.passed ? "passed" : "**failed**"
        out.append(
          "| \(MarkdownReport.cell(check.name)) | \(result) | " + MarkdownReport.cell(check.observed) + " |")
      }
      out.append("")
      if !baseline.choices.isEmpty {
        out += ["Choices the brief leaves open (either answer is accepted):", ""]
        out += baseline.choices.map { "- \($0.question) \($0.answer)" }
        out.append("")
      }
    }
    if !adaptations.isEmpty {
      out += ["## How the harness ran it", ""] + adaptations.map { "- \($0)" } + [""]
    }
    if !incidents.isEmpty {
      out += ["## Refused or stopped", ""] + incidents.map { "- \($0)" } + [""]
    }
    out += ["## Findings", "", "| finding | severity | verdict | what the submission did |", "|---|---|---|---|"]
    for line in lines {
      out.append(
        "| `\(line.finding.id)` | \(line.finding.severity.rawValue) | \(line.verdict.rawValue) | "
          + MarkdownReport.cell(line.observed) + " |")
    }
    out += [
      "", "## What resolving each finding means", "", "| finding | resolved | partly resolved |", "|---|---|---|",
    ]
    for line in lines {
      let resolution = line.finding.resolution
      out.append(
        "| `\(line.finding.id)` | \(MarkdownReport.cell(resolution.full)) | "
          + MarkdownReport.cell(resolution.partial ?? "—") + " |")
    }
    return out.joined(separator: "\n") + "\n"
  }
}
