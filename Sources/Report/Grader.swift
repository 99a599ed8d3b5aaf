import Findings
import RequestLayer
import Submissions

/// Grades deployments against the original: the original's observations are taken once, then each submission
/// gets its baseline and a verdict per finding.
public struct Grader: Sendable {
  public let findings: [Finding]
  /// What each probe saw on the original, by finding id.
  public let original: [String: Observation]

  /// A grader whose reference is `original` (the registered Swift original by default).
  public init(findings: [Finding] = Catalog.all, original: some Deployment = Registry.original) {
    self.findings = findings
    self.original = Dictionary(uniqueKeysWithValues: findings.map { ($0.id, $0.probe.run(against: original)) })
  }

  /// `submission`'s scorecard: its baseline and every probe, each on a fresh start; `incidents` are what its
  /// sandbox reported. A create that requires `company_id` in the body gets the caller's (`CompanyInBody`).
  public func grade(_ given: some Deployment, incidents: [String] = []) -> Scorecard {
    let submission = CompanyInBody.adapted(given)
    let baseline = Baseline.run(against: submission)
    let lines = findings.map { finding in
      Scorecard.Line(
        finding: finding, original: original[finding.id]!, submission: finding.probe.run(against: submission))
    }
    return Scorecard(
      submission: submission.name, lines: lines, baseline: baseline, incidents: incidents,
      adaptations: submission.adaptations)
  }
}
