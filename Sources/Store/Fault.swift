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

  /// What the database raises instead of running a statement.
  public enum Failure: Hashable, Sendable {
    /// The connection dropped (`OperationalError`, SQLSTATE 08006): a retry may succeed.
    case connectionLost
    /// `SerializationFailure` (40001): the transaction lost a race; a retry may succeed.
    case serializationFailure
    /// `DeadlockDetected` (40P01): a retry may succeed.
    case deadlockDetected
    /// `LockNotAvailable` (55P03), a lock timeout: a retry may succeed.
    case lockNotAvailable
    /// The database refuses the statement with this error (an integrity or data error): a retry would fail again.
    case refusal(StoreError)
  }

  public let target: Target
  /// What fires; a lost connection unless told otherwise.
  public var failure: Failure = .connectionLost

  /// This fault raising `failure` instead of a lost connection.
  public func raising(_ failure: Failure) -> Fault {
    var fault = self
    fault.failure = failure
    return fault
  }

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
    let what =
      switch target {
      case .statement(let statement, let occurrence): "fail \(statement) #\(occurrence)"
      case .ordinal(let number): "fail statement #\(number)"
      }
    switch failure {
    case .connectionLost: return what
    case .serializationFailure: return what + " with a serialization failure"
    case .deadlockDetected: return what + " with a deadlock"
    case .lockNotAvailable: return what + " with a lock timeout"
    case .refusal(let error): return what + " with \(error)"
    }
  }
}
