import Findings
import Report

/// `review list` and `review show <id>`: the catalog, one line per finding or one finding in full.
enum CatalogCommands {
  static let listUsage = """
    usage: review list

    One line per finding: id, severity, title.

    """

  static let showUsage = """
    usage: review show <id>

    One finding in full: what is wrong, impact, fix, what each implementation did, and the paired code.

    """

  static func list(_ arguments: [String]) -> CommandResult {
    ReviewCommand.guarded(listUsage) {
      let parsed = try ParsedArguments(arguments)
      if parsed.wantsHelp { return CommandResult(output: listUsage) }
      guard parsed.positionals.isEmpty else { throw UsageError("unexpected argument \(parsed.positionals[0])") }
      let width = Catalog.all.map(\.id.count).max() ?? 0
      let lines = Catalog.all.map { finding in
        finding.id.padding(width) + "  " + finding.severity.rawValue.padding(8) + "  " + finding.title
      }
      return CommandResult(output: lines.joined(separator: "\n") + "\n")
    }
  }

  static func show(_ arguments: [String], _ environment: CommandEnvironment) -> CommandResult {
    ReviewCommand.guarded(showUsage) {
      let parsed = try ParsedArguments(arguments)
      if parsed.wantsHelp { return CommandResult(output: showUsage) }
      guard parsed.positionals.count == 1 else { throw UsageError("show takes exactly one finding id") }
      let finding = try ReviewCommand.finding(parsed.positionals[0])
      let run = try ReviewCommand.review([finding], environment)
      return CommandResult(output: MarkdownReport.section(finding, run).joined(separator: "\n") + "\n")
    }
  }
}

extension String {
  func padding(_ width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
