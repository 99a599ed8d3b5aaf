/// Why a body is not JSON, and where: Flask answers these with 400, except `tooDeep` (Python's `RecursionError`).
public struct JSONParseError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What went wrong; the raw value is the message's wording.
  public enum Kind: String, Hashable, Sendable {
    /// Nothing but whitespace (and perhaps a byte order mark): Python's "Expecting value" at the end.
    case empty = "the body is empty"
    /// A byte that cannot start or continue the value here, e.g. `}` after a comma or a `'` quote.
    case unexpectedCharacter = "unexpected character"
    /// The input ends inside a value.
    case unexpectedEnd = "unexpected end of input"
    /// A malformed number (`1.`, `-`, `1e`), or an integer longer than Python converts (4300 digits).
    case invalidNumber = "invalid number"
    /// A raw control character or a malformed escape in a string.
    case invalidString = "invalid string"
    /// Bytes that are not UTF-8 (Python's `UnicodeDecodeError`), reported before any other error.
    case invalidUTF8 = "invalid UTF-8"
    /// Nesting deeper than `JSONParser.maximumDepth`: Python's `RecursionError`, which Flask does not catch.
    case tooDeep = "nesting deeper than 1000 levels"
    /// A complete value followed by more than whitespace: Python's "Extra data".
    case trailingData = "extra data after the JSON value"
  }

  /// What went wrong.
  public let kind: Kind
  /// The byte offset where parsing stopped (where the offending byte or the bad number or sequence starts).
  public let offset: Int

  /// An error of this kind at this byte offset.
  public init(kind: Kind, offset: Int) {
    self.kind = kind
    self.offset = offset
  }

  /// A one-line message, e.g. `malformed JSON at byte 12: unexpected character`.
  public var description: String { "malformed JSON at byte \(offset): \(kind.rawValue)" }
}
