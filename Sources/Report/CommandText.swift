import Findings
import Store

/// The plain-text and table answers of `review list`, `review diff <id>` and `review schema`.
public enum CommandText {
  /// One line per finding: id, severity and title, in aligned columns.
  public static func findingList(_ findings: [Finding]) -> String {
    let width = findings.map(\.id.count).max() ?? 0
    let lines = findings.map { finding in
      padded(finding.id, width) + "  " + padded(finding.severity.rawValue, 8) + "  " + finding.title
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A finding's paired code: per implementation (name and the outermost constructs carrying the finding's marker),
  /// each construct's `file:line` and its lines numbered.
  public static func pairedCode(_ finding: Finding, _ sides: [(implementation: String, markers: [SourceMarker])])
    -> String
  {
    var out = ["\(finding.id): \(finding.title)", ""]
    for (implementation, markers) in sides {
      out.append("== \(implementation)" + (markers.isEmpty ? ": no code carries this finding's marker" : ""))
      for marker in markers {
        out.append(marker.location)
        out += marker.code.enumerated().map { padded(String(marker.line + $0.offset), 5) + "| " + $0.element }
      }
      out.append("")
    }
    return out.joined(separator: "\n")
  }

  /// A schema's constraints as a markdown table: name, table, rule.
  public static func constraintsTable(_ schema: Schema) -> String {
    let rows = SchemaChecks.constraints(of: schema).map { "| `\($0.name)` | \($0.table) | \($0.rule) |" }
    return (["| constraint | table | rule |", "|---|---|---|"] + rows).joined(separator: "\n") + "\n"
  }

  static func padded(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
  }
}
