/// A Python exception raised by a faithful port of Python code; uncaught, it becomes Flask's 500.
///
/// Its description is what Python would print, so evidence reads like the original's traceback.
public enum PythonError: Error, Hashable, Sendable, CustomStringConvertible {
  case keyError(String)
  case typeError(String)
  case attributeError(String)
  case valueError(String)
  /// `decimal.InvalidOperation`, raised by `Decimal(...)` on text that is not a number.
  case invalidOperation(String)
  /// psycopg2's `ProgrammingError` for a value it cannot send.
  case programmingError(String)
  case recursionError(String)

  public var description: String {
    switch self {
    case .keyError(let key): "KeyError: '\(key)'"
    case .typeError(let message): "TypeError: \(message)"
    case .attributeError(let message): "AttributeError: \(message)"
    case .valueError(let message): "ValueError: \(message)"
    case .invalidOperation(let message): "decimal.InvalidOperation: \(message)"
    case .programmingError(let message): "ProgrammingError: \(message)"
    case .recursionError(let message): "RecursionError: \(message)"
    }
  }
}
