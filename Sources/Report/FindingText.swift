import Findings

/// The words every rendering of a finding shares, so the markdown pages, the one-page report and the JSON say the
/// same thing the same way.
enum FindingText {
  /// Where the finding sits in the candidate's written answer, e.g. `items 1 and 2`, or `not named` when only the
  /// review found it.
  static func candidateItems(_ finding: Finding) -> String {
    switch finding.candidateItems.count {
    case 0: "not named"
    case 1: "item \(finding.candidateItems[0])"
    default: "items " + finding.candidateItems.map(String.init).joined(separator: " and ")
    }
  }

  /// The endpoint in a table cell: its method and path.
  static func endpoint(_ endpoint: Endpoint) -> String {
    "`\(endpoint.rawValue)`"
  }

  /// The link from the one-page report to a finding's page.
  static func link(_ finding: Finding) -> String {
    "[`\(finding.id)`](findings/\(finding.id).md)"
  }

  /// A table cell: pipes escaped, one line.
  static func cell(_ text: String) -> String {
    text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
  }
}
