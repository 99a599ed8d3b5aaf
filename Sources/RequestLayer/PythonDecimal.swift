import Foundation
import Store

/// Python's `Decimal(str(value))`, the candidate's way of reading a price, with Python's failures.
///
/// `str()` of a JSON number goes through a Python `int` or `float` (a float's shortest round-trip text), so a price
/// with more digits than a double holds is changed before `Decimal` sees it; `str(True)` is `"True"`, which
/// `Decimal` refuses with `InvalidOperation`, as it refuses any text that is not a number.
public enum PythonDecimal {
  /// `Decimal(str(value))` as the value the driver would send.
  public static func fromString(of value: JSONValue) throws -> Value {
    try parse(pythonString(value))
  }

  /// Python's `str()` of a value `json.loads` produced.
  public static func pythonString(_ value: JSONValue) -> String {
    switch value {
    case .null: return "None"
    case .bool(let flag): return flag ? "True" : "False"
    case .string(let text): return text
    case .number(let number) where number.isIntegerLiteral:
      return number.int.map(String.init) ?? number.text
    case .number(let number):
      let double = number.double
      if double.isNaN { return "nan" }
      if double.isInfinite { return double < 0 ? "-inf" : "inf" }
      return "\(double)"
    case .array: return "[...]"
    case .object: return "{...}"
    }
  }

  /// `Decimal(text)` as psycopg2 sends it: a finite number, or `NaN` for `NaN` and for either infinity (the driver
  /// writes every non-finite `Decimal` as `'NaN'::numeric`, so an infinite price is stored as NaN); anything else
  /// raises `InvalidOperation`.
  public static func parse(_ text: String) throws -> Value {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    switch trimmed.lowercased().drop(while: { $0 == "+" || $0 == "-" }) {
    case "nan", "snan", "inf", "infinity": return .decimal(.nan)
    default: break
    }
    guard isDecimalLiteral(trimmed), let decimal = Decimal(string: trimmed, locale: Locale(identifier: "en_US_POSIX"))
    else {
      throw PythonError.invalidOperation("[<class 'decimal.ConversionSyntax'>] for \(text.debugDescription)")
    }
    return .decimal(decimal)
  }

  /// Python's decimal syntax: `[sign] (digits [. [digits]] | . digits) [e [sign] digits]`.
  static func isDecimalLiteral(_ text: String) -> Bool {
    var rest = Substring(text)
    if rest.first == "+" || rest.first == "-" { rest.removeFirst() }
    let integer = rest.prefix(while: \.isASCIIDigit)
    rest = rest.dropFirst(integer.count)
    var fraction = Substring("")
    if rest.first == "." {
      rest.removeFirst()
      fraction = rest.prefix(while: \.isASCIIDigit)
      rest = rest.dropFirst(fraction.count)
    }
    guard !integer.isEmpty || !fraction.isEmpty else { return false }
    if rest.first == "e" || rest.first == "E" {
      rest.removeFirst()
      if rest.first == "+" || rest.first == "-" { rest.removeFirst() }
      let exponent = rest.prefix(while: \.isASCIIDigit)
      guard !exponent.isEmpty else { return false }
      rest = rest.dropFirst(exponent.count)
    }
    return rest.isEmpty
  }
}

extension Character {
  var isASCIIDigit: Bool { isASCII && isNumber }
}
