import Foundation

/// A single cell of a row, typed the way the database stores it.
///
/// The cases mirror what a PostgreSQL driver hands over: a binary float (`double`) and an exact decimal (`decimal`)
/// are different things, which is the heart of the float-price finding.
public enum Value: Hashable, Sendable {
  case null
  case bool(Bool)
  case int(Int)
  case double(Double)
  case decimal(Decimal)
  case text(String)
  /// Seconds since 1970-01-01T00:00:00Z.
  case timestamp(Int)
  /// A list, as psycopg2 sends a Python list: an SQL `ARRAY`, which only a string column takes (as its text).
  case array([Value])

  /// The integer held, when the value is an integer.
  public var int: Int? {
    if case .int(let value) = self { return value }
    return nil
  }

  /// The text held, when the value is text.
  public var text: String? {
    if case .text(let value) = self { return value }
    return nil
  }

  /// The exact decimal held, when the value is an exact decimal or an integer.
  public var decimal: Decimal? {
    switch self {
    case .decimal(let value): return value
    case .int(let value): return Decimal(value)
    default: return nil
    }
  }

  /// Whether this is SQL `NULL`.
  public var isNull: Bool { self == .null }

  /// Throws what psycopg2 raises for a value it cannot send: a string holding a NUL character.
  func checkSendable() throws(StoreError) {
    switch self {
    case .text(let text) where text.unicodeScalars.contains("\u{0}"):
      throw .unsendable("A string literal cannot contain NUL (0x00) characters.")
    case .array(let elements): for element in elements { try element.checkSendable() }
    default: break
    }
  }

  /// The name of the type held, as error messages name it.
  public var typeName: String {
    switch self {
    case .null: "null"
    case .bool: "boolean"
    case .int: "integer"
    case .double: "double precision"
    case .decimal: "numeric"
    case .text: "text"
    case .timestamp: "timestamp"
    case .array(let elements): (elements.first { $0 != .null }?.typeName ?? "text") + "[]"
    }
  }
}

extension Value: CustomStringConvertible {
  /// A deterministic rendering for evidence: a binary float also shows its exact stored value.
  public var description: String {
    switch self {
    case .null: return "null"
    case .bool(let value): return value ? "true" : "false"
    case .int(let value): return String(value)
    case .double(let value): return value.exactDescription
    case .decimal(let value): return value.description
    case .text(let value): return Value.quoted(value)
    case .timestamp(let value): return Timestamp.iso8601(value)
    case .array(let elements): return "[" + elements.map(\.description).joined(separator: ", ") + "]"
    }
  }

  /// The text as a JSON literal, shortened past 80 characters so evidence stays readable.
  static func quoted(_ text: String) -> String {
    guard text.utf8.count > 80 else { return text.jsonQuoted }
    return String(String(text.prefix(70)).jsonQuoted.dropLast()) + "…(\(text.utf8.count) bytes)\""
  }

}

extension Double {
  /// The shortest text that reads back as this double, followed by the exact binary value when they differ.
  ///
  /// `19.99` is stored as `19.989999999999998436805981327779591083526611328125`: showing both makes the
  /// float-price finding visible in evidence.
  public var exactDescription: String {
    guard isFinite else { return isNaN ? "NaN" : (self < 0 ? "-Infinity" : "Infinity") }
    let shortest = "\(self)"
    let exact = exactDecimalExpansion
    let shortestValue = Decimal(string: shortest)
    if let shortestValue, shortestValue.description == exact { return shortest }
    return "\(shortest) (binary float, exactly \(exact))"
  }

  /// The exact decimal expansion of this finite double, computed with integer arithmetic.
  public var exactDecimalExpansion: String {
    precondition(isFinite)
    if self == 0 { return sign == .minus ? "-0" : "0" }
    // value = significand * 2^exponent, with an integer significand.
    let bits = significandBitPattern | (isNormal ? (1 << 52) : 0)
    var exponent = Int(isNormal ? exponentBitPattern : 1) - 1075
    var mantissa = bits
    while mantissa & 1 == 0 && exponent < 0 {
      mantissa >>= 1
      exponent += 1
    }
    var digits = BigDigits(mantissa)
    var scale = 0
    if exponent >= 0 {
      for _ in 0..<exponent { digits.multiply(by: 2) }
    } else {
      // m / 2^k == m * 5^k / 10^k
      for _ in 0..<(-exponent) { digits.multiply(by: 5) }
      scale = -exponent
    }
    var text = digits.decimalString
    if scale > 0 {
      if text.count <= scale { text = String(repeating: "0", count: scale - text.count + 1) + text }
      text.insert(".", at: text.index(text.endIndex, offsetBy: -scale))
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return (sign == .minus ? "-" : "") + text
  }
}

/// A little-endian base-10^9 natural number, just enough for exact float expansions.
private struct BigDigits {
  var limbs: [UInt64]

  init(_ value: UInt64) {
    limbs = []
    var rest = value
    repeat {
      limbs.append(rest % 1_000_000_000)
      rest /= 1_000_000_000
    } while rest > 0
  }

  mutating func multiply(by factor: UInt64) {
    var carry: UInt64 = 0
    for index in limbs.indices {
      let product = limbs[index] * factor + carry
      limbs[index] = product % 1_000_000_000
      carry = product / 1_000_000_000
    }
    while carry > 0 {
      limbs.append(carry % 1_000_000_000)
      carry /= 1_000_000_000
    }
  }

  var decimalString: String {
    var text = String(limbs.last ?? 0)
    for limb in limbs.dropLast().reversed() {
      let part = String(limb)
      text += String(repeating: "0", count: 9 - part.count) + part
    }
    return text
  }
}
