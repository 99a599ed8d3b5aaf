import Foundation

extension ColumnType {
  /// The value as the column stores it, or the database's reason for refusing it.
  ///
  /// Follows PostgreSQL's assignment casts for what a Python driver sends: an integer column rounds a float,
  /// a `numeric(p, s)` column rounds to `s` digits and refuses more than `p - s` integer digits, a string column
  /// takes any value as its text, and a boolean is never a number.
  func coerce(_ value: Value) -> Result<Value, Rejection> {
    if value == .null { return .success(.null) }
    switch (self, value) {
    case (.integer, .int(let int)):
      return Int32(exactly: int) == nil ? .failure(Rejection("integer out of range")) : .success(value)
    case (.integer, .double(let double)):
      // psycopg2 sends a float as a numeric literal, and numeric to integer rounds half away from zero.
      guard double.isFinite, let int = Int32(exactly: double.rounded(.toNearestOrAwayFromZero)) else {
        return .failure(Rejection("integer out of range"))
      }
      return .success(.int(Int(int)))
    case (.integer, .decimal(let decimal)):
      return coerce(.double(NSDecimalNumber(decimal: decimal).doubleValue))
    case (.integer, .text(let text)):
      guard let int = Int(text.trimmingCharacters(in: .whitespaces)) else {
        return .failure(Rejection("invalid input syntax for type integer"))
      }
      return coerce(.int(int))
    case (.real, .int(let int)):
      return .success(.double(Double(int)))
    case (.real, .double):
      return .success(value)
    case (.real, .decimal(let decimal)):
      return .success(.double(NSDecimalNumber(decimal: decimal).doubleValue))
    case (.real, .text(let text)):
      guard let double = Double(text.trimmingCharacters(in: .whitespaces)) else {
        return .failure(Rejection("invalid input syntax for type double precision"))
      }
      return .success(.double(double))
    case (.decimal(let precision, let scale), .int(let int)):
      return Self.fitDecimal(Decimal(int), precision: precision, scale: scale)
    case (.decimal(let precision, let scale), .double(let double)):
      if double.isNaN { return .success(.decimal(.nan)) }
      guard double.isFinite, let decimal = Decimal(string: "\(double)") else {
        return .failure(Rejection("numeric field overflow"))
      }
      return Self.fitDecimal(decimal, precision: precision, scale: scale)
    case (.decimal(let precision, let scale), .decimal(let decimal)):
      if decimal.isNaN { return .success(value) }
      return Self.fitDecimal(decimal, precision: precision, scale: scale)
    case (.decimal(let precision, let scale), .text(let text)):
      guard let decimal = Decimal(string: text.trimmingCharacters(in: .whitespaces), locale: nil) else {
        return .failure(Rejection("invalid input syntax for type numeric"))
      }
      return Self.fitDecimal(decimal, precision: precision, scale: scale)
    case (.text(let maxLength), .text(let text)):
      if text.unicodeScalars.contains("\u{0}") {
        return .failure(Rejection("invalid byte sequence for encoding \"UTF8\": 0x00"))
      }
      if let maxLength, text.unicodeScalars.count > maxLength {  // PostgreSQL counts code points
        return .failure(Rejection("value too long for type character varying(\(maxLength))"))
      }
      return .success(value)
    case (.text, .int), (.text, .double), (.text, .decimal), (.text, .bool), (.text, .array):
      // PostgreSQL assigns any value to a string column through its text output (an I/O conversion cast).
      return coerce(.text(value.textOutput))
    case (.bool, .bool), (.timestamp, .timestamp):
      return .success(value)
    case (.timestamp, .int(let seconds)):
      return .success(.timestamp(seconds))
    default:
      return .failure(
        Rejection("column is of type \(self) but expression is of type \(value.typeName)", mismatch: true))
    }
  }

  private static func fitDecimal(_ decimal: Decimal, precision: Int, scale: Int) -> Result<Value, Rejection> {
    var input = decimal
    var rounded = Decimal()
    NSDecimalRound(&rounded, &input, scale, .plain)
    let limit = pow(Decimal(10), precision - scale)
    guard abs(rounded) < limit else { return .failure(Rejection("numeric field overflow")) }
    return .success(.decimal(rounded))
  }
}

/// The database's reason for refusing a value.
struct Rejection: Error {
  let reason: String
  /// Whether the value's type has no assignment cast to the column's (`DatatypeMismatch`, a `ProgrammingError`),
  /// rather than a value of a castable type that does not fit (`DataError`).
  let mismatch: Bool

  init(_ reason: String, mismatch: Bool = false) {
    self.reason = reason
    self.mismatch = mismatch
  }
}

extension Value {
  /// The value as PostgreSQL prints it: `42`, `19.99`, `true`.
  var textOutput: String {
    switch self {
    case .int(let int): String(int)
    case .double(let double):
      double.isNaN ? "NaN" : double.isInfinite ? (double < 0 ? "-Infinity" : "Infinity") : "\(double)"
    case .decimal(let decimal): decimal.isNaN ? "NaN" : decimal.description
    case .bool(let flag): flag ? "true" : "false"
    case .text(let text): text
    case .timestamp(let seconds): Timestamp.iso8601(seconds)
    case .null: ""
    case .array(let elements): "{" + elements.map(\.arrayElementOutput).joined(separator: ",") + "}"
    }
  }

  /// An element as PostgreSQL's array output writes it: quoted when empty, `NULL`-like, or holding a delimiter,
  /// a quote, a backslash or white space.
  private var arrayElementOutput: String {
    if self == .null { return "NULL" }
    let text = textOutput
    let special =
      text.isEmpty || text.uppercased() == "NULL"
      || text.contains { "{},\"\\".contains($0) || $0.isWhitespace }
    guard special else { return text }
    return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }

  /// Whether PostgreSQL compares this value with a column of `type` without an explicit cast: a string column only
  /// with text; a quoted literal (text) with any column, which reads it as its own type.
  func isComparable(with type: ColumnType) -> Bool {
    switch (type, self) {
    case (_, .null), (_, .text): true
    case (.text, _): false
    default: (try? type.coerce(self).get()) != nil
    }
  }
}
