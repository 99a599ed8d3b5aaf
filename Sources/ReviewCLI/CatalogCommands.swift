import CommandLineTable
import Findings
import Report

/// `review list` and `review show <id>`: the catalog, one line per finding or one finding in full.
enum CatalogCommands {
  static let list = Command(
    "list", abstract: "one line per finding: id, severity, title",
    discussion: "One line per finding: id, severity, title.")

  static let show = Command(
    "show", abstract: "one finding in full, with its evidence and code",
    discussion: """
      One finding in full: what is wrong, impact, fix, what each implementation did, and the paired code.
      """,
    arguments: [.required("<id>", help: "a finding id, as `review list` prints them")])

  @Sendable static func list(_ parsed: ParsedArguments, _ environment: CommandEnvironment) -> CommandResult {
    CommandResult(output: CommandText.findingList(Catalog.all))
  }

  @Sendable static func show(_ parsed: ParsedArguments, _ environment: CommandEnvironment) throws -> CommandResult {
    let finding = try ReviewCommand.finding(parsed.argument("<id>")!)
    let run = try ReviewCommand.review([finding], environment)
    return CommandResult(output: FindingPage.render(finding, run))
  }
}
