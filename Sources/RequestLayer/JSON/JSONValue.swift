import Foundation

/// A parsed JSON document, as Python's `json.loads` would build it, with numbers kept as their exact text.
///
/// Equality is structural and exact: numbers compare by literal text (`1.0` is not `1`), strings by Unicode code
/// points as Python compares `str` (Swift's `==` would also equate canonically equivalent text, `"é"` and
/// `"e\u{301}"`), objects as unordered maps.
public enum JSONValue: Hashable, Sendable {
  /// `null`: Python's `None`.
  case null
  /// `true` or `false`: a Python `bool`.
  case bool(Bool)
  /// A number as its literal text: a Python `int` or `float` depending on the literal.
  case number(JSONNumber)
  /// A string, escapes decoded: a Python `str`.
  case string(String)
  /// An array: a Python `list`.
  case array([JSONValue])
  /// An object, members in written order with duplicates kept: a Python `dict` keeps the last of each key.
  case object(JSONObject)

  /// A number from its literal text, e.g. `.number("19.99")`, so tests can write exact decimals without a `Double`.
  public static func number(_ text: String) -> JSONValue {
    .number(JSONNumber(text))
  }

  /// An integer number.
  public static func integer(_ value: Int) -> JSONValue {
    .number(JSONNumber(String(value)))
  }

  /// The Python type `json.loads` produces for this value: `NoneType`, `bool`, `int`, `float`, `str`, `list`,
  /// `dict`.
  ///
  /// A number is an `int` when its literal has no fraction and no exponent (`1e2` is the float `100.0`); `NaN`,
  /// `Infinity` and `-Infinity` are floats.
  public var pythonTypeName: String {
    switch self {
    case .null: "NoneType"
    case .bool: "bool"
    case .number(let number): number.isIntegerLiteral ? "int" : "float"
    case .string: "str"
    case .array: "list"
    case .object: "dict"
    }
  }

  /// The value's JSON type in words for error messages: `null`, `a boolean`, `a string`, ...
  public var jsonTypeName: String {
    switch self {
    case .null: "null"
    case .bool: "a boolean"
    case .number(let number): number.isIntegerLiteral ? "an integer" : "a non-integer number"
    case .string: "a string"
    case .array: "an array"
    case .object: "an object"
    }
  }

  /// Exact structural equality; strings compare by code points, as Python compares `str`.
  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): true
    case (.bool(let left), .bool(let right)): left == right
    case (.number(let left), .number(let right)): left == right
    case (.string(let left), .string(let right)): sameCodePoints(left, right)
    case (.array(let left), .array(let right)): left == right
    case (.object(let left), .object(let right)): left == right
    default: false
    }
  }

  /// Whether two strings hold the same code points: Python's `str` equality, stricter than Swift's `==`.
  ///
  /// Swift's hash of a `String` agrees with this (equal code points hash equally), so `Hashable` stays lawful.
  static func sameCodePoints(_ lhs: String, _ rhs: String) -> Bool {
    guard lhs.utf8.count == rhs.utf8.count else { return false }
    let compared = lhs.utf8.withContiguousStorageIfAvailable { left in
      rhs.utf8.withContiguousStorageIfAvailable { right in
        left.isEmpty || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0
      }
    }
    if case .some(.some(let same)) = compared { return same }
    return lhs.utf8.elementsEqual(rhs.utf8)
  }

  /// Python's order of `str`: by code point, which is the order of the UTF-8 bytes.
  static func codePointOrder(_ lhs: String, _ rhs: String) -> Bool {
    lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
  }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByStringLiteral,
  ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
  /// `nil` is JSON `null`.
  public init(nilLiteral: ()) { self = .null }
  /// `true` and `false` are JSON booleans.
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  /// A string literal is a JSON string.
  public init(stringLiteral value: String) { self = .string(value) }
  /// An array literal is a JSON array.
  public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
  /// A dictionary literal is a JSON object whose members keep the literal's order.
  public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(JSONObject(elements)) }
}
