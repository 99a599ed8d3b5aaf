/// Parses a request body the way Python's `json.loads` does, keeping every number's exact text.
///
/// Accepts RFC 8259 JSON plus Python's `NaN`, `Infinity` and `-Infinity`; refuses raw control characters in
/// strings, invalid UTF-8, and nesting deeper than 1000 levels. Parsing is iterative, so depth never threatens
/// the stack. A lone UTF-16 surrogate in a `\u` escape becomes U+FFFD.
public enum JSONParser {
  /// The deepest nesting accepted, close to Python's default recursion limit.
  public static let maximumDepth = 1000

  public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
    try parse(Array(text.utf8))
  }

  public static func parse(_ bytes: some Collection<UInt8>) throws(JSONParseError) -> JSONValue {
    var parser = Parser(bytes: Array(bytes))
    return try parser.document()
  }
}

private struct Parser {
  /// An array or object still open, with what has been read of it.
  enum Frame {
    case array([JSONValue])
    case object([(String, JSONValue)], key: String)
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
          stack.append(opener == UInt8(ascii: "[") ? .array([]) : .object([], key: try key()))
          continue
        }
      default:
        value = try scalar()
      }
      // Attach the finished value to the open containers, closing every one that ends here.
      while true {
        guard let frame = stack.popLast() else {
          skipWhitespace()
          if index != bytes.count { throw fail(.trailingData) }
          return value
        }
        skipWhitespace()
        let next = try peek()
        index += 1
        switch frame {
        case .array(var items):
          items.append(value)
          if next == UInt8(ascii: ",") {
            stack.append(.array(items))
          } else if next == UInt8(ascii: "]") {
            value = .array(items)
            continue
          } else {
            index -= 1
            throw fail(.unexpectedCharacter)
          }
        case .object(var members, let key):
          members.append((key, value))
          if next == UInt8(ascii: ",") {
            stack.append(.object(members, key: try self.key()))
          } else if next == UInt8(ascii: "}") {
            value = .object(JSONObject(members))
            continue
          } else {
            index -= 1
            throw fail(.unexpectedCharacter)
          }
        }
        break
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
    if bytes[index] == UInt8(ascii: "0") { index += 1 } else { skipDigits() }
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
      guard index < bytes.count else { throw fail(.unexpectedEnd) }
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
        try appendChunk(from: chunkStart, to: &result)
        index += 1
        if byte == UInt8(ascii: "\"") { return result }
        try escape(into: &result)
        chunkStart = index
      } else if byte < 0x20 {
        throw fail(.invalidString)
      } else {
        index += 1
      }
    }
  }

  func appendChunk(from start: Int, to result: inout String) throws(JSONParseError) {
    guard start < index else { return }
    guard let chunk = String(validating: bytes[start..<index], as: UTF8.self) else {
      throw JSONParseError(kind: .invalidUTF8, offset: start)
    }
    result += chunk
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

  func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

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
