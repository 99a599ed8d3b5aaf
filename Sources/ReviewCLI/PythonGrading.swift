import Findings
import Foundation
import RealStack
import Report

/// Grades Python submissions on the real stack, one contained adapter process each, one after another: a
/// submission that will not load, crashes or hangs gets a row saying so, and the others go on.
enum PythonGrading {
  /// The scorecard of the one submission `path` names, or the leaderboard of the folder's submissions.
  static func grade(
    _ path: URL, timeout: Double, format: String, _ environment: CommandEnvironment
  ) throws -> CommandResult {
    let submissions = try PythonSubmissions.discover(path)
    let root = try PackageRoot.locate(from: environment.currentDirectory)
    let stack = try RealStack.start(packageRoot: root)
    defer { stack.stop() }
    try DatabaseIsolation.enable(on: stack.cluster)
    let grader = Grader()
    var keep: [SubmissionSandbox] = []
    let board = Leaderboard.grade(
      submissions.map { submission in
        (
          name: submission.name,
          start: {
            let (started, sandbox) = try deploy(submission, on: stack, timeout: timeout)
            keep.append(sandbox)
            return started
          }
        )
      }, with: grader)
    keep.removeAll()
    let single = submissions.count == 1 && submissions[0].handedIn.standardizedFileURL == path.standardizedFileURL
    return CommandResult(output: GradeCommand.render(board.entries, single: single, format: format))
  }

  /// Starts `submission` contained on `stack`: its own sandboxed adapter and its own database.
  static func deploy(
    _ submission: PythonSubmission, on stack: RealStack, timeout: Double
  ) throws -> (Leaderboard.Started, SubmissionSandbox) {
    let mapping = try PythonSubmissions.mapping(of: submission)
    let logPosition = DatabaseIsolation.logPosition(on: stack.cluster)
    let refused = { DatabaseIsolation.refusals(on: stack.cluster, since: logPosition) }
    let sandbox = try SubmissionSandbox(
      submission: submission.path, environment: stack.environment, socketDirectory: stack.cluster.socketDirectory,
      timeout: timeout)
    let databaseURL = try DatabaseIsolation.database(for: submission.name, on: stack.cluster)
    let deployment: PythonDeployment
    do {
      deployment = try PythonDeployment(
        name: submission.name, app: RealApp(adapter: sandbox.adapter), path: sandbox.appPath,
        databaseURL: databaseURL, mapping: mapping, moduleName: sandbox.moduleName)
    } catch {
      let seen = sandbox.incidents() + refused()
      throw SubmissionContractError(
        description: "\(error)" + (seen.isEmpty ? "" : " (sandbox: " + seen.joined(separator: "; ") + ")"))
    }
    let started: Leaderboard.Started = (
      deployment,
      {
        var incidents = sandbox.incidents() + refused()
        if !sandbox.isRunning {
          incidents.append(
            "stopped: its adapter ended before grading did (no answer within \(Int(timeout)) s, a limit, or a crash)")
        }
        deployment.close()
        return incidents
      }
    )
    return (started, sandbox)
  }
}
