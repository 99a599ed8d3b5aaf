import RequestLayer
import Testing

/// The parser, number readings, object semantics and encoder, each case checked against what Python 3.11.7's
/// `json.loads` / `json.dumps` did with the same input (and, for bodies, Flask 3.1.3's `request.json`: a leading
/// UTF-8 byte order mark is accepted, an encoded surrogate is kept, a 4301-digit integer is a 400).
@Suite("JSONParser reads what Python's json.loads reads")
struct JSONParserTests {
  private static func object(_ text: String) throws -> JSONObject {
    guard case .object(let object) = try JSONParser.parse(text) else { throw ExpectedObject() }
    return object
  }

  private struct ExpectedObject: Error {}

  private static func nested(_ depth: Int) -> String {
    String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
  }

  @Test(
    "Accepts what json.loads accepts",
    arguments: [
      ("{\"a\": [1, 2.5, -0, 1e2, true, false, null]}", "{\"a\":[1,2.5,-0,1e2,true,false,null]}"),
      (" \t\n\"x\"\r\n", "\"x\""),
      ("NaN", "NaN"), ("Infinity", "Infinity"), ("-Infinity", "-Infinity"), ("[Infinity, NaN]", "[Infinity,NaN]"),
      ("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"", "\"\\\" \\\\ / \\b \\f \\n \\r \\t\""),
      ("\"\\u00e9\\u00E9\\n\\ud83d\\ude00\"", "\"éé\\n😀\""),
      ("\"é😀\u{7F}\"", "\"é😀\u{7F}\""),
      ("{}", "{}"), ("[]", "[]"), ("[[]]", "[[]]"), ("{\"\":{}}", "{\"\":{}}"), ("\"\"", "\"\""),
      ("0", "0"), ("-0", "-0"), ("-0.0e-0", "-0.0e-0"), ("1E+2", "1E+2"), ("1e-2", "1e-2"),
      ("123456789012345678901234567890", "123456789012345678901234567890"),
      ("[ 1 , { \"a\" : 2 } ]", "[1,{\"a\":2}]"),
    ])
  func acceptsWhatPythonAccepts(_ text: String, _ encoded: String) throws {
    #expect(try JSONParser.parse(text).encoded() == encoded)
  }

  @Test(
    "Refuses what json.loads refuses",
    arguments: [
      ("", JSONParseError.Kind.empty), ("  \r\n\t", .empty),
      ("01", .trailingData), ("-01", .trailingData), ("00", .trailingData), ("+1", .unexpectedCharacter),
      (".5", .unexpectedCharacter), ("1.", .invalidNumber), ("1.e3", .invalidNumber), ("1e", .invalidNumber),
      ("1e+", .invalidNumber), ("-", .invalidNumber), ("-NaN", .invalidNumber), ("- 1", .invalidNumber),
      ("nan", .unexpectedCharacter), ("infinity", .unexpectedCharacter), ("True", .unexpectedCharacter),
      ("nul", .unexpectedEnd), ("tru", .unexpectedEnd), ("nulls", .trailingData),
      ("[1,]", .unexpectedCharacter), ("[,1]", .unexpectedCharacter), ("{\"a\":1,}", .unexpectedCharacter),
      ("{,}", .unexpectedCharacter), ("[1 2]", .unexpectedCharacter), ("{\"a\":1 \"b\":2}", .unexpectedCharacter),
      ("{\"a\" 1}", .unexpectedCharacter), ("{1:2}", .unexpectedCharacter), ("{'a':1}", .unexpectedCharacter),
      ("[1", .unexpectedEnd), ("{\"a\":", .unexpectedEnd), ("\"abc", .unexpectedEnd), ("[1]]", .trailingData),
      ("{} {}", .trailingData), ("1 2", .trailingData), ("'a'", .unexpectedCharacter),
      ("\"a\u{1}\"", .invalidString), ("\"\t\"", .invalidString), ("\"a\nb\"", .invalidString),
      ("\"\u{0}\"", .invalidString), ("\"\\x\"", .invalidString), ("\"\\u12zz\"", .invalidString),
      ("\"\\ud800\\uzzzz\"", .invalidString), ("\"\\U00e9\"", .invalidString),
      ("\u{C}1", .unexpectedCharacter), ("\u{A0}1", .unexpectedCharacter), ("\u{FEFF}{}", .unexpectedCharacter),
    ])
  func refusesWhatPythonRefuses(_ text: String, _ kind: JSONParseError.Kind) {
    let error = #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
    #expect(error?.kind == kind)
  }

  @Test func reportsTheOffsetOfTheOffendingByte() {
    #expect(throws: JSONParseError(kind: .unexpectedCharacter, offset: 8)) { try JSONParser.parse("{\"a\": 1,}") }
    #expect(throws: JSONParseError(kind: .trailingData, offset: 1)) { try JSONParser.parse("01") }
    #expect(throws: JSONParseError(kind: .invalidString, offset: 2)) { try JSONParser.parse("\"a\u{1}\"") }
    #expect(
      JSONParseError(kind: .unexpectedEnd, offset: 2).description == "malformed JSON at byte 2: unexpected end of input"
    )
  }

  @Test(
    "Refuses invalid UTF-8 anywhere, before any other error, as Python decodes the body first",
    arguments: [
      ([0x22, 0xFF, 0x22], 1), ([0xFF], 0), (Array("{} ".utf8) + [0xFF], 3), (Array("[1, ".utf8) + [0xFF, 0x5D], 4),
      ([0x22, 0xC0, 0x80, 0x22], 1), ([0x22, 0xE0, 0x80, 0x80, 0x22], 1), ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], 1),
      ([0x22, 0xC3, 0x22], 1), ([0x22, 0xED, 0xA0, 0x22], 1), (Array("\"é\"".utf8) + [0x20, 0x80], 5),
      (Array(repeating: UInt8(ascii: "["), count: 100_000) + [0xFF], 100_000),
    ] as [([UInt8], Int)])
  func refusesInvalidUTF8(_ bytes: [UInt8], _ offset: Int) {
    #expect(throws: JSONParseError(kind: .invalidUTF8, offset: offset)) { try JSONParser.parse(bytes) }
  }

  @Test func acceptsOneLeadingByteOrderMarkInABodyAsJsonLoadsOnBytesDoes() throws {
    let mark: [UInt8] = [0xEF, 0xBB, 0xBF]
    #expect(try JSONParser.parse(mark + Array("{\"a\": 1}".utf8)) == ["a": .integer(1)])
    #expect(throws: JSONParseError(kind: .unexpectedCharacter, offset: 3)) {
      try JSONParser.parse(mark + mark + [0x31])
    }
    #expect(throws: JSONParseError(kind: .unexpectedCharacter, offset: 1)) {
      try JSONParser.parse([0x20] + mark + [0x31])
    }
    #expect(throws: JSONParseError(kind: .empty, offset: 3)) { try JSONParser.parse(mark) }
  }

  @Test(
    "Replaces lone surrogates, escaped or encoded, with U+FFFD",
    arguments: [
      (Array("\"\\ud800\"".utf8), "\u{FFFD}"), (Array("\"\\udc00x\"".utf8), "\u{FFFD}x"),
      (Array("\"\\ud800\\u0041\"".utf8), "\u{FFFD}A"), (Array("\"\\ud800\\ud800\\udc00\"".utf8), "\u{FFFD}𐀀"),
      (Array("\"\\udbff\\udfff\"".utf8), "\u{10FFFF}"),
      ([0x22, 0xED, 0xA0, 0x80, 0x22], "\u{FFFD}"), ([0x22, 0x61, 0xED, 0xBF, 0xBF, 0x62, 0x22], "a\u{FFFD}b"),
      ([0x22, 0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80, 0x22], "\u{FFFD}\u{FFFD}"),
    ] as [([UInt8], String)])
  func replacesLoneSurrogates(_ bytes: [UInt8], _ text: String) throws {
    #expect(try JSONParser.parse(bytes) == .string(text))
  }

  @Test func refusesIntegersLongerThanPythonConvertsButNotLongFloats() throws {
    let digits = String(repeating: "7", count: JSONParser.maximumIntegerDigits)
    #expect(try JSONParser.parse(digits) == .number(digits))
    #expect(try JSONParser.parse("-" + digits) == .number("-" + digits))
    #expect(throws: JSONParseError(kind: .invalidNumber, offset: 1)) { try JSONParser.parse("[\(digits)7]") }
    #expect(try JSONParser.parse(digits + "7.5").pythonTypeName == "float")
    #expect(try JSONParser.parse(digits + "7e0").pythonTypeName == "float")
  }

  @Test func keepsTheLastOfDuplicatedKeysAndReportsThem() throws {
    let object = try Self.object("{\"b\": 1, \"a\": 2, \"b\": 3, \"a\": 4, \"c\": 5}")
    #expect(object["a"] == .integer(4))
    #expect(object["b"] == .integer(3))
    #expect(object.keys == ["b", "a", "c"])
    #expect(object.duplicateKeys == ["a", "b"])
    #expect(object.count == 3)
    #expect(object.members.count == 5)
    #expect(object.contains("c") && !object.contains("d"))
    #expect(object["d"] == nil)
    #expect(JSONValue.object(object).encoded() == "{\"a\":4,\"b\":3,\"c\":5}")
    #expect(JSONValue.object(object).encoded(sortedKeys: false) == "{\"b\":3,\"a\":4,\"c\":5}")
  }

  @Test func tellsKeysApartByCodePointsAsPythonDictsDo() throws {
    let composed = "\u{E9}"
    let decomposed = "e\u{301}"
    let object = try Self.object("{\"\(composed)\": 1, \"\(decomposed)\": 2}")
    #expect(object.count == 2)
    #expect(object.duplicateKeys.isEmpty)
    #expect(object[composed] == .integer(1))
    #expect(object[decomposed] == .integer(2))
    #expect(JSONValue.string(composed) != .string(decomposed), "Swift's == alone would call these equal")
    #expect(JSONValue.object(object).encoded() == "{\"\(decomposed)\":2,\"\(composed)\":1}", "code-point order")
  }

  @Test func comparesObjectsAsUnorderedMaps() throws {
    #expect(try JSONParser.parse("{\"a\": 1, \"b\": [2]}") == JSONParser.parse("{\"b\": [2], \"a\": 1}"))
    #expect(try JSONParser.parse("{\"a\": 0, \"a\": 1}") == ["a": .integer(1)])
    #expect(try JSONParser.parse("{\"a\": 1}") != JSONParser.parse("{\"a\": 1, \"b\": 1}"))
    #expect(try JSONParser.parse("{\"a\": 1.0}") != JSONParser.parse("{\"a\": 1}"), "numbers compare by literal")
    let set: Set<JSONValue> = try [JSONParser.parse("{\"a\": 1, \"b\": 2}"), JSONParser.parse("{\"b\": 2, \"a\": 1}")]
    #expect(set.count == 1)
  }

  @Test func acceptsAThousandLevelsAndRefusesDeeperWithoutCrashing() throws {
    _ = try JSONParser.parse(Self.nested(1000))
    _ = try JSONParser.parse(String(repeating: "{\"a\":", count: 1000) + "1" + String(repeating: "}", count: 1000))
    #expect(throws: JSONParseError(kind: .tooDeep, offset: 1000)) { try JSONParser.parse(Self.nested(1001)) }
    #expect(throws: JSONParseError(kind: .tooDeep, offset: 5000)) {
      try JSONParser.parse(String(repeating: "{\"a\":", count: 1001) + "1" + String(repeating: "}", count: 1001))
    }
    #expect(throws: JSONParseError(kind: .tooDeep, offset: 1000)) {
      try JSONParser.parse(String(repeating: "[", count: 100_000))
    }
    #expect(throws: JSONParseError(kind: .tooDeep, offset: 1000)) { try JSONParser.parse(Self.nested(100_000)) }
  }

  @Test func parsesOneMegabyteStrings() throws {
    let plain = String(repeating: "x", count: 1 << 20)
    let escaped = String(repeating: "ab\\n\\u00e9", count: (1 << 20) / 10)
    let accented = String(repeating: "é😀", count: (1 << 20) / 6)
    let parsed = try [plain, escaped, accented].map { try JSONParser.parse("\"\($0)\"") }
    #expect(parsed == [.string(plain), .string(String(repeating: "ab\né", count: (1 << 20) / 10)), .string(accented)])
  }

  @Test(
    "Round-trips canonical text through parse and encode",
    arguments: [
      "{\"a\":[1,2.5,-0,1e2,true,false,null],\"b\":{\"c\":\"d\"}}", "[NaN,Infinity,-Infinity]",
      "\"\\\"\\\\\\b\\f\\n\\r\\t\\u0001\\u001fé😀/\"", "[[],{},[[{}]]]", "19.990", "{\"\":\"\"}",
      "{\"price\":19.99,\"quantity\":3}",
    ])
  func roundTrips(_ text: String) throws {
    let value = try JSONParser.parse(text)
    #expect(value.encoded() == text)
    #expect(try JSONParser.parse(value.encoded(pretty: true)) == value)
  }

  @Test func encodesPrettyAsJsonDumpsWithIndentTwoAndSortedKeys() throws {
    let value = try JSONParser.parse("{\"c\": [], \"b\": 1, \"a\": [1, {}]}")
    #expect(value.encoded(pretty: true) == "{\n  \"a\": [\n    1,\n    {}\n  ],\n  \"b\": 1,\n  \"c\": []\n}")
    #expect(value.encoded(sortedKeys: false) == "{\"c\":[],\"b\":1,\"a\":[1,{}]}")
  }

  @Test(
    "Names Python's types",
    arguments: [
      ("null", "NoneType"), ("true", "bool"), ("1", "int"), ("-0", "int"), ("1.0", "float"), ("1e2", "float"),
      ("NaN", "float"), ("-Infinity", "float"), ("\"1\"", "str"), ("[]", "list"), ("{}", "dict"),
    ])
  func namesPythonTypes(_ text: String, _ name: String) throws {
    #expect(try JSONParser.parse(text).pythonTypeName == name)
  }

  @Test func readsNumbersAsPythonDoes() {
    #expect(JSONNumber("9223372036854775807").int == Int.max)
    #expect(JSONNumber("9223372036854775808").int == nil)
    #expect(JSONNumber("-0").int == 0)
    #expect(JSONNumber("1e2").int == nil)
    #expect(JSONNumber("1e309").double == .infinity)
    #expect(JSONNumber("-1e309").double == -.infinity)
    #expect(JSONNumber("1.5e-400").double == 0)
    #expect(JSONNumber("NaN").double.isNaN)
    #expect(JSONNumber("Infinity").double == .infinity)
    #expect(JSONNumber("0.1000000000000000055511151231257827").double == 0.1)
    #expect(JSONNumber("NaN").isNonFinite && !JSONNumber("NaN").isIntegerLiteral)
    #expect(JSONNumber("-12").isIntegerLiteral && !JSONNumber("-12").isNonFinite)
  }

  @Test(
    "Reads exact decimal parts in one normalized form",
    arguments: [
      ("19.99", false, "1999", 2), ("19.990", false, "1999", 2), ("1e2", false, "100", 0), ("1E-2", false, "1", 2),
      ("-0.10", true, "1", 1), ("-0", false, "0", 0), ("0.000", false, "0", 0), ("0e5", false, "0", 0),
      ("1200", false, "1200", 0), ("12e-1", false, "12", 1), ("0.5e1", false, "5", 0),
      ("123.456e-10", false, "123456", 13), ("-1.5E+3", true, "1500", 0), ("007", false, "7", 0),
      ("0.1000000000000000055511151231257827", false, "1000000000000000055511151231257827", 34),
    ])
  func readsDecimalParts(_ literal: String, _ negative: Bool, _ digits: String, _ fractionDigits: Int) throws {
    let parts = try #require(JSONNumber(literal).decimalParts)
    #expect(parts == (negative, digits, fractionDigits))
  }

  @Test(
    "Reads exact decimals",
    arguments: [
      ("19.99", "19.99", 2, 2), ("19.990", "19.99", 2, 2), ("1e2", "100", 0, 3), ("1E-2", "0.01", 2, 0),
      ("-0", "0", 0, 0), ("0.001", "0.001", 3, 0), ("12345678901.5", "12345678901.5", 1, 11),
    ])
  func readsExactDecimals(_ literal: String, _ plain: String, _ fractionDigits: Int, _ integerDigits: Int) throws {
    let exact = try #require(JSONNumber(literal).exactDecimal)
    #expect(exact.description == plain)
    #expect(exact.fractionDigits == fractionDigits)
    #expect(exact.integerDigits == integerDigits)
  }

  @Test func boundsExponentsAndRefusesNonFiniteAsDecimals() throws {
    for literal in ["NaN", "Infinity", "-Infinity", "1e10001", "1e-10001", "1e999999999", "1e99999999999999999999999"] {
      #expect(JSONNumber(literal).decimalParts == nil, "\(literal)")
    }
    let large = try #require(JSONNumber("1e10000").decimalParts)
    #expect(large.digits == "1" + String(repeating: "0", count: 10_000) && large.fractionDigits == 0)
    let small = try #require(JSONNumber("-1e-10000").decimalParts)
    #expect(small == (true, "1", 10_000))
  }

  /// Megabyte literals are read exactly (their speed is the bench's business, never a wall-clock limit here).
  @Test func readsMegabyteLiteralsExactly() throws {
    let zeros = String(repeating: "0", count: 1 << 20)
    let small = try #require(JSONNumber("0.\(zeros)1").decimalParts)
    let large = try #require(JSONNumber("1\(zeros).\(zeros)").decimalParts)
    #expect(small.digits == "1" && small.fractionDigits == (1 << 20) + 1)
    #expect(large.digits == "1" + zeros && large.fractionDigits == 0)
  }
}
