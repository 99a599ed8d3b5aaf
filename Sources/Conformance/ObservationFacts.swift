import Findings

/// What a probe's observation says about the system, stripped of wording: the facts two implementations of the
/// same code must share.
///
/// The verdict, then per step the status, the class of the uncaught error (not its message, whose wording may
/// legitimately differ) and every row the step added, changed or removed, printed as the evidence prints it. A log
/// record a probe noted (`log: ERROR request req-2: ... failed, answered 503: <the driver's error>`) counts by its
/// level alone: the error text it quotes is the store's or the driver's own.
public struct ObservationFacts: Hashable, Sendable {
  public struct StepFacts: Hashable, Sendable {
    public let action: String
    public let status: Int?
    public let errorClass: String?
    public let changes: [String]
  }

  public let verdict: Observation.Verdict
  public let steps: [StepFacts]

  public init(_ observation: Observation) {
    verdict = observation.verdict
    steps = observation.steps.map { step in
      StepFacts(
        action: step.action, status: step.status,
        errorClass: step.uncaughtError.map(ObservationFacts.errorClass),
        changes: step.storeChanges.map(ObservationFacts.withoutLogWording))
    }
  }

  /// `log: ERROR` from `log: ERROR <message>`; any other change as it is.
  static func withoutLogWording(_ change: String) -> String {
    guard change.hasPrefix("log: ") else { return change }
    return "log: " + change.dropFirst(5).prefix { $0 != " " }
  }

  /// `KeyError` from `KeyError: 'name'`; the whole text when it names no class.
  static func errorClass(_ error: String) -> String {
    String(error.prefix { $0 != ":" })
  }

  /// Each way `other` differs from these facts, one sentence each; empty when they agree.
  public func differences(from other: ObservationFacts) -> [String] {
    var out: [String] = []
    if verdict != other.verdict { out.append("verdict \(verdict.rawValue) vs \(other.verdict.rawValue)") }
    if steps.count != other.steps.count {
      out.append("\(steps.count) steps vs \(other.steps.count)")
      return out
    }
    for (index, (mine, theirs)) in zip(steps, other.steps).enumerated() {
      let step = "step \(index + 1) (\(mine.action))"
      if mine.status != theirs.status {
        out.append(
          "\(step): status \(mine.status.map(String.init) ?? "none") vs \(theirs.status.map(String.init) ?? "none")")
      }
      if mine.errorClass != theirs.errorClass {
        out.append("\(step): uncaught \(mine.errorClass ?? "nothing") vs \(theirs.errorClass ?? "nothing")")
      }
      if mine.changes != theirs.changes {
        let onlyMine = mine.changes.filter { !theirs.changes.contains($0) }
        let onlyTheirs = theirs.changes.filter { !mine.changes.contains($0) }
        out.append(
          "\(step): rows [\(onlyMine.joined(separator: "; "))] vs [\(onlyTheirs.joined(separator: "; "))]")
      }
    }
    return out
  }
}
