import Findings
import Foundation
import Report

/// Grades Python submissions on the real stack, one contained adapter process each, one after another: a
/// submission that will not load, crashes or hangs gets a row saying so, and the others go on.
enum PythonGrading {
  /// The scorecard of the one submission `path` names, or the leaderboard of the folder's submissions.
  static func grade(
    _ path: URL, timeout: Double, format: String, _ environment: CommandEnvironment
  ) throws -> CommandResult {
    let submissions = try PythonSubmissions.discover(path)
    let grader = Grader()
    let board = Leaderboard.grade(
      submissions.map { submission in
        (
          name: submission.name,
          start: { try deploy(submission, mapping: PythonSubmissions.mapping(of: submission), timeout: timeout) }
        )
      }, with: grader)
    let single = submissions.count == 1 && submissions[0].path.standardizedFileURL == path.standardizedFileURL
    return CommandResult(output: GradeCommand.render(board.entries, single: single, format: format))
  }

  /// Starts `submission` contained on the real stack, with the incidents its sandbox reported.
  static func deploy(
    _ submission: PythonSubmission, mapping: Any?, timeout: Double
  ) throws -> Leaderboard.Started {
    throw SubmissionContractError(
      description: "the real stack's PythonDeployment is not on this branch yet; \(submission.name) was not run")
  }
}
