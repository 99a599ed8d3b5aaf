import Findings
import RequestLayer
import Submissions

/// How a submission stands on one finding, judged against the original (or, for a part of the case study the
/// original does not have, such as the alerts endpoint, against the finding itself).
public enum GradeVerdict: String, Sendable, Codable, CaseIterable {
  /// The original shows the defect and the submission does not.
  case resolved
  /// The harm is gone but part of the defect remains: worth half.
  case partlyResolved = "partly resolved"
  /// Both show it.
  case stillPresent = "still present"
  /// The original does not show it and the submission does: a defect the correction introduced.
  case regressed
  /// Neither shows it.
  case unaffected
  /// The probe could not exercise the submission (it refused the valid request the scenario needed, or the
  /// harness failed): worth nothing, never taken for resolved.
  case inconclusive
  /// The submission lacks the endpoint the probe exercises.
  case notApplicable = "not applicable"

  /// The verdict for one finding from the original's and the submission's observations. Where the original
  /// itself shows the defect only in part, a submission showing the same part has improved nothing: still present.
  public init(original: Observation.Verdict, submission: Observation.Verdict) {
    switch (original, submission) {
    case (_, .notApplicable): self = .notApplicable
    case (.absent, .reproduced), (.absent, .partly): self = .regressed
    case (.absent, _): self = .unaffected
    case (.inconclusive, _), (_, .inconclusive): self = .inconclusive
    case (_, .reproduced): self = .stillPresent
    case (.partly, .partly): self = .stillPresent
    case (_, .partly): self = .partlyResolved
    case (_, .absent): self = .resolved
    }
  }

  /// The share of a finding's weight this verdict earns.
  var credit: Double {
    switch self {
    case .resolved: 1
    case .partlyResolved: 0.5
    case .regressed: -1
    case .stillPresent, .unaffected, .inconclusive, .notApplicable: 0
    }
  }

  /// Whether the finding counts towards the points available.
  var isAvailable: Bool {
    [.resolved, .partlyResolved, .stillPresent, .inconclusive].contains(self)
  }
}

/// A submission's grade: the baseline, a verdict per finding, a severity-weighted score, and a plain-language
/// summary.
///
/// Scoring: each finding is worth its severity's weight (critical 8, high 4, medium 2, low 1). The score is the
/// weight of the findings resolved, half the weight of those partly resolved, minus the weight of those regressed,
/// over the weight of every finding the original shows (and the submission's endpoint covers), as a percentage
/// rounded down and floored at 0. An inconclusive finding is available but earns nothing. A submission that fails
/// the baseline is broken and scores 0.
public struct Scorecard: Sendable {
  public struct Line: Sendable {
    public let finding: Finding
    public let verdict: GradeVerdict
    /// What the submission's probe observed.
    public let observed: String

    public init(finding: Finding, verdict: GradeVerdict, observed: String) {
      self.finding = finding
      self.verdict = verdict
      self.observed = observed
    }
  }

  public let submission: String
  public let lines: [Line]
  /// Whether the submission does the job at all; `nil` when it was not checked.
  public let baseline: Baseline?
  /// What the submission tried that its sandbox refused, or what stopped it (a timeout, a memory limit).
  public let incidents: [String]
  /// What the harness did to run it as handed in (a database URI replaced, fixture columns filled or skipped).
  public let adaptations: [String]

  /// Grades `submission` from a run that includes it and the registered original, checking its baseline.
  public init(_ run: ReviewRun, submission: Implementation, original: Implementation) {
    self.init(
      submission: submission.name,
      lines: run.findings.map { finding in
        Line(
          finding: finding, original: run.observation(finding, original),
          submission: run.observation(finding, submission))
      },
      baseline: Baseline.run(against: submission))
  }

  public init(
    submission: String, lines: [Line], baseline: Baseline? = nil, incidents: [String] = [], adaptations: [String] = []
  ) {
    self.submission = submission
    self.lines = lines
    self.baseline = baseline
    self.incidents = incidents
    self.adaptations = adaptations
  }

  /// Whether the submission failed its baseline: graded broken, scoring 0.
  public var isBroken: Bool { baseline.map { !$0.passed } ?? false }

  /// The lines with this verdict, most severe first, in catalog order within a severity.
  public func lines(_ verdict: GradeVerdict) -> [Line] {
    lines.enumerated().filter { $0.element.verdict == verdict }
      .sorted { ($0.element.finding.severity, $0.offset) < ($1.element.finding.severity, $1.offset) }.map(\.element)
  }

  /// Points earned: resolved weight, half the partly resolved weight, minus regressed weight; 0 when broken.
  public var points: Double {
    isBroken ? 0 : lines.map { Double($0.finding.severity.weight) * $0.verdict.credit }.reduce(0, +)
  }

  /// Points available: the weight of every finding the original shows.
  public var maximum: Int {
    lines.filter(\.verdict.isAvailable).map(\.finding.severity.weight).reduce(0, +)
  }

  /// The score in percent, rounded down, never below 0.
  public var percent: Int {
    maximum == 0 ? 0 : Int((max(points, 0) * 100 / Double(maximum)).rounded(.down))
  }

  /// Points as the report prints them: `32` or `32.5`.
  public var pointsText: String {
    points == points.rounded() ? String(Int(points)) : String(points)
  }

  /// The critical findings the submission leaves (still present or regressed).
  public var criticalLeft: [Line] {
    lines.filter { $0.finding.severity == .critical && [.stillPresent, .regressed].contains($0.verdict) }
  }

  /// Two or three sentences saying what the submission gets right and wrong, made from the verdicts.
  public var summary: String {
    let resolved = lines(.resolved)
    let partly = lines(.partlyResolved)
    let present = lines(.stillPresent)
    let regressed = lines(.regressed)
    let inconclusive = lines(.inconclusive)
    let available = lines.filter(\.verdict.isAvailable).count
    var sentences: [String] = []
    if let baseline, !baseline.passed {
      sentences.append(
        "`\(submission)` is broken: it fails \(baseline.failed.count) of \(baseline.checks.count) baseline checks ("
          + baseline.failed.map { "\($0.name): \($0.observed.withoutClosingPeriod)" }
          .joined(separator: "; ") + "), so its score is 0.")
    }
    if let unchecked = baseline?.unchecked, !unchecked.isEmpty {
      sentences.append(
        "The baseline could not check " + unchecked.map { "that \($0.name)" }.joined(separator: " or ")
          + " (" + unchecked.map { $0.observed.withoutClosingPeriod }.joined(separator: "; ")
          + ").")
    }
    sentences.append(
      "`\(submission)` resolves \(resolved.count) of \(available) findings"
        + (partly.isEmpty ? "" : " and partly resolves \(partly.count)")
        + " (\(pointsText) of \(maximum) points, \(percent)%).")
    if !resolved.isEmpty {
      sentences.append("It fixes " + Scorecard.list(resolved) + ".")
    }
    if !partly.isEmpty {
      sentences.append("It partly fixes " + Scorecard.list(partly) + ".")
    }
    if !inconclusive.isEmpty {
      sentences.append("It could not be tested on " + Scorecard.list(inconclusive) + ", which earn nothing.")
    }
    if !present.isEmpty {
      let critical = present.filter { $0.finding.severity == .critical }
      sentences.append(
        "It leaves \(present.count)"
          + (critical.isEmpty ? "" : ", \(critical.count) of them critical") + ": " + Scorecard.list(present) + ".")
    }
    sentences.append(
      regressed.isEmpty
        ? "It introduces no defect the original did not have."
        : "It introduces \(regressed.count) the original did not have: " + Scorecard.list(regressed) + ".")
    return sentences.joined(separator: " ")
  }

  /// Finding ids with their severity, e.g. `` `duplicate-sku` (critical), `float-price` (high) ``.
  static func list(_ lines: [Line]) -> String {
    lines.map { "`\($0.finding.id)` (\($0.finding.severity.rawValue))" }.joined(separator: ", ")
  }

  /// How the score is computed, as the report states it.
  public static let rule =
    "each finding the original shows is worth its severity's weight (critical 8, high 4, medium 2, low 1); the "
    + "score is the weight resolved, plus half the weight partly resolved, minus the weight of any regression, over "
    + "the weight available, floored at 0. An inconclusive finding is available and earns nothing. A submission "
    + "that fails the baseline (valid creates stored as sent, a low-stock alert) is broken and scores 0; a baseline "
    + "check the harness could not make (an alert whose scenario it could not write into the schema) fails nothing."
}

extension Scorecard.Line {
  /// The line for `finding` from the original's and the submission's observations.
  public init(finding: Finding, original: Observation, submission: Observation) {
    self.init(
      finding: finding, verdict: GradeVerdict(original: original.verdict, submission: submission.verdict),
      observed: submission.summary)
  }
}
