import Findings
import Report
import Submissions

/// `review grade <submission>`: a submission's verdict per finding, its weighted score and a summary.
enum GradeCommand {
  static let usage = """
    usage: review grade <submission> [--format markdown|json]

    Runs every probe against the original and the submission and prints the submission's scorecard: for each
    finding resolved, still present, regressed (a defect the original did not have) or unaffected, and a score
    weighted by severity.

    """

  static func run(_ arguments: [String], _ environment: CommandEnvironment) -> CommandResult {
    ReviewCommand.guarded(usage) {
      let parsed = try ParsedArguments(arguments, valued: ["--format"])
      if parsed.wantsHelp { return CommandResult(output: usage) }
      guard parsed.positionals.count == 1 else { throw UsageError("grade takes exactly one submission name") }
      let format = parsed.value("--format") ?? "markdown"
      guard ["markdown", "json"].contains(format) else { throw UsageError("unknown format \(format)") }
      let submission = try TryCommand.selected([parsed.positionals[0]])[0]
      let run = try ReviewRun.perform(
        implementations: [Registry.original, submission], root: PackageRoot.locate(from: environment.currentDirectory))
      let card = Scorecard(run, submission: submission, original: Registry.original)
      return CommandResult(output: format == "json" ? card.json.encoded(pretty: true) + "\n" : card.markdown)
    }
  }
}
