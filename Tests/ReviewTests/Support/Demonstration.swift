import Findings
import Testing

/// Runs `finding`'s probe on `deployment` and holds it to what the catalog claims.
///
/// Where the defect is expected, it must reproduce: the observation is recorded as a known issue, so a defect that
/// stops reproducing fails the suite ("Known issue was not recorded"). Elsewhere it must be absent. Either way the
/// probe must have reached its verdict: inconclusive or not applicable fails.
func demonstrate(
  _ finding: Finding, on deployment: some Deployment, defectExpected: Bool,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let observation = finding.probe.run(against: deployment)
  guard observation.verdict != .inconclusive, observation.verdict != .notApplicable else {
    Issue.record(
      "\(finding.id) could not be shown on \(deployment.name) (\(observation.verdict.rawValue)): \(observation.summary)",
      sourceLocation: sourceLocation)
    return
  }
  withKnownIssue {
    if observation.verdict != .absent {
      Issue.record(
        "\(deployment.name): \(finding.title) — \(observation.summary)", sourceLocation: sourceLocation)
    }
  } when: {
    defectExpected
  }
}
