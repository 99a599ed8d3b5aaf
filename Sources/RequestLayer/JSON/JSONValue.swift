/// A parsed JSON document, as Python's `json.loads` would build it, with numbers kept as their exact text.
public enum JSONValue: Hashable, Sendable {
  case null
  case bool(Bool)
  case number(JSONNumber)
  case string(String)
  case array([JSONValue])
  case object(JSONObject)

  /// An integer number.
  public static func integer(_ value: Int) -> JSONValue {
    .number(JSONNumber(String(value)))
  }

  /// The Python type `json.loads` produces for this value: `NoneType`, `bool`, `int`, `float`, `str`, `list`,
  /// `dict`.
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
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByStringLiteral,
  ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
  public init(nilLiteral: ()) { self = .null }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  public init(stringLiteral value: String) { self = .string(value) }
  public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
  public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(JSONObject(elements)) }
}
