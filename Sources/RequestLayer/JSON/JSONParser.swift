/// Parses a request body the way Python's `json.loads` does, keeping every number's exact text.
///
/// Accepts RFC 8259 JSON plus Python's `NaN`, `Infinity` and `-Infinity`, with space, tab, LF and CR around
/// values. Refuses what Python refuses: raw control characters in strings (strict mode), invalid UTF-8 (reported
/// before any other error, as Python decodes the whole body first), integer literals longer than 4300 digits
/// (Python's `int` conversion limit, a `ValueError`), and nesting deeper than ``maximumDepth`` (Python's
/// `RecursionError`). Parsing is iterative, so no depth threatens the stack.
///
/// Python keeps lone UTF-16 surrogates in a `str`; Swift strings cannot hold them, so a lone surrogate, whether
/// written as a `\u` escape (`"\ud800"`) or as encoded bytes that Python's `surrogatepass` decoding lets through
/// (`ED A0 80`), becomes U+FFFD. Bodies that Python would detect as UTF-16 or UTF-32 are not decoded: they are
/// refused (they are never valid UTF-8 JSON), where Python might accept them.
public enum JSONParser {
  /// The deepest nesting accepted, close to Python's default recursion limit of 1000.
  public static let maximumDepth = 1000

  /// The most digits an integer literal may have: Python's default `sys.get_int_max_str_digits()`.
  public static let maximumIntegerDigits = 4300

  /// Parses text as Python's `json.loads(str)` does, which refuses a leading byte order mark.
  public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
    try parse(bytes: Array(text.utf8), allowingByteOrderMark: false)
  }

  /// Parses a UTF-8 request body as Flask's `request.get_json()` does (`json.loads` on the body's bytes), which
  /// skips one leading UTF-8 byte order mark.
  public static func parse(_ bytes: some Collection<UInt8>) throws(JSONParseError) -> JSONValue {
    try parse(bytes: Array(bytes), allowingByteOrderMark: true)
  }

  private static func parse(bytes: [UInt8], allowingByteOrderMark: Bool) throws(JSONParseError) -> JSONValue {
    var parser = Parser(bytes: bytes)
    if allowingByteOrderMark, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
    do {
      return try parser.document()
    } catch {
      // Python decodes the whole body before parsing, so a decoding error wins over any other.
      if let offset = UTF8Check.firstInvalidOffset(in: bytes) {
        throw JSONParseError(kind: .invalidUTF8, offset: offset)
      }
      throw error
    }
  }
}

private struct Parser {
  /// An array or object still open, with what has been read of it; mutated in place on the stack, so appending
  /// never copies what was read before.
  struct Frame {
    let isArray: Bool
    var items: [JSONValue] = []
    var members: [(String, JSONValue)] = []
    var key = ""
  }

  let bytes: [UInt8]
  var index = 0

  init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  mutating func document() throws(JSONParseError) -> JSONValue {
    skipWhitespace()
    if index == bytes.count { throw fail(.empty) }
    var stack: [Frame] = []
    while true {
      var value: JSONValue
      skipWhitespace()
      switch try peek() {
      case UInt8(ascii: "["), UInt8(ascii: "{"):
        let opener = bytes[index]
        guard stack.count < JSONParser.maximumDepth else { throw fail(.tooDeep) }
        index += 1
        skipWhitespace()
        if try peek() == (opener == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")) {
          index += 1
          value = opener == UInt8(ascii: "[") ? .array([]) : .object(JSONObject([]))
        } else {
          var frame = Frame(isArray: opener == UInt8(ascii: "["))
          if !frame.isArray { frame.key = try key() }
          stack.append(frame)
          continue
        }
      default:
        value = try scalar()
      }
      // Attach the finished value to the open containers, closing every one that ends here.
      while true {
        guard let top = stack.indices.last else {
          skipWhitespace()
          if index != bytes.count { throw fail(.trailingData) }
          return value
        }
        if stack[top].isArray {
          stack[top].items.append(value)
        } else {
          stack[top].members.append((stack[top].key, value))
        }
        skipWhitespace()
        let next = try peek()
        if next == UInt8(ascii: ",") {
          index += 1
          if !stack[top].isArray { stack[top].key = try key() }
          break
        }
        guard next == UInt8(ascii: stack[top].isArray ? "]" : "}") else { throw fail(.unexpectedCharacter) }
        index += 1
        let frame = stack.removeLast()
        value = frame.isArray ? .array(frame.items) : .object(JSONObject(frame.members))
      }
    }
  }

  mutating func key() throws(JSONParseError) -> String {
    skipWhitespace()
    guard try peek() == UInt8(ascii: "\"") else { throw fail(.unexpectedCharacter) }
    let key = try string()
    skipWhitespace()
    guard try peek() == UInt8(ascii: ":") else { throw fail(.unexpectedCharacter) }
    index += 1
    return key
  }

  mutating func scalar() throws(JSONParseError) -> JSONValue {
    switch try peek() {
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"):
      try literal("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try literal("false")
      return .bool(false)
    case UInt8(ascii: "n"):
      try literal("null")
      return .null
    case UInt8(ascii: "N"):
      try literal("NaN")
      return .number(JSONNumber("NaN"))
    case UInt8(ascii: "I"):
      try literal("Infinity")
      return .number(JSONNumber("Infinity"))
    case UInt8(ascii: "-") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "I"):
      try literal("-Infinity")
      return .number(JSONNumber("-Infinity"))
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
    default: throw fail(.unexpectedCharacter)
    }
  }

  mutating func literal(_ word: StaticString) throws(JSONParseError) {
    let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
    for byte in expected {
      guard index < bytes.count else { throw fail(.unexpectedEnd) }
      guard bytes[index] == byte else { throw fail(.unexpectedCharacter) }
      index += 1
    }
  }

  mutating func number() throws(JSONParseError) -> JSONNumber {
    let start = index
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    guard index < bytes.count, isDigit(bytes[index]) else { throw fail(.invalidNumber) }
    let integerStart = index
    if bytes[index] == UInt8(ascii: "0") { index += 1 } else { skipDigits() }
    let integerDigits = index - integerStart
    if integerDigits > JSONParser.maximumIntegerDigits, index == bytes.count || !isFractionOrExponent(bytes[index]) {
      throw JSONParseError(kind: .invalidNumber, offset: start)
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      guard index < bytes.count, isDigit(bytes[index]) else { throw fail(.invalidNumber) }
      skipDigits()
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
      guard index < bytes.count, isDigit(bytes[index]) else { throw fail(.invalidNumber) }
      skipDigits()
    }
    return JSONNumber(String(decoding: bytes[start..<index], as: UTF8.self))
  }

  mutating func string() throws(JSONParseError) -> String {
    index += 1  // the opening quote
    var result = ""
    var chunkStart = index
    while true {
      index = plainRunEnd(from: index)
      guard index < bytes.count else { throw fail(.unexpectedEnd) }
      let byte = bytes[index]
      // A raw control character: Python's strict mode refuses it.
      guard byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { throw fail(.invalidString) }
      try appendChunk(from: chunkStart, to: &result)
      index += 1
      if byte == UInt8(ascii: "\"") { return result }
      try escape(into: &result)
      chunkStart = index
    }
  }

  /// Appends the string's bytes from `start` up to `index`, decoded as Python decodes the body: UTF-8 with
  /// `surrogatepass`, each encoded surrogate becoming U+FFFD.
  func appendChunk(from start: Int, to result: inout String) throws(JSONParseError) {
    guard start < index else { return }
    if let chunk = String(validating: bytes[start..<index], as: UTF8.self) {
      result += chunk
      return
    }
    var runStart = start
    var position = start
    while position < index {
      switch UTF8Check.sequence(in: bytes, at: position, end: index) {
      case .scalar(let length):
        position += length
      case .surrogate:
        result += String(decoding: bytes[runStart..<position], as: UTF8.self)
        result += "\u{FFFD}"
        position += 3
        runStart = position
      case .invalid:
        throw JSONParseError(kind: .invalidUTF8, offset: position)
      }
    }
    result += String(decoding: bytes[runStart..<index], as: UTF8.self)
  }

  mutating func escape(into result: inout String) throws(JSONParseError) {
    let byte = try peek()
    index += 1
    switch byte {
    case UInt8(ascii: "\""): result += "\""
    case UInt8(ascii: "\\"): result += "\\"
    case UInt8(ascii: "/"): result += "/"
    case UInt8(ascii: "b"): result += "\u{8}"
    case UInt8(ascii: "f"): result += "\u{C}"
    case UInt8(ascii: "n"): result += "\n"
    case UInt8(ascii: "r"): result += "\r"
    case UInt8(ascii: "t"): result += "\t"
    case UInt8(ascii: "u"):
      let unit = try hex4()
      if (0xD800..<0xDC00).contains(unit), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
        bytes[index + 1] == UInt8(ascii: "u")
      {
        let save = index
        index += 2
        let low = try hex4()
        if (0xDC00..<0xE000).contains(low) {
          result.unicodeScalars.append(Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))!)
          return
        }
        index = save
      }
      result.unicodeScalars.append(Unicode.Scalar(unit) ?? "\u{FFFD}")
    default:
      index -= 1
      throw fail(.invalidString)
    }
  }

  mutating func hex4() throws(JSONParseError) -> UInt32 {
    guard index + 4 <= bytes.count else { throw fail(.unexpectedEnd) }
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard let digit = hexValue(bytes[index]) else { throw fail(.invalidString) }
      value = value << 4 | digit
      index += 1
    }
    return value
  }

  func hexValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
    default: nil
    }
  }

  /// Where the run of plain string bytes (no quote, backslash or control character) from `start` ends: a tight
  /// loop over the buffer, ten times faster than subscripting the array in a debug build.
  func plainRunEnd(from start: Int) -> Int {
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return start }
      var position = start
      while position < buffer.count {
        let byte = base[position]
        // `"` (0x22), `\` (0x5C) or a control character; literals, since a debug build calls `UInt8(ascii:)`.
        if byte == 0x22 || byte == 0x5C || byte < 0x20 { break }
        position &+= 1
      }
      return position
    }
  }

  func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

  func isFractionOrExponent(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
  }

  mutating func skipDigits() {
    while index < bytes.count, isDigit(bytes[index]) { index += 1 }
  }

  mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0A, 0x0D: index += 1
      default: return
      }
    }
  }

  func peek() throws(JSONParseError) -> UInt8 {
    guard index < bytes.count else { throw fail(.unexpectedEnd) }
    return bytes[index]
  }

  func fail(_ kind: JSONParseError.Kind) -> JSONParseError {
    JSONParseError(kind: kind, offset: index)
  }
}

/// UTF-8 as Python's `bytes.decode("utf-8", "surrogatepass")` reads it, for the rare bodies that the standard
/// library's validation refuses.
private enum UTF8Check {
  /// What starts at a byte: a scalar of some length, an encoded UTF-16 surrogate (3 bytes), or an error.
  enum Sequence {
    case scalar(Int)
    case surrogate
    case invalid
  }

  /// The offset of the first byte Python cannot decode, or `nil` when the whole buffer decodes.
  static func firstInvalidOffset(in bytes: [UInt8]) -> Int? {
    if String(validating: bytes, as: UTF8.self) != nil { return nil }
    var position = 0
    while position < bytes.count {
      switch sequence(in: bytes, at: position, end: bytes.count) {
      case .scalar(let length): position += length
      case .surrogate: position += 3
      case .invalid: return position
      }
    }
    return nil
  }

  /// Reads the sequence starting at `position`, looking no further than `end`.
  static func sequence(in bytes: [UInt8], at position: Int, end: Int) -> Sequence {
    let lead = bytes[position]
    func continues(_ offset: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
      position + offset < end && range.contains(bytes[position + offset])
    }
    switch lead {
    case 0x00...0x7F: return .scalar(1)
    case 0xC2...0xDF: return continues(1) ? .scalar(2) : .invalid
    case 0xE0: return continues(1, 0xA0...0xBF) && continues(2) ? .scalar(3) : .invalid
    case 0xED where continues(1, 0xA0...0xBF): return continues(2) ? .surrogate : .invalid
    case 0xE1...0xEF: return continues(1) && continues(2) ? .scalar(3) : .invalid
    case 0xF0: return continues(1, 0x90...0xBF) && continues(2) && continues(3) ? .scalar(4) : .invalid
    case 0xF1...0xF3: return continues(1) && continues(2) && continues(3) ? .scalar(4) : .invalid
    case 0xF4: return continues(1, 0x80...0x8F) && continues(2) && continues(3) ? .scalar(4) : .invalid
    default: return .invalid
    }
  }
}
