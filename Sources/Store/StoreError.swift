/// Why the store refused a statement; the cases follow the database errors a driver raises.
public enum StoreError: Error, Hashable, Sendable, CustomStringConvertible {
  /// `IntegrityError`: another row already holds this key.
  case uniqueViolation(table: String, constraint: String, key: [Value])
  /// `IntegrityError`: the referenced row does not exist.
  case foreignKeyViolation(table: String, constraint: String, column: String, value: Value)
  /// `IntegrityError`: a check constraint rejected the row.
  case checkViolation(table: String, constraint: String, rule: String)
  /// `IntegrityError`: a `NOT NULL` column got `NULL`.
  case notNullViolation(table: String, column: String)
  /// `DataError`: the value cannot be stored in the column's type.
  case invalidValue(table: String, column: String, value: Value, type: ColumnType, reason: String)
  /// `ProgrammingError` (`DatatypeMismatch`): no assignment cast leads from the value's type to the column's.
  case datatypeMismatch(table: String, column: String, value: Value, type: ColumnType)
  /// The driver refused to send the value at all (psycopg2's `ValueError` for a NUL character in a string).
  case unsendable(String)
  /// A statement named a table or column that the schema does not declare.
  case undeclared(String)
  /// `OperationalError` injected by a test or probe: the connection was lost.
  case injectedFault(StatementEvent)
  /// psycopg2's `SerializationFailure` (40001) injected by a test or probe; SQLAlchemy raises it wrapped in an
  /// `OperationalError`, as for the two below, so that is the class a view (or Flask) sees.
  case serializationFailure(StatementEvent)
  /// psycopg2's `DeadlockDetected` (40P01) injected by a test or probe.
  case deadlockDetected(StatementEvent)
  /// psycopg2's `LockNotAvailable` (55P03, a lock timeout) injected by a test or probe.
  case lockNotAvailable(StatementEvent)
  /// The transaction failed earlier and must be rolled back before the session can be used again.
  case pendingRollback(cause: String)

  /// Whether the database would report this as an integrity error (a constraint, not an outage).
  public var isIntegrityError: Bool {
    switch self {
    case .uniqueViolation, .foreignKeyViolation, .checkViolation, .notNullViolation: true
    default: false
    }
  }

  /// Whether a retry of the same work may succeed: the connection was lost, or the transaction lost a race
  /// (serialization failure, deadlock, lock timeout). Integrity and data errors would fail again.
  public var isTransient: Bool {
    switch self {
    case .injectedFault, .serializationFailure, .deadlockDetected, .lockNotAvailable: true
    default: false
    }
  }

  public var description: String {
    switch self {
    case .uniqueViolation(let table, let constraint, let key):
      "IntegrityError: duplicate key value violates unique constraint \"\(constraint)\" on \(table) "
        + "(key \(key.map(\.description).joined(separator: ", ")))"
    case .foreignKeyViolation(let table, let constraint, let column, let value):
      "IntegrityError: insert or update on table \"\(table)\" violates foreign key constraint \"\(constraint)\" "
        + "(\(column)=\(value) is not present)"
    case .checkViolation(let table, let constraint, let rule):
      "IntegrityError: new row for relation \"\(table)\" violates check constraint \"\(constraint)\" (\(rule))"
    case .notNullViolation(let table, let column):
      "IntegrityError: null value in column \"\(column)\" of relation \"\(table)\" violates not-null constraint"
    case .invalidValue(let table, let column, let value, let type, let reason):
      "DataError: \(table).\(column) is \(type), cannot store \(value.typeName) \(value): \(reason)"
    case .datatypeMismatch(_, let column, let value, let type):
      "ProgrammingError: column \"\(column)\" is of type \(type) but expression is of type \(value.typeName)"
    case .unsendable(let message):
      "ValueError: \(message)"
    case .undeclared(let what):
      "ProgrammingError: \(what)"
    case .injectedFault(let event):
      "OperationalError: injected fault at \(event)"
    case .serializationFailure(let event):
      "OperationalError: (psycopg2.errors.SerializationFailure) could not serialize access due to concurrent update "
        + "(injected at \(event))"
    case .deadlockDetected(let event):
      "OperationalError: (psycopg2.errors.DeadlockDetected) deadlock detected (injected at \(event))"
    case .lockNotAvailable(let event):
      "OperationalError: (psycopg2.errors.LockNotAvailable) canceling statement due to lock timeout "
        + "(injected at \(event))"
    case .pendingRollback(let cause):
      "PendingRollbackError: this transaction was rolled back after an earlier error (\(cause))"
    }
  }
}
