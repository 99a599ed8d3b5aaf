import RequestLayer
import Testing

@Suite("JSONParser reads what Python's json.loads reads")
struct JSONParserTests {
  @Test(
    "Accepts",
    arguments: [
      ("{\"a\": [1, 2.5, -0, 1e2, true, false, null]}", "{\"a\":[1,2.5,-0,1e2,true,false,null]}"),
      (" \t\n\"x\"\r\n", "\"x\""),
      ("NaN", "NaN"), ("-Infinity", "-Infinity"), ("[Infinity]", "[Infinity]"),
      ("\"\\u00e9\\n\\ud83d\\ude00\"", "\"é\\n😀\""),
      ("\"\\ud800\"", "\"\u{FFFD}\""),
      ("{}", "{}"), ("[]", "[]"), ("0", "0"), ("-0.0e-0", "-0.0e-0"),
    ])
  func accepts(_ text: String, _ encoded: String) throws {
    #expect(try JSONParser.parse(text).encoded() == encoded)
  }

  @Test(
    "Refuses",
    arguments: [
      ("", JSONParseError.Kind.empty), ("01", .trailingData), ("+1", .unexpectedCharacter),
      (".5", .unexpectedCharacter),
      ("1.", .invalidNumber), ("[1,]", .unexpectedCharacter), ("{\"a\":1,}", .unexpectedCharacter),
      ("\"a\u{1}\"", .invalidString), ("{\"a\" 1}", .unexpectedCharacter), ("[1", .unexpectedEnd),
      ("nul", .unexpectedEnd), ("\"\\x\"", .invalidString), ("{} {}", .trailingData), ("'a'", .unexpectedCharacter),
    ])
  func refuses(_ text: String, _ kind: JSONParseError.Kind) {
    let error = #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
    #expect(error?.kind == kind)
  }

  @Test func refusesInvalidUTF8() {
    let error = #expect(throws: JSONParseError.self) { try JSONParser.parse([0x22, 0xFF, 0x22]) }
    #expect(error?.kind == .invalidUTF8)
  }

  @Test func keepsTheLastOfDuplicatedKeysAndReportsThem() throws {
    guard case .object(let object) = try JSONParser.parse("{\"a\": 1, \"b\": 2, \"a\": 3}") else {
      Issue.record("expected an object")
      return
    }
    #expect(object["a"] == .integer(3))
    #expect(object.keys == ["a", "b"])
    #expect(object.duplicateKeys == ["a"])
  }

  @Test func acceptsAThousandLevelsAndRefusesDeeperWithoutCrashing() throws {
    let nested = { (depth: Int) in String(repeating: "[", count: depth) + String(repeating: "]", count: depth) }
    _ = try JSONParser.parse(nested(1000))
    #expect(throws: JSONParseError(kind: .tooDeep, offset: 1000)) { try JSONParser.parse(nested(1001)) }
    let error = #expect(throws: JSONParseError.self) { try JSONParser.parse(String(repeating: "[", count: 100_000)) }
    #expect(error?.kind == .tooDeep)
  }

  @Test func parsesAOneMegabyteString() throws {
    let long = String(repeating: "x", count: 1 << 20)
    #expect(try JSONParser.parse("\"\(long)\"") == .string(long))
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

  @Test func refusesNonFiniteAndAbsurdExponentsAsDecimals() {
    #expect(JSONNumber("NaN").exactDecimal == nil)
    #expect(JSONNumber("1e999999999").exactDecimal == nil)
  }
}
