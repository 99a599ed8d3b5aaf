import Findings
import Foundation
import Report
import Submissions

/// The `review` command: the findings report, the catalog, the paired code, and live requests.
///
/// `main.swift` only forwards the process's arguments here; tests call `run` the same way.
public enum ReviewCommand {
  static let usage = """
    usage: review [command] [options]

    commands:
      report [--format markdown|json] [--output PATH]   the findings report from a fresh run (the default)
      list                                             one line per finding: id, severity, title
      show <id>                                        one finding in full, with its evidence and code
      diff [<id>]                                      the paired code of a finding, or the whole original/fixed diff
      try [options] BODY                               send one request to every implementation, side by side
      replay FILE                                      run a JSON Lines script of requests, print JSON Lines
      fixture [--fixture FILE]                         print the rows every store starts with
      grade <submission> [--format markdown|json]      score a submission finding by finding
      help                                             this text

    Every command takes --help.

    """

  /// Runs `arguments` (without the program name) and returns what to print and the exit status.
  public static func run(_ arguments: [String], environment: CommandEnvironment) -> CommandResult {
    guard let command = arguments.first else { return ReportCommand.run([], environment) }
    let rest = Array(arguments.dropFirst())
    switch command {
    case "report": return ReportCommand.run(rest, environment)
    case "list": return CatalogCommands.list(rest)
    case "show": return CatalogCommands.show(rest, environment)
    case "diff": return DiffCommand.run(rest, environment)
    case "try": return TryCommand.run(rest, environment)
    case "replay": return ReplayCommand.run(rest, environment)
    case "fixture": return FixtureCommand.run(rest, environment)
    case "grade": return GradeCommand.run(rest, environment)
    case "help", "--help", "-h": return CommandResult(output: usage)
    default:
      if command.hasPrefix("-") { return ReportCommand.run(arguments, environment) }
      return .usage("unknown command \(command)", usage)
    }
  }

  /// Runs `body`, turning a usage error into exit status 2 with `usage`, and any other error into status 1.
  static func guarded(_ usage: String, _ body: () throws -> CommandResult) -> CommandResult {
    do {
      return try body()
    } catch let error as UsageError {
      return .usage(error.message, usage)
    } catch {
      return CommandResult(exitCode: 1, errors: "review: \(error)\n")
    }
  }

  /// The finding with `id`, or a usage error naming the valid ids.
  static func finding(_ id: String) throws -> Finding {
    guard let finding = Catalog.finding(id) else {
      throw UsageError("unknown finding \(id); valid ids: " + Catalog.all.map(\.id).joined(separator: ", "))
    }
    return finding
  }

  /// A fresh run of `findings` against every registered implementation.
  static func review(_ findings: [Finding] = Catalog.all, _ environment: CommandEnvironment) throws -> ReviewRun {
    try ReviewRun.perform(
      findings: findings, implementations: Registry.all,
      root: PackageRoot.locate(from: environment.currentDirectory))
  }
}
