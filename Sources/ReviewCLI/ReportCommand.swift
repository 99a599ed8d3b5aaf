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
      .value(
        "--pages", "FOLDER",
        help: "also write one markdown page per finding, <id>.md, into FOLDER (\(FindingPage.folder))"),
    ])

  @Sendable static func run(_ parsed: ParsedArguments, _ environment: CommandEnvironment) throws -> CommandResult {
    let run = try ReviewCommand.review(Catalog.all, environment)
    let text = parsed.value("--format") == "json" ? JSONReport.render(run) : MarkdownReport.render(run)
    let here = URL(fileURLWithPath: environment.currentDirectory)
    var written: [String] = []
    if let folder = parsed.value("--pages") {
      let base = URL(fileURLWithPath: folder, relativeTo: here)
      try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
      for finding in run.findings {
        try FindingPage.render(finding, run).write(
          to: base.appendingPathComponent("\(finding.id).md"), atomically: true, encoding: .utf8)
      }
      written.append("\(run.findings.count) pages into \(folder)")
    }
    guard let output = parsed.value("--output") else {
      return CommandResult(output: text, errors: written.map { "review: wrote \($0)\n" }.joined())
    }
    try text.write(to: URL(fileURLWithPath: output, relativeTo: here), atomically: true, encoding: .utf8)
    written.append(output)
    return CommandResult(errors: written.map { "review: wrote \($0)\n" }.joined())
  }
}
