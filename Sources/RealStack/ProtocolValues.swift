import Foundation
import RequestLayer
import Store

/// A protocol value, statement or row that does not read as the protocol's tables say.
public struct ProtocolDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
  public let description: String

  public init(_ description: String) {
    self.description = description
  }
}

extension Value {
  /// Reads a typed value as the adapter sends it (python/PROTOCOL.md, "Values").
  ///
  /// `{"numeric": "5.00"}` becomes the exact `Decimal` 5, which prints `5`: the in-memory store keeps a
  /// `numeric(10,2)` of 5 the same way (Foundation's `Decimal` does not keep trailing zeros), so a value read back
  /// from PostgreSQL prints as the store's does. `NaN` is `Decimal.nan`; PostgreSQL's numeric `Infinity`, which
  /// `Decimal` cannot hold, becomes the double infinity (it prints `Infinity` either way). `{"float": "nan"}`,
  /// `"inf"`, `"-inf"` are the double's non-finite values, any other text is Python's `repr` of the double.
  /// `{"timestamp": "2026-01-15T12:00:00Z"}` is seconds since 1970.
  public init(protocolValue json: JSONValue) throws(ProtocolDecodingError) {
    switch json {
    case .null: self = .null
    case .bool(let flag): self = .bool(flag)
    case .string(let text): self = .text(text)
    case .number(let number):
      guard let int = number.int else { throw ProtocolDecodingError("\(number) is not an integer column value") }
      self = .int(int)
    case .object(let object) where object.count == 1:
      guard case .string(let text) = object.members[0].value else {
        throw ProtocolDecodingError("a typed value holds its text in a string: \(json.encoded())")
      }
      switch object.members[0].key {
      case "numeric": self = try Self.numeric(text)
      case "float": self = try Self.float(text)
      case "timestamp":
        guard let seconds = Self.seconds(iso8601: text) else { throw ProtocolDecodingError("bad timestamp \(text)") }
        self = .timestamp(seconds)
      default: throw ProtocolDecodingError("unknown typed value \(json.encoded())")
      }
    default:
      throw ProtocolDecodingError("\(json.encoded()) is not a protocol value")
    }
  }

  /// The value as the adapter accepts it in rows: the typed forms of the table above, plain JSON otherwise.
  public var protocolValue: JSONValue {
    switch self {
    case .null: .null
    case .bool(let flag): .bool(flag)
    case .int(let int): .integer(int)
    case .text(let text): .string(text)
    case .decimal(let decimal): ["numeric": .string(decimal.isNaN ? "NaN" : decimal.description)]
    case .double(let double):
      ["float": .string(double.isNaN ? "nan" : double.isInfinite ? (double < 0 ? "-inf" : "inf") : "\(double)")]
    case .timestamp(let seconds): ["timestamp": .string(Timestamp.iso8601(seconds))]
    case .array(let elements): .array(elements.map(\.protocolValue))
    }
  }

  private static func numeric(_ text: String) throws(ProtocolDecodingError) -> Value {
    switch text {
    case "NaN": return .decimal(.nan)
    case "Infinity": return .double(.infinity)
    case "-Infinity": return .double(-.infinity)
    default:
      guard let exact = JSONNumber(text).exactDecimal else { throw ProtocolDecodingError("bad numeric \(text)") }
      return .decimal(exact.value)
    }
  }

  private static func float(_ text: String) throws(ProtocolDecodingError) -> Value {
    switch text {
    case "nan": return .double(.nan)
    case "inf": return .double(.infinity)
    case "-inf": return .double(-.infinity)
    default:
      guard let double = Double(text) else { throw ProtocolDecodingError("bad float \(text)") }
      return .double(double)
    }
  }

  /// Seconds since 1970 for `YYYY-MM-DDTHH:MM:SS`, optionally with a fraction (dropped) and `Z` or `+00:00`;
  /// `nil` for anything else. The inverse of ``Timestamp/iso8601(_:)``, without a calendar.
  static func seconds(iso8601 text: String) -> Int? {
    var rest = Substring(text)
    for suffix in ["Z", "+00:00"] where rest.hasSuffix(suffix) { rest = rest.dropLast(suffix.count) }
    if let dot = rest.firstIndex(of: ".") { rest = rest[..<dot] }
    let parts = rest.split(whereSeparator: { "-T:".contains($0) }).map { Int($0) }
    guard parts.count == 6, rest.count == 19, case let fields = parts.compactMap({ $0 }), fields.count == 6 else {
      return nil
    }
    let (year, month, day) = (fields[0], fields[1], fields[2])
    guard (1...12).contains(month), (1...31).contains(day), fields[3] < 24, fields[4] < 60, fields[5] < 61 else {
      return nil
    }
    // Days from civil (Howard Hinnant's algorithm), the inverse of the one in `Timestamp`.
    let shiftedYear = month <= 2 ? year - 1 : year
    let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
    let yearOfEra = shiftedYear - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    let days = era * 146_097 + dayOfEra - 719_468
    return days * 86_400 + fields[3] * 3600 + fields[4] * 60 + fields[5]
  }
}

extension Statement {
  /// Reads `{"kind": "INSERT", "table": "products"}` or `{"kind": "COMMIT"}`; any other kind (`SAVEPOINT`, or a
  /// `SELECT` naming no table) is ``Statement/other(kind:)``.
  public init(protocolStatement json: JSONValue) throws(ProtocolDecodingError) {
    guard case .object(let object) = json, case .string(let kind) = object["kind"] else {
      throw ProtocolDecodingError("\(json.encoded()) is not a statement")
    }
    let table: String? = if case .string(let name) = object["table"] { name } else { nil }
    switch (kind, table) {
    case ("SELECT", let table?): self = .select(table: table)
    case ("INSERT", let table?): self = .insert(table: table)
    case ("UPDATE", let table?): self = .update(table: table)
    case ("DELETE", let table?): self = .delete(table: table)
    case ("COMMIT", _): self = .commit
    case ("ROLLBACK", _): self = .rollback
    default: self = .other(kind: kind)
    }
  }

  /// The statement as the protocol writes it; `nil` for `FLUSH` and `ROLLBACK`, which it cannot name.
  public var protocolStatement: JSONValue? {
    switch self {
    case .select(let table): ["kind": "SELECT", "table": .string(table)]
    case .insert(let table): ["kind": "INSERT", "table": .string(table)]
    case .update(let table): ["kind": "UPDATE", "table": .string(table)]
    case .delete(let table): ["kind": "DELETE", "table": .string(table)]
    case .commit: ["kind": "COMMIT"]
    case .other(let kind): ["kind": .string(kind)]
    case .flush, .rollback: nil
    }
  }
}

extension Fault {
  /// The `fault` command planning this failure: `{"op": "fault", "commit": n}`, `{"op": "fault", "ordinal": n}` or
  /// `{"op": "fault", "statement": {...}, "occurrence": n}`, with `"raise"` when the failure is not a lost
  /// connection (python/PROTOCOL.md, `fault`). Throws for a statement the protocol cannot name (`FLUSH`,
  /// `ROLLBACK`) and for a refusal no SQLSTATE stands for.
  public func protocolCommand() throws(ProtocolDecodingError) -> JSONValue {
    var members: [(String, JSONValue)] = [("op", "fault")]
    switch target {
    case .ordinal(let number):
      members.append(("ordinal", .integer(number)))
    case .statement(.commit, let occurrence):
      members.append(("commit", .integer(occurrence)))
    case .statement(let statement, let occurrence):
      guard let named = statement.protocolStatement else {
        throw ProtocolDecodingError("the adapter cannot plan a fault on \(statement)")
      }
      members += [("statement", named), ("occurrence", .integer(occurrence))]
    }
    if let raised = try failure.protocolRaise() { members.append(("raise", raised)) }
    return .object(JSONObject(members))
  }
}

extension Fault.Failure {
  /// The fault command's `raise`: `nil` for a lost connection (the adapter's default), a name for the other
  /// transient failures, `{"sqlstate", "constraint", "table", "column", "message"}` for a refusal, with the
  /// SQLSTATE PostgreSQL gives that error.
  func protocolRaise() throws(ProtocolDecodingError) -> JSONValue? {
    switch self {
    case .connectionLost: return nil
    case .serializationFailure: return "serialization_failure"
    case .deadlockDetected: return "deadlock"
    case .lockNotAvailable: return "lock_timeout"
    case .refusal(let error):
      let (sqlstate, table, constraint, column) = try Self.sqlstate(of: error)
      var members: [(String, JSONValue)] = [("sqlstate", .string(sqlstate))]
      if let constraint { members.append(("constraint", .string(constraint))) }
      members.append(("table", .string(table)))
      if let column { members.append(("column", .string(column))) }
      members.append(("message", .string(error.description)))
      return .object(JSONObject(members))
    }
  }

  /// PostgreSQL's SQLSTATE for a store error, with the table, constraint and column its diagnostics name.
  private static func sqlstate(
    of error: StoreError
  ) throws(ProtocolDecodingError) -> (String, String, String?, String?) {
    switch error {
    case .uniqueViolation(let table, let constraint, _): return ("23505", table, constraint, nil)
    case .foreignKeyViolation(let table, let constraint, let column, _): return ("23503", table, constraint, column)
    case .checkViolation(let table, let constraint, _): return ("23514", table, constraint, nil)
    case .notNullViolation(let table, let column): return ("23502", table, nil, column)
    case .invalidValue(let table, let column, _, let type, _):
      let sqlstate =
        switch type {
        case .decimal, .integer, .real: "22003"
        case .text: "22001"
        default: "22000"
        }
      return (sqlstate, table, nil, column)
    case .datatypeMismatch(let table, let column, _, _): return ("42804", table, nil, column)
    default: throw ProtocolDecodingError("no SQLSTATE stands for the refusal \(error)")
    }
  }
}
