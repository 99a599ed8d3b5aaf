import Foundation

/// A JSON number as its literal text, so that `19.99` can be read as exactly 19.99 rather than the nearest double.
///
/// Also holds Python's non-standard literals `NaN`, `Infinity` and `-Infinity`, which `json.loads` accepts.
public struct JSONNumber: Hashable, Sendable, CustomStringConvertible {
  /// The literal exactly as written.
  public let text: String

  public init(_ text: String) {
    self.text = text
  }

  public var description: String { text }

  /// Whether the literal is `NaN`, `Infinity` or `-Infinity`.
  public var isNonFinite: Bool { text == "NaN" || text == "Infinity" || text == "-Infinity" }

  /// Whether the literal has no fraction and no exponent: what Python parses as an `int`.
  public var isIntegerLiteral: Bool { !isNonFinite && !text.contains(where: { ".eE".contains($0) }) }

  /// The exact integer, when the literal is an integer that fits in `Int`.
  public var int: Int? { isIntegerLiteral ? Int(text) : nil }

  /// What Python's `float()` gives: the nearest double, infinity past the range, NaN for `NaN`.
  public var double: Double {
    switch text {
    case "NaN": .nan
    case "Infinity": .infinity
    case "-Infinity": -.infinity
    default: Double(text) ?? .nan
    }
  }

  /// The literal's exact decimal value, or `nil` for a non-finite literal or an absurd exponent.
  public var exactDecimal: ExactDecimal? { ExactDecimal(literal: text) }
}

/// An exact decimal read from a JSON number's text: sign, digits and scale, with no rounding anywhere.
public struct ExactDecimal: Hashable, Sendable, CustomStringConvertible {
  public let isNegative: Bool
  /// The significant digits without leading zeros (`"0"` for zero) and without trailing fraction zeros.
  public let digits: String
  /// How many of `digits` lie after the decimal point; negative when the value has trailing integer zeros.
  public let scale: Int

  /// Exponents beyond this are refused rather than expanded.
  static let exponentLimit = 10_000

  init?(literal: String) {
    var bytes = Substring(literal)
    let negative = bytes.first == "-"
    if negative { bytes.removeFirst() }
    var mantissa = bytes
    var exponent = 0
    if let e = bytes.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      guard let value = Int(bytes[bytes.index(after: e)...].drop { $0 == "+" }), abs(value) <= Self.exponentLimit
      else { return nil }
      exponent = value
      mantissa = bytes[..<e]
    }
    let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
      !parts[0].isEmpty
    else { return nil }
    let fraction = parts.count == 2 ? parts[1] : ""
    var all = String(parts[0] + fraction)
    var scale = fraction.count - exponent
    while all.count > 1, all.first == "0" { all.removeFirst() }
    while all.count > 1, all.last == "0" {
      all.removeLast()
      scale -= 1
    }
    if all == "0" { scale = 0 }
    isNegative = negative && all != "0"
    digits = all
    self.scale = scale
  }

  /// Digits after the decimal point, trailing zeros excluded (`19.90` has 1).
  public var fractionDigits: Int { max(scale, 0) }

  /// Digits before the decimal point (`0.5` has 0).
  public var integerDigits: Int { digits == "0" ? 0 : max(digits.count - scale, 0) }

  /// The plain decimal text, e.g. `-0.05`, `1200`.
  public var description: String {
    var text = digits
    if scale < 0 { text += String(repeating: "0", count: -scale) }
    if scale > 0 {
      if text.count <= scale { text = String(repeating: "0", count: scale - text.count + 1) + text }
      text.insert(".", at: text.index(text.endIndex, offsetBy: -scale))
    }
    return (isNegative ? "-" : "") + text
  }

  /// The value as a Foundation `Decimal`; exact while it has at most 38 significant digits.
  public var value: Decimal {
    if digits.count <= 18, let significand = UInt64(digits) {
      return Decimal(sign: isNegative ? .minus : .plus, exponent: -scale, significand: Decimal(significand))
    }
    return Decimal(string: description, locale: ExactDecimal.posix) ?? .nan
  }

  private static let posix = Locale(identifier: "en_US_POSIX")
}
