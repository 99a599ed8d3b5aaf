import Findings

/// One probe step as the evidence blocks print it: the action, what was sent, the answer, the error that escaped
/// the handler and the rows it changed, one labelled line each.
public enum StepText {
  /// The step as indented lines of text.
  public static func lines(_ step: Step) -> [String] {
    var out = [step.action]
    if let body = step.requestBody { out.append("  sent:     \(body)") }
    if let status = step.status {
      var answer = "  answered: \(status)"
      for header in step.responseHeaders.keys.sorted() { answer += ", \(header): \(step.responseHeaders[header]!)" }
      if let body = step.responseBody {
        answer += body.hasPrefix("<!doctype html>") ? " (Flask's HTML error page)" : " \(body)"
      }
      out.append(answer)
    }
    if let error = step.uncaughtError { out.append("  raised:   \(error)") }
    for (index, change) in step.storeChanges.enumerated() {
      out.append((index == 0 ? "  store:    " : "            ") + change)
    }
    if step.status != nil && step.storeChanges.isEmpty { out.append("  store:    unchanged") }
    return out
  }
}
