/// One line an application wrote to its log while serving a request: a level and a message.
///
/// Each exchange carries the records its request emitted, so a probe can check that a failure left a trace an
/// operator can find (and tie to the request by its id). The Swift ports attach them to their response; the
/// Python apps' `app.logger` records, captured per request, fit the same shape.
public struct LogRecord: Hashable, Sendable, CustomStringConvertible {
  /// Python's `logging` levels, least severe first.
  public enum Level: String, Hashable, Sendable, Comparable, CaseIterable {
    case debug = "DEBUG"
    case info = "INFO"
    case warning = "WARNING"
    case error = "ERROR"
    case critical = "CRITICAL"

    public static func < (lhs: Level, rhs: Level) -> Bool {
      allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
  }

  public let level: Level
  public let message: String

  public init(_ level: Level, _ message: String) {
    self.level = level
    self.message = message
  }

  public var description: String { "\(level.rawValue) \(message)" }
}
