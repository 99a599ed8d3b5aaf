import Foundation
import RealStack

extension SchemaConformance {
  /// The outcomes as a markdown section: one line per constraint, then the count that agree.
  public static func markdown(_ outcomes: [Outcome], schema: String) -> String {
    var lines = [
      "## The \(schema) schema on PostgreSQL", "",
      "Its generated DDL (`review schema --sql`) applied to a fresh database; each constraint violated with the rows "
        + "the store refuses.", "",
      "| constraint | table | store refused by | PostgreSQL refused by | agrees |", "|---|---|---|---|---|",
    ]
    for outcome in outcomes {
      lines.append(
        "| `\(outcome.constraint)` | \(outcome.table) | \(outcome.store.map { "`\($0)`" } ?? "accepted") | "
          + (outcome.postgres.map { "`\($0)`" } ?? outcome.postgresError.replacingOccurrences(of: "|", with: "\\|"))
          + " | \(outcome.agrees ? "yes" : "**no**") |")
    }
    let agreeing = outcomes.filter(\.agrees).count
    lines += ["", "\(agreeing) of \(outcomes.count) constraints refused by the same name in both.", ""]
    return lines.joined(separator: "\n")
  }
}
