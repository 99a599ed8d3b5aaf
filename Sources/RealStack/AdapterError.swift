/// The adapter answered `ok: false`: it could not do what was asked (the app's own answers, however bad, are never
/// this).
///
/// `kind` says whose fault it is: the command (`protocol`), the app's code (`app-load`), the database refusing
/// the adapter's own work (`database`) or a bug in the adapter (`internal`). The adapter keeps serving afterwards.
public struct AdapterError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The protocol's error kinds; an unknown one is kept as written.
  public enum Kind: Hashable, Sendable, CustomStringConvertible {
    case `protocol`
    case appLoad
    case database
    case `internal`
    case other(String)

    /// The kind as the protocol writes it.
    public init(_ text: String) {
      switch text {
      case "protocol": self = .protocol
      case "app-load": self = .appLoad
      case "database": self = .database
      case "internal": self = .internal
      default: self = .other(text)
      }
    }

    public var description: String {
      switch self {
      case .protocol: "protocol"
      case .appLoad: "app-load"
      case .database: "database"
      case .internal: "internal"
      case .other(let text): text
      }
    }
  }

  /// The `op` of the command that failed.
  public let operation: String
  public let kind: Kind
  public let message: String
  /// Python's traceback, when the adapter sent one.
  public let traceback: String?

  public init(operation: String, kind: Kind, message: String, traceback: String?) {
    self.operation = operation
    self.kind = kind
    self.message = message
    self.traceback = traceback
  }

  public var description: String {
    "adapter refused `\(operation)` (\(kind)): \(message)" + (traceback.map { "\n\($0)" } ?? "")
  }
}

/// The adapter process itself failed: it could not start, did not answer in time, exited, or answered something
/// that is not the protocol.
///
/// Every case carries the tail of the process's standard error, which is where Python prints why.
public enum AdapterProcessError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The executable could not be started.
  case launchFailed(executable: String, reason: String)
  /// No answer to `operation` within `seconds`; the process was killed.
  case timedOut(operation: String, seconds: Double, standardError: String)
  /// The process is gone: `status` is its exit status (128 + n for signal n), when known.
  case exited(operation: String, status: Int32?, standardError: String)
  /// The answer line is not a protocol answer to this command.
  case malformedAnswer(operation: String, reason: String, line: String, standardError: String)

  public var description: String {
    switch self {
    case .launchFailed(let executable, let reason):
      return "cannot start the adapter (\(executable)): \(reason)"
    case .timedOut(let operation, let seconds, let standardError):
      return "the adapter did not answer `\(operation)` within \(seconds) s and was killed"
        + Self.section(standardError)
    case .exited(let operation, let status, let standardError):
      let how = status.map { $0 > 128 ? "was killed by signal \($0 - 128)" : "exited with status \($0)" } ?? "exited"
      return "the adapter \(how) before answering `\(operation)`" + Self.section(standardError)
    case .malformedAnswer(let operation, let reason, let line, let standardError):
      return "the adapter's answer to `\(operation)` is not the protocol (\(reason)): \(line.prefix(500))"
        + Self.section(standardError)
    }
  }

  private static func section(_ standardError: String) -> String {
    standardError.isEmpty ? "" : "\n--- adapter stderr ---\n\(standardError)"
  }
}
