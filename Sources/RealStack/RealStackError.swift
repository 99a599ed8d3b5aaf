/// Why the real stack could not be set up: a tool or file it needs is missing, or a setup command failed.
///
/// These are problems with the machine, not with the app under review, so the message says what is missing and
/// how to get it; the command line prints it and exits with ``exitStatus`` (2, like a usage mistake).
public enum RealStackError: Error, Hashable, Sendable, CustomStringConvertible {
  /// A program is not installed: `what` names it (e.g. `initdb`), `remedy` says how to install it.
  case missingTool(String, remedy: String)
  /// A system user the stack needs does not exist, e.g. `postgres` when running as root.
  case missingUser(String, remedy: String)
  /// A file the stack needs does not exist, e.g. `python/requirements.txt`.
  case missingFile(String, remedy: String)
  /// A setup command ran and failed: the command line, its exit status and the tail of its output.
  case commandFailed(command: String, status: Int32, output: String)
  /// A database name or URL the stack cannot use.
  case invalidDatabase(String)

  /// The exit status the command line should end with: 2 for every setup problem.
  public var exitStatus: Int32 { 2 }

  public var description: String {
    switch self {
    case .missingTool(let what, let remedy):
      "\(what) was not found on PATH; \(remedy)"
    case .missingUser(let name, let remedy):
      "there is no \(name) user; \(remedy)"
    case .missingFile(let path, let remedy):
      "\(path) does not exist; \(remedy)"
    case .commandFailed(let command, let status, let output):
      "`\(command)` failed with exit status \(status)" + (output.isEmpty ? "" : ":\n\(output)")
    case .invalidDatabase(let reason):
      reason
    }
  }
}
