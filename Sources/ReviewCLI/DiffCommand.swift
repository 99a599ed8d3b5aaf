import CommandLineTable
import Findings
import Foundation
import Report
import Submissions

/// `review diff [<id>]`: the paired code of one finding, or the whole original/fixed diff with tagged hunks.
enum DiffCommand {
  static let command = Command(
    "diff", abstract: "the paired code of a finding, or the whole original/fixed diff",
    discussion: """
      With an id: every line of every implementation that carries that finding's `// finding:` marker, with
      file:line. Without: the unified diff of original/ and fixed/, each hunk tagged with the findings it fixes.
      """,
    arguments: [.optional("<id>", help: "a finding id, as `review list` prints them")])

  @Sendable static func run(_ parsed: ParsedArguments, _ environment: CommandEnvironment) throws -> CommandResult {
    let root = try PackageRoot.locate(from: environment.currentDirectory)
    guard let id = parsed.argument("<id>") else {
      return CommandResult(
        output: try PairedDiff.render(Registry.original.sourceFolder, Registry.fixed.sourceFolder, root: root))
    }
    let finding = try ReviewCommand.finding(id)
    var out = ["\(finding.id): \(finding.title)", ""]
    for implementation in Registry.all {
      let markers = try SourceMarkers.scan(implementation.sourceFolder, root: root).filter {
        $0.findings.contains(finding.id)
      }
      out.append("== \(implementation.name)" + (markers.isEmpty ? ": no marked line" : ""))
      for marker in markers {
        out.append("\(marker.file):\(marker.line)" + (marker.endLine == marker.line ? "" : "-\(marker.endLine)"))
        out += marker.code.enumerated().map { String(marker.line + $0.offset).padding(5) + "| " + $0.element }
      }
      out.append("")
    }
    return CommandResult(output: out.joined(separator: "\n"))
  }
}
