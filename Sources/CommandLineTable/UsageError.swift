/// A mistake in how a command was called: printed as `error: <message>`, the usage line and where to find the
/// help, with exit status 2.
public struct UsageError: Error, Hashable, Sendable {
  public let message: String

  public init(_ message: String) { self.message = message }
}
