/// A planned failure: the store throws `StoreError.injectedFault` instead of running the chosen statement.
///
/// Faults make atomicity demonstrable on demand: fail the insert into `inventory`, the second `COMMIT`, or simply
/// the seventh statement sent, and look at what survived.
public struct Fault: Hashable, Sendable, CustomStringConvertible {
  public enum Target: Hashable, Sendable {
    /// The `occurrence`-th statement of this kind sent to the store.
    case statement(Statement, occurrence: Int)
    /// The statement with this ordinal among all statements sent to the store.
    case ordinal(Int)
  }

  public let target: Target

  /// Fails the `occurrence`-th statement equal to `statement` (counting from 1).
  public static func failing(_ statement: Statement, occurrence: Int = 1) -> Fault {
    Fault(target: .statement(statement, occurrence: occurrence))
  }

  /// Fails the `number`-th commit sent to the store.
  public static func failingCommit(number: Int) -> Fault {
    failing(.commit, occurrence: number)
  }

  /// Fails whatever statement is sent `number`-th.
  public static func failingStatement(number: Int) -> Fault {
    Fault(target: .ordinal(number))
  }

  public var description: String {
    switch target {
    case .statement(let statement, let occurrence): "fail \(statement) #\(occurrence)"
    case .ordinal(let number): "fail statement #\(number)"
    }
  }
}
