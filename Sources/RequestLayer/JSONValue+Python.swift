import Foundation
import Store

/// Python's operations on a parsed JSON value, with Python's exceptions, so ports of Python code fail where it fails.
extension JSONValue {
  /// `data[key]`: the member, or `KeyError` when absent, or `TypeError` when `data` is not a dict.
  public func item(_ key: String) throws -> JSONValue {
    guard case .object(let object) = self else {
      switch self {
      case .array: throw PythonError.typeError("list indices must be integers or slices, not str")
      case .string: throw PythonError.typeError("string indices must be integers, not 'str'")
      default: throw PythonError.typeError("'\(pythonTypeName)' object is not subscriptable")
      }
    }
    guard let value = object[key] else { throw PythonError.keyError(key) }
    return value
  }

  /// `key in data`: membership in a dict's keys, a list's items or a string's text; `TypeError` otherwise.
  public func contains(_ key: String) throws -> Bool {
    switch self {
    case .object(let object): return object[key] != nil
    case .array(let items): return items.contains(.string(key))
    case .string(let text): return text.contains(key)
    default: throw PythonError.typeError("argument of type '\(pythonTypeName)' is not iterable")
    }
  }

  /// `data.get(key, default)`: the member or the default; `AttributeError` when `data` is not a dict.
  public func get(_ key: String, default fallback: JSONValue) throws -> JSONValue {
    guard case .object(let object) = self else {
      throw PythonError.attributeError("'\(pythonTypeName)' object has no attribute 'get'")
    }
    return object[key] ?? fallback
  }
}

extension Value {
  /// `json` as psycopg2 sends it to PostgreSQL: int, float, str, bool or None, unchanged.
  ///
  /// A JSON number with a fraction or an exponent is a Python `float`, a binary double. A dict cannot be sent
  /// at all; a list is sent as an array, which no scalar column accepts.
  public init(adapting json: JSONValue) throws {
    switch json {
    case .null: self = .null
    case .bool(let flag): self = .bool(flag)
    case .string(let text): self = .text(text)
    case .number(let number) where number.isIntegerLiteral:
      if let int = number.int {
        self = .int(int)
        return
      }
      self = .decimal(Decimal(string: number.text) ?? .nan)
    case .number(let number): self = .double(number.double)
    case .array(let elements):
      self = .array(try elements.map(Value.init(adapting:)))
    case .object: throw PythonError.programmingError("can't adapt type 'dict'")
    }
  }
}
