import Findings

extension Scorecard {
  /// The grade in one line for the one-page report: the score, then how many findings earned each grade verdict
  /// (those with none left out), in the verdicts' own words.
  public var headline: String {
    let counted: [GradeVerdict] = [.resolved, .partlyResolved, .stillPresent, .regressed, .inconclusive]
    let counts = counted.compactMap { verdict -> String? in
      let found = lines(verdict)
      guard !found.isEmpty || verdict == .regressed else { return nil }
      let critical = found.filter { $0.finding.severity == .critical }.count
      return "\(verdict.rawValue) \(found.count)" + (critical == 0 ? "" : " (\(critical) critical)")
    }
    return "`\(submission)`: \(percent)% (\(pointsText) of \(maximum) points); " + counts.joined(separator: ", ") + "."
  }
}
