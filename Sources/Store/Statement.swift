/// One statement a session sends to the store: the unit of fault injection and interleaving.
public enum Statement: Hashable, Sendable, CustomStringConvertible {
  case select(table: String)
  case insert(table: String)
  case update(table: String)
  case delete(table: String)
  case flush
  case commit
  case rollback
  /// A statement this store never sends but a real app may, by its first word: a savepoint (`SAVEPOINT`,
  /// `RELEASE`), a lock, a `SELECT` that reads no table. Recorded so that a request sending one is still
  /// understood.
  case other(kind: String)

  public var description: String {
    switch self {
    case .select(let table): "SELECT \(table)"
    case .insert(let table): "INSERT \(table)"
    case .update(let table): "UPDATE \(table)"
    case .delete(let table): "DELETE \(table)"
    case .flush: "FLUSH"
    case .commit: "COMMIT"
    case .rollback: "ROLLBACK"
    case .other(let kind): kind
    }
  }
}

/// A statement about to run, as the interleaving hook and the statement log see it.
public struct StatementEvent: Hashable, Sendable, CustomStringConvertible {
  /// The session that sends it; sessions are numbered from 1 in the order they are opened.
  public let session: Int
  /// Its position among all statements sent to this store, from 1.
  public let ordinal: Int
  public let statement: Statement

  public var description: String { "#\(ordinal) session \(session): \(statement)" }
}
