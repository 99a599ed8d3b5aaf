/// Why a body is not JSON, and where: Flask answers these with 400, except `tooDeep` (Python's `RecursionError`).
public struct JSONParseError: Error, Hashable, Sendable, CustomStringConvertible {
  public enum Kind: String, Hashable, Sendable {
    case empty = "the body is empty"
    case unexpectedCharacter = "unexpected character"
    case unexpectedEnd = "unexpected end of input"
    case invalidNumber = "invalid number"
    case invalidString = "invalid string"
    case invalidUTF8 = "invalid UTF-8"
    case tooDeep = "nesting deeper than 1000 levels"
    case trailingData = "extra data after the JSON value"
  }

  public let kind: Kind
  /// The byte offset where parsing stopped.
  public let offset: Int

  public init(kind: Kind, offset: Int) {
    self.kind = kind
    self.offset = offset
  }

  public var description: String { "malformed JSON at byte \(offset): \(kind.rawValue)" }
}
