import CommandLineTable
import Findings
import Foundation
import Report

/// `review report`: the findings report, markdown or JSON, to standard output or a file.
enum ReportCommand {
  static let command = Command(
    "report", abstract: "the findings report from a fresh run",
    discussion: "Runs every probe against every registered implementation and prints the findings report.",
    options: [
      SharedOptions.documentFormat,
      .value("--output", "PATH", help: "write the report to PATH instead of standard output"),
    ])

  @Sendable static func run(_ parsed: ParsedArguments, _ environment: CommandEnvironment) throws -> CommandResult {
    let run = try ReviewCommand.review(Catalog.all, environment)
    let root = try PackageRoot.locate(from: environment.currentDirectory)
    let text =
      parsed.value("--format") == "json"
      ? JSONReport.render(run) : MarkdownReport.render(run, appendix: Evidence.appendix(root))
    guard let output = parsed.value("--output") else { return CommandResult(output: text) }
    let url = URL(fileURLWithPath: output, relativeTo: URL(fileURLWithPath: environment.currentDirectory))
    try text.write(to: url, atomically: true, encoding: .utf8)
    return CommandResult(errors: "review: wrote \(output)\n")
  }
}
