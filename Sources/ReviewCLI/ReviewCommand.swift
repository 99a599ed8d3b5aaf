import CommandLineTable
import Findings
import Foundation
import Report
import Submissions

/// The `review` command: the findings report, the catalog, the paired code, and live requests.
///
/// `main.swift` only forwards the process's arguments here; tests call `run` the same way. Every subcommand is one
/// entry of `subcommands`: its declared command line (options, arguments, help) and the function that runs it.
public enum ReviewCommand {
  /// A subcommand: what its command line accepts, and what it does with a parsed one.
  struct Subcommand: Sendable {
    let command: Command
    let run: @Sendable (ParsedArguments, CommandEnvironment) throws -> CommandResult
  }

  /// Every subcommand, in the order `review help` lists them. To add one, declare its `Command` and add a line.
  static let subcommands: [Subcommand] = [
    Subcommand(command: ReportCommand.command, run: ReportCommand.run),
    Subcommand(command: CatalogCommands.list, run: CatalogCommands.list),
    Subcommand(command: CatalogCommands.show, run: CatalogCommands.show),
    Subcommand(command: DiffCommand.command, run: DiffCommand.run),
    Subcommand(command: TryCommand.command, run: TryCommand.run),
    Subcommand(command: ReplayCommand.command, run: ReplayCommand.run),
    Subcommand(command: FixtureCommand.command, run: FixtureCommand.run),
    Subcommand(command: GradeCommand.command, run: GradeCommand.run),
    Subcommand(command: SchemaCommand.command, run: SchemaCommand.run),
    Subcommand(command: ConformCommand.command, run: ConformCommand.run),
  ]

  /// The whole command line of `review`, from which its parsing and every help text are derived.
  public static let commandLine = CommandGroup(
    "review",
    abstract: "The StockFlow review harness: the findings report, the catalog, the paired code, and live requests.",
    commands: subcommands.map(\.command), defaultCommand: "report")

  /// Runs `arguments` (without the program name) and returns what to print and the exit status.
  public static func run(_ arguments: [String], environment: CommandEnvironment) -> CommandResult {
    switch commandLine.resolve(arguments) {
    case .help(let text):
      return CommandResult(output: text)
    case .failure(let text):
      return CommandResult(exitCode: 2, errors: text)
    case .run(let command, let parsed):
      let subcommand = subcommands.first { $0.command.name == command.name }!
      do {
        return try subcommand.run(parsed, environment)
      } catch let error as UsageError {
        return CommandResult(exitCode: 2, errors: command.failure(error.message))
      } catch {
        return CommandResult(exitCode: 1, errors: "error: \(error)\n")
      }
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

/// Options more than one command declares, so that they read the same everywhere.
enum SharedOptions {
  static let to = Option.repeatable(
    "--to", "NAME", help: "an implementation to run: " + Registry.all.map(\.name).joined(separator: ", "),
    whenAbsent: "every registered one")
  static let fixture = Option.value(
    "--fixture", "FILE", help: "a fixture file in the shape `review fixture` prints", whenAbsent: "the demo fixture")
  static let documentFormat = Option.value(
    "--format", "FORMAT", help: "how to print it", allowed: ["markdown", "json"], default: "markdown")
}
