import CommandLineTable
import Findings
import Foundation
import Report
import Submissions

/// `review grade <submission>` or `review grade --python PATH`: a submission's verdict per finding, its weighted
/// score and a summary; for a folder of Python submissions, a leaderboard.
enum GradeCommand {
  static let command = Command(
    "grade", abstract: "score a submission finding by finding, or a folder of Python submissions",
    discussion: """
      Checks the submission's baseline (valid creates stored as sent, a low-stock alert), then runs every probe \
      against the original and the submission and prints its scorecard: for each finding resolved, partly \
      resolved, still present, regressed (a defect the original did not have), unaffected or inconclusive, and a \
      score weighted by severity; a submission that fails the baseline is broken and scores 0. With --python, \
      PATH is a Python submission (a .py file or a package folder exposing create_app(config), create_app() or \
      an app) run contained on \
      the real stack, or a folder of them, graded into a leaderboard.
      """,
    options: [
      .value(
        "--format", "FORMAT", help: "how to print it (csv: the leaderboard's rows)",
        allowed: ["markdown", "json", "csv"], default: "markdown"),
      .value(
        "--python", "PATH", help: "grade the Python submission at PATH, or each one in the folder PATH",
        whenAbsent: "a registered implementation"),
      .value(
        "--timeout", "SECONDS", help: "stop a Python submission that answers nothing for this long", default: "30"),
    ],
    arguments: [
      .optional(
        "<submission>", help: "a registered implementation: " + Registry.all.map(\.name).joined(separator: ", "))
    ])

  @Sendable static func run(_ parsed: ParsedArguments, _ environment: CommandEnvironment) throws -> CommandResult {
    let format = parsed.value("--format") ?? "markdown"
    if let python = parsed.value("--python") {
      guard parsed.argument("<submission>") == nil else {
        throw UsageError("give either <submission> or --python PATH, not both")
      }
      guard let timeout = Double(parsed.value("--timeout") ?? ""), timeout > 0 else {
        throw UsageError("--timeout takes a positive number of seconds")
      }
      let path = URL(fileURLWithPath: python, relativeTo: URL(fileURLWithPath: environment.currentDirectory))
      return try PythonGrading.grade(path.standardizedFileURL, timeout: timeout, format: format, environment)
    }
    guard let name = parsed.argument("<submission>") else {
      throw UsageError("name a registered <submission> or give --python PATH")
    }
    let submission = try TryCommand.selected([name])[0]
    let card = Grader().grade(submission)
    return CommandResult(output: render([.graded(card)], single: true, format: format))
  }

  /// One scorecard (markdown or JSON), or the leaderboard of every entry in `format`.
  static func render(_ entries: [Leaderboard.Entry], single: Bool, format: String) -> String {
    if single, entries.count == 1, case .graded(let card) = entries[0], format != "csv" {
      return format == "json" ? ReportJSON.text(card) : card.markdown
    }
    let board = Leaderboard(entries)
    switch format {
    case "json": return ReportJSON.text(board)
    case "csv": return board.csv
    default: return board.markdown
    }
  }
}
