import Findings
import Foundation
import Report

/// `review report`: the findings report, markdown or JSON, to standard output or a file.
enum ReportCommand {
  static let usage = """
    usage: review report [--format markdown|json] [--output PATH]

    Runs every probe against every registered implementation and prints the findings report.
      --format   markdown (default) or json
      --output   write the report to PATH instead of standard output

    """

  static func run(_ arguments: [String], _ environment: CommandEnvironment) -> CommandResult {
    ReviewCommand.guarded(usage) {
      let parsed = try ParsedArguments(arguments, valued: ["--format", "--output"])
      if parsed.wantsHelp { return CommandResult(output: usage) }
      guard parsed.positionals.isEmpty else { throw UsageError("unexpected argument \(parsed.positionals[0])") }
      let format = parsed.value("--format") ?? "markdown"
      guard ["markdown", "json"].contains(format) else { throw UsageError("unknown format \(format)") }
      let run = try ReviewCommand.review(Catalog.all, environment)
      let root = try PackageRoot.locate(from: environment.currentDirectory)
      let text =
        format == "json" ? JSONReport.render(run) : MarkdownReport.render(run, appendix: Evidence.appendix(root))
      guard let output = parsed.value("--output") else { return CommandResult(output: text) }
      let url = URL(fileURLWithPath: output, relativeTo: URL(fileURLWithPath: environment.currentDirectory))
      try text.write(to: url, atomically: true, encoding: .utf8)
      return CommandResult(errors: "review: wrote \(output)\n")
    }
  }
}
