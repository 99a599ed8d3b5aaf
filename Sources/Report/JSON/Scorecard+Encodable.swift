import Findings
import RequestLayer

/// The scorecard as JSON (through `ReportJSON`): `submission`, `status` (`graded` or `broken`), `points`,
/// `maximum`, `percent`, `summary`, `rule`, `baseline` (`null` when not checked), `adaptations` (how the harness
/// ran the submission), `incidents`, and `findings[]`, one line per finding.
extension Scorecard: Encodable {
  enum CodingKeys: String, CodingKey {
    case submission, status, points, maximum, percent, summary, rule, baseline, adaptations, incidents, findings
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(submission, forKey: .submission)
    try container.encode(isBroken ? "broken" : "graded", forKey: .status)
    try container.encode(JSONNumber(pointsText), forKey: .points)
    try container.encode(maximum, forKey: .maximum)
    try container.encode(percent, forKey: .percent)
    try container.encode(summary, forKey: .summary)
    try container.encode(Scorecard.rule, forKey: .rule)
    try container.encodeIfPresent(baseline, forKey: .baseline)
    try container.encode(adaptations, forKey: .adaptations)
    try container.encode(incidents, forKey: .incidents)
    try container.encode(lines, forKey: .findings)
  }
}

/// One finding's line: `id`, `severity`, `verdict` (the grade's word), `observed`, and what full and partial
/// resolution mean (`resolved_means`, `partly_resolved_means`, `null` when the finding has no partial fix).
extension Scorecard.Line: Encodable {
  enum CodingKeys: String, CodingKey {
    case id, severity, verdict, observed, resolvedMeans, partlyResolvedMeans
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(finding.id, forKey: .id)
    try container.encode(finding.severity, forKey: .severity)
    try container.encode(verdict, forKey: .verdict)
    try container.encode(observed, forKey: .observed)
    try container.encode(finding.resolution.full, forKey: .resolvedMeans)
    try container.encodeIfPresent(finding.resolution.partial, forKey: .partlyResolvedMeans)
  }
}
