import CommandLineTable
import Findings
import Foundation
import Report

/// `review fixture`: the rows every store starts with, as JSON that `--fixture` reads back.
enum FixtureCommand {
  static let command = Command(
    "fixture", abstract: "print the rows every store starts with",
    discussion: "Prints the demo fixture (companies, users, warehouses), or FILE's after checking it loads.",
    options: [SharedOptions.fixture])

  @Sendable static func run(_ parsed: ParsedArguments, _ environment: CommandEnvironment) throws -> CommandResult {
    let fixture = try load(parsed.value("--fixture"), environment)
    return CommandResult(output: ReportJSON.text(fixture))
  }

  /// The fixture in `path`, or the demo fixture; a file that does not load is a usage error naming it.
  static func load(_ path: String?, _ environment: CommandEnvironment) throws -> Fixture {
    guard let path else { return .demo }
    let text = try InputFile.read(path, environment)
    do {
      return try JSONDecoder().decode(Fixture.self, from: Data(text.utf8))
    } catch {
      throw UsageError("\(path) is not a fixture: \(error)")
    }
  }
}

/// Reads a command's input: a file, or `-` for standard input.
enum InputFile {
  /// A request body argument: the text itself, `@file` for a file's text, or `-` for standard input.
  static func body(_ argument: String, _ environment: CommandEnvironment) throws -> String {
    if argument == "-" { return environment.readStandardInput() }
    if argument.hasPrefix("@") { return try read(String(argument.dropFirst()), environment) }
    return argument
  }

  /// The text of the file at `path`, or standard input for `-`.
  static func read(_ path: String, _ environment: CommandEnvironment) throws -> String {
    if path == "-" { return environment.readStandardInput() }
    let url = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: environment.currentDirectory))
    do {
      return try String(contentsOf: url, encoding: .utf8)
    } catch {
      throw UsageError("cannot read \(path): \(error.localizedDescription)")
    }
  }
}
