import Foundation
import RequestLayer
import Testing

/// What Foundation does with JSON numbers on this toolchain, pinned, next to what `JSONNumber` does instead.
///
/// Observed: `JSONSerialization` reads `19.99` as a binary double whose `decimalValue` is 19.98999999999999488;
/// it refuses `1e309` and `NaN`, which Python's `json.loads` (and so Flask) accepts; and both it and `JSONDecoder`
/// keep only 38 significant digits of a long literal, silently. `JSONDecoder` decoding `Decimal` reads `19.99`
/// exactly. The harness parses bodies itself and keeps each literal's text, so it can model Flask and read an exact
/// decimal price.
@Suite("Foundation's JSON numbers against JSONNumber")
struct FoundationJSONNumberTests {
  private func serialized(_ text: String) throws -> NSNumber {
    try #require(JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) as? NSNumber)
  }

  @Test func serializationReadsAPriceThroughABinaryDouble() throws {
    #expect(try serialized("19.99").decimalValue != Decimal(string: "19.99")!)
    #expect(try serialized("19.99").decimalValue.description == "19.98999999999999488")
    #expect(JSONNumber("19.99").exactDecimal?.value == Decimal(string: "19.99")!)
  }

  @Test func decoderReadsADecimalPriceExactly() throws {
    #expect(try JSONDecoder().decode(Decimal.self, from: Data("19.99".utf8)) == Decimal(string: "19.99")!)
    #expect(try JSONDecoder().decode(Decimal.self, from: Data("0.1".utf8)) == Decimal(string: "0.1")!)
  }

  @Test func exponentFormsReadAsOneHundred() throws {
    #expect(try serialized("1e2").doubleValue == 100)
    #expect(JSONNumber("1e2").exactDecimal?.description == "100")
    #expect(JSONNumber("1e2").isIntegerLiteral == false, "Python reads 1e2 as the float 100.0")
  }

  @Test func foundationRefusesWhatPythonAccepts() throws {
    #expect(throws: (any Error).self) { try serialized("1e309") }
    #expect(throws: (any Error).self) { try serialized("NaN") }
    #expect(try JSONParser.parse("1e309") == .number(JSONNumber("1e309")))
    #expect(JSONNumber("1e309").double == .infinity, "Python's float('1e309') is inf")
    #expect(JSONNumber("NaN").double.isNaN)
  }

  @Test func foundationTruncatesLongLiteralsSilently() throws {
    let sixty = String(repeating: "1234567890", count: 6)
    let decoded = try JSONDecoder().decode(Decimal.self, from: Data(sixty.utf8))
    #expect(decoded.description != sixty)
    #expect(decoded.description.hasSuffix("000000000000000000000"))
    #expect(JSONNumber(sixty).exactDecimal?.description == sixty)
  }

  @Test func thirtyDigitFractionsStayExact() {
    let literal = "0.1000000000000000055511151231257827"
    #expect(JSONNumber(literal).exactDecimal?.description == literal)
    #expect(JSONNumber(literal).exactDecimal?.fractionDigits == 34)
  }
}
