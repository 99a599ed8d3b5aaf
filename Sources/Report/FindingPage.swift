import Findings

/// One finding's page, `case-study/findings/<id>.md`: problem, impact, fix, scenario, the verdict per
/// implementation, the evidence each run left and the paired code.
///
/// `review show <id>` prints the same text; a test keeps every committed page equal to a fresh run.
public enum FindingPage {
  /// The folder holding the pages, relative to the package root.
  public static let folder = "case-study/findings"

  /// The page's path relative to the package root.
  public static func path(_ finding: Finding) -> String {
    "\(folder)/\(finding.id).md"
  }

  /// The page as markdown, ending with a newline.
  public static func render(_ finding: Finding, _ run: ReviewRun) -> String {
    var out = ["# `\(finding.id)`: \(finding.title)", ""]
    out.append(
      "Severity **\(finding.severity.rawValue)** · \(finding.category.rawValue) · "
        + "\(FindingText.endpoint(finding.endpoint)) · candidate's answer: \(FindingText.candidateItems(finding)) · "
        + "[all findings](../FINDINGS.md)")
    out.append("")
    out += ["## Problem", "", finding.problem, ""]
    out += ["## Impact", "", finding.impact, ""]
    out += ["## Fix", "", finding.fix, ""]
    out += ["## Resolved when", "", finding.resolution.full, ""]
    if let partial = finding.resolution.partial { out += ["## Partly resolved when", "", partial, ""] }
    out += ["## Scenario", "", finding.probe.scenario, ""]
    out += verdicts(finding, run)
    out += evidence(finding, run)
    out += pairedCode(finding, run)
    while out.last == "" { out.removeLast() }
    return out.joined(separator: "\n") + "\n"
  }

  static func verdicts(_ finding: Finding, _ run: ReviewRun) -> [String] {
    var out = ["## Verdicts", "", "| implementation | verdict | observed |", "|---|---|---|"]
    for implementation in run.implementations {
      let observation = run.observation(finding, implementation)
      out.append(
        "| `\(implementation.name)` | \(observation.verdict.rawValue) | \(FindingText.cell(observation.summary)) |")
    }
    return out + [""]
  }

  static func evidence(_ finding: Finding, _ run: ReviewRun) -> [String] {
    var out = ["## Evidence", ""]
    for implementation in run.implementations {
      let steps = run.observation(finding, implementation).steps
      guard !steps.isEmpty else { continue }
      out += ["`\(implementation.name)`:", "", "```text"]
      out += steps.flatMap(StepText.lines)
      out += ["```", ""]
    }
    return out.count == 2 ? [] : out
  }

  static func pairedCode(_ finding: Finding, _ run: ReviewRun) -> [String] {
    var out = ["## Paired code", ""]
    for implementation in run.implementations {
      out += ["### `\(implementation.name)`", ""]
      let excerpts = run.code(of: finding, in: implementation)
      if excerpts.isEmpty { out += ["No code carries this finding's marker.", ""] }
      for excerpt in excerpts {
        out += ["`\(excerpt.location)`:", "", "```swift"]
        out += excerpt.code
        out += ["```", ""]
      }
    }
    out += ["## Paired Python code", "", "The Python the Swift ports port (`review diff --python \(finding.id)`).", ""]
    for app in PythonApps.all {
      let excerpts = run.pythonCode(of: finding, in: app)
      guard !excerpts.isEmpty else { continue }
      out += ["### `\(app.folder)`", ""]
      for excerpt in excerpts {
        out += ["`\(excerpt.location)`:", "", "```python"]
        out += excerpt.code
        out += ["```", ""]
      }
    }
    return out
  }
}
