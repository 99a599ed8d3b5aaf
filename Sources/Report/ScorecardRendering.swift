import Findings
import RequestLayer

extension Scorecard {
  /// The scorecard as markdown: summary, baseline, choices, how the harness ran it, incidents, a verdict per finding, and what resolving
  /// each finding means.
  public var markdown: String {
    var out = ["# Grade: `\(submission)`", "", summary, "", "Scoring: \(Scorecard.rule)", ""]
    if let baseline {
      out += ["## Baseline: " + (baseline.passed ? "passed" : "**broken**"), ""]
      out += ["| check | result | what was seen |", "|---|---|---|"]
      for check in baseline.checks {
        out.append(
          "| \(MarkdownReport.cell(check.name)) | \(check.passed ? "passed" : "**failed**") | "
            + MarkdownReport.cell(check.observed) + " |")
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

  /// The scorecard as JSON: submission, status, score, summary, baseline, choices, adaptations, incidents, and a verdict per
  /// finding with what full and partial resolution mean.
  public var json: JSONValue {
    var object: [(String, JSONValue)] = [
      ("submission", .string(submission)), ("status", .string(isBroken ? "broken" : "graded")),
      ("points", .number(JSONNumber(pointsText))), ("maximum", .integer(maximum)), ("percent", .integer(percent)),
      ("summary", .string(summary)), ("rule", .string(Scorecard.rule)),
    ]
    if let baseline {
      object.append(
        (
          "baseline",
          [
            "passed": .bool(baseline.passed),
            "checks": .array(
              baseline.checks.map {
                ["name": .string($0.name), "passed": .bool($0.passed), "observed": .string($0.observed)]
              }),
            "choices": .array(
              baseline.choices.map { ["question": .string($0.question), "answer": .string($0.answer)] }),
          ]
        ))
    }
    object.append(("adaptations", .array(adaptations.map(JSONValue.string))))
    object.append(("incidents", .array(incidents.map(JSONValue.string))))
    object.append(
      (
        "findings",
        .array(
          lines.map { line in
            [
              "id": .string(line.finding.id), "severity": .string(line.finding.severity.rawValue),
              "verdict": .string(line.verdict.rawValue), "observed": .string(line.observed),
              "resolved_means": .string(line.finding.resolution.full),
              "partly_resolved_means": line.finding.resolution.partial.map(JSONValue.string) ?? .null,
            ]
          })
      ))
    return .object(JSONObject(object))
  }
}
