import Foundation

/// A JSON value is `Encodable`, so a type can hold one (a row, a response body) and still be encoded as a whole.
///
/// `JSONValueEncoder` keeps it exactly as it is; another encoder gets its structure, numbers as `Decimal` (which
/// keeps a decimal literal's digits) or, when the literal is not one (`NaN`), as its text.
extension JSONValue: Encodable {
  public func encode(to encoder: any Encoder) throws {
    switch self {
    case .null:
      var container = encoder.singleValueContainer()
      try container.encodeNil()
    case .bool(let flag):
      var container = encoder.singleValueContainer()
      try container.encode(flag)
    case .number(let number): try number.encode(to: encoder)
    case .string(let text):
      var container = encoder.singleValueContainer()
      try container.encode(text)
    case .array(let items):
      var container = encoder.unkeyedContainer()
      for item in items { try container.encode(item) }
    case .object(let object):
      try Dictionary(object.keys.map { ($0, object[$0]!) }, uniquingKeysWith: { $1 }).encode(to: encoder)
    }
  }
}

extension JSONNumber: Encodable {
  /// The number as `Decimal` for encoders other than `JSONValueEncoder`, or as its text when it is not a decimal.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    if let decimal = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), !decimal.isNaN {
      try container.encode(decimal)
    } else {
      try container.encode(text)
    }
  }
}
