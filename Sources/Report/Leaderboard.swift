import Findings
import Foundation

/// Many submissions graded side by side: per submission its score, counts per verdict, baseline status and the
/// critical findings it leaves; a submission that could not be graded at all (it would not load, it hung) has a
/// row that says why, and never stops the others.
public struct Leaderboard: Sendable {
  /// One submission's row: its scorecard, or why it has none.
  public enum Entry: Sendable {
    case graded(Scorecard)
    case failed(name: String, reason: String)

    public var name: String {
      switch self {
      case .graded(let card): card.submission
      case .failed(let name, _): name
      }
    }
  }

  public let entries: [Entry]

  /// The entries, best score first, then by name; submissions that could not be graded last.
  public init(_ entries: [Entry]) {
    self.entries = entries.sorted { left, right in
      switch (left, right) {
      case (.graded(let a), .graded(let b)): (-a.percent, a.submission) < (-b.percent, b.submission)
      case (.graded, .failed): true
      case (.failed, .graded): false
      case (.failed(let a, _), .failed(let b, _)): a < b
      }
    }
  }

  /// A started submission: its deployment, and what its sandbox reported, asked once grading is over.
  public typealias Started = (deployment: any Deployment, incidents: () -> [String])

  /// Grades each submission in turn; one that throws while starting is recorded as failed, with its error.
  public static func grade(
    _ submissions: [(name: String, start: () throws -> Started)], with grader: Grader
  ) -> Leaderboard {
    Leaderboard(
      submissions.map { submission in
        do {
          let (deployment, incidents) = try submission.start()
          let card = grader.grade(deployment)
          return .graded(
            Scorecard(
              submission: card.submission, lines: card.lines, baseline: card.baseline, incidents: incidents(),
              adaptations: card.adaptations))
        } catch {
          return .failed(name: submission.name, reason: String(describing: error))
        }
      })
  }

  static let columns = [
    "submission", "score", "status", "resolved", "partly resolved", "still present", "regressed", "inconclusive",
    "critical findings left", "notes",
  ]

  /// One row of cells, in `columns` order.
  static func cells(_ entry: Entry) -> [String] {
    switch entry {
    case .graded(let card):
      let counts = [GradeVerdict.resolved, .partlyResolved, .stillPresent, .regressed, .inconclusive].map {
        String(card.lines($0).count)
      }
      let unchecked = card.baseline?.unchecked.count ?? 0
      let status =
        card.isBroken
        ? "broken: " + (card.baseline?.failed.map(\.name).joined(separator: "; ") ?? "")
        : "baseline passed" + (unchecked == 0 ? "" : ", \(unchecked) check\(unchecked == 1 ? "" : "s") not made")
      return [card.submission, "\(card.percent)%", status] + counts + [
        card.criticalLeft.map(\.finding.id).joined(separator: ", "), card.incidents.joined(separator: "; "),
      ]
    case .failed(let name, let reason):
      return [name, "0%", "not graded: \(reason)", "", "", "", "", "", "", ""]
    }
  }

  /// The leaderboard as a markdown table.
  public var markdown: String {
    var out = ["# Leaderboard", "", "| " + Self.columns.joined(separator: " | ") + " |"]
    out.append("|" + String(repeating: "---|", count: Self.columns.count))
    for entry in entries {
      out.append("| " + Self.cells(entry).map(MarkdownReport.cell).joined(separator: " | ") + " |")
    }
    return out.joined(separator: "\n") + "\n"
  }

  /// The leaderboard as CSV (RFC 4180: a header row, fields quoted when they hold a comma, quote or newline).
  public var csv: String {
    ([Self.columns] + entries.map(Self.cells)).map { row in
      row.map { field in
        field.contains(where: { ",\"\n\r".contains($0) })
          ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
      }.joined(separator: ",")
    }.joined(separator: "\r\n") + "\r\n"
  }
}
