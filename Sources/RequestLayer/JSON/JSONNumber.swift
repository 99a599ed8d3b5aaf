import Foundation

/// A JSON number as its literal text, so that `19.99` can be read as exactly 19.99 rather than the nearest double.
///
/// Also holds Python's non-standard literals `NaN`, `Infinity` and `-Infinity`, which `json.loads` accepts. The
/// parser only makes numbers from valid literals; the readings below assume one.
public struct JSONNumber: Hashable, Sendable, CustomStringConvertible {
  /// The literal exactly as written.
  public let text: String

  /// A number from its literal text, e.g. `JSONNumber("19.99")`; the text is kept as given, not checked.
  public init(_ text: String) {
    self.text = text
  }

  /// The literal text.
  public var description: String { text }

  /// Whether the literal is `NaN`, `Infinity` or `-Infinity`.
  public var isNonFinite: Bool { text == "NaN" || text == "Infinity" || text == "-Infinity" }

  /// Whether the literal has no fraction and no exponent: what Python parses as an `int`.
  public var isIntegerLiteral: Bool {
    !isNonFinite
      && !text.utf8.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
  }

  /// The exact integer, when the literal is an integer literal that fits in `Int` (64 bits); `nil` otherwise.
  public var int: Int? { isIntegerLiteral ? Int(text) : nil }

  /// What Python's `float()` gives: the correctly rounded double, ±infinity past the range (`1e309`), 0 below it,
  /// NaN for `NaN`.
  public var double: Double {
    switch text {
    case "NaN": .nan
    case "Infinity": .infinity
    case "-Infinity": -.infinity
    default: Double(text) ?? .nan
    }
  }

  /// The literal's exact decimal value in one normalized form, or `nil` for a non-finite literal or one whose
  /// written exponent exceeds ±10,000 (``ExactDecimal/exponentLimit``).
  ///
  /// The value is `digits × 10^-fractionDigits`, negated when `negative`. The exponent is applied, `digits` has no
  /// leading zeros (`"0"` for zero) and `fractionDigits` is as small as possible (trailing fraction zeros are
  /// dropped), so equal values have equal parts: `19.99` is `(false, "1999", 2)`, `19.990` the same, `1e2` is
  /// `(false, "100", 0)`, `-0.10` is `(true, "1", 1)`. Zero is never negative (`-0` reads as `0`). Exact for
  /// literals of any length; the exponent bound keeps `digits` shorter than the literal plus 10,001 characters.
  public var decimalParts: (negative: Bool, digits: String, fractionDigits: Int)? {
    guard let exact = exactDecimal else { return nil }
    guard exact.scale < 0 else { return (exact.isNegative, exact.digits, exact.scale) }
    return (exact.isNegative, exact.digits + String(repeating: "0", count: -exact.scale), 0)
  }

  /// The literal's exact decimal value as significant digits and a scale, or `nil` like ``decimalParts``.
  public var exactDecimal: ExactDecimal? { ExactDecimal(literal: text) }
}

extension JSONNumber {
  /// An exact decimal read from a JSON number's text: sign, significant digits and scale, with no rounding anywhere.
  public struct ExactDecimal: Hashable, Sendable, CustomStringConvertible {
    /// Whether the value is below zero (zero itself is never negative).
    public let isNegative: Bool
    /// The significant digits without leading zeros (`"0"` for zero) and without trailing zeros.
    public let digits: String
    /// How many of `digits` lie after the decimal point; negative when the value has trailing integer zeros
    /// (`1200` is digits `12`, scale `-2`).
    public let scale: Int

    /// The largest written exponent magnitude read; past it the literal is refused rather than expanded.
    public static let exponentLimit = 10_000

    /// Reads a JSON number literal (`-`, digits, optional fraction, optional exponent); `nil` for anything else,
    /// including `NaN`, `Infinity` and exponents past ``exponentLimit``. Linear in the literal's length.
    init?(literal: String) {
      let bytes = Array(literal.utf8)
      var index = 0
      func skipDigits() -> Range<Int> {
        let start = index
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
        return start..<index
      }
      let negative = bytes.first == UInt8(ascii: "-")
      if negative { index += 1 }
      let integer = skipDigits()
      guard !integer.isEmpty else { return nil }
      var fraction = index..<index
      if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
        index += 1
        fraction = skipDigits()
        guard !fraction.isEmpty else { return nil }
      }
      var exponent = 0
      if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
        index += 1
        let exponentNegative = index < bytes.count && bytes[index] == UInt8(ascii: "-")
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
        let written = skipDigits()
        guard !written.isEmpty else { return nil }
        for position in written {
          exponent = exponent * 10 + Int(bytes[position] - UInt8(ascii: "0"))
          guard exponent <= Self.exponentLimit else { return nil }
        }
        if exponentNegative { exponent = -exponent }
      }
      guard index == bytes.count else { return nil }

      var all: [UInt8] = []
      all.reserveCapacity(integer.count + fraction.count)
      all += bytes[integer]
      all += bytes[fraction]
      guard let first = all.firstIndex(where: { $0 != UInt8(ascii: "0") }),
        let last = all.lastIndex(where: { $0 != UInt8(ascii: "0") })
      else {
        (isNegative, digits, scale) = (false, "0", 0)
        return
      }
      isNegative = negative
      digits = String(decoding: all[first...last], as: UTF8.self)
      scale = fraction.count - exponent - (all.count - 1 - last)
    }

    /// Digits after the decimal point, trailing zeros excluded (`19.90` has 1).
    public var fractionDigits: Int { max(scale, 0) }

    /// Digits before the decimal point (`0.5` has 0).
    public var integerDigits: Int { digits == "0" ? 0 : max(digits.utf8.count - scale, 0) }

    /// The plain decimal text, e.g. `-0.05`, `1200`.
    public var description: String {
      var text = digits
      if scale < 0 { text += String(repeating: "0", count: -scale) }
      if scale > 0 {
        let count = text.utf8.count
        if count <= scale { text = String(repeating: "0", count: scale - count + 1) + text }
        text.insert(".", at: text.index(text.endIndex, offsetBy: -scale))
      }
      return (isNegative ? "-" : "") + text
    }

    /// The value as a Foundation `Decimal`: exact with at most 38 significant digits and a scale Foundation can
    /// represent (within ±127), NaN when the value is out of `Decimal`'s range, rounded otherwise.
    public var value: Decimal {
      if digits.utf8.count <= 18, (-127...127).contains(scale), let significand = UInt64(digits) {
        return Decimal(sign: isNegative ? .minus : .plus, exponent: -scale, significand: Decimal(significand))
      }
      return Decimal(string: description, locale: Self.posix) ?? .nan
    }

    private static let posix = Locale(identifier: "en_US_POSIX")
  }
}
