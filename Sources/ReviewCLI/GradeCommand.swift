import CommandLineTable
import Findings
import Report
import Submissions

/// `review grade <submission>`: a submission's verdict per finding, its weighted score and a summary.
enum GradeCommand {
  static let command = Command(
    "grade", abstract: "score a submission finding by finding",
    discussion: """
      Runs every probe against the original and the submission and prints the submission's scorecard: for each
      finding resolved, still present, regressed (a defect the original did not have) or unaffected, and a score
      weighted by severity.
      """,
    options: [SharedOptions.documentFormat],
    arguments: [
      .required(
        "<submission>", help: "a registered implementation: " + Registry.all.map(\.name).joined(separator: ", "))
    ])

  @Sendable static func run(_ parsed: ParsedArguments, _ environment: CommandEnvironment) throws -> CommandResult {
    let submission = try TryCommand.selected([parsed.argument("<submission>")!])[0]
    let run = try ReviewRun.perform(
      implementations: [Registry.original, submission], root: PackageRoot.locate(from: environment.currentDirectory))
    let card = Scorecard(run, submission: submission, original: Registry.original)
    return CommandResult(
      output: parsed.value("--format") == "json" ? card.json.encoded(pretty: true) + "\n" : card.markdown)
  }
}
