import Foundation
import RequestLayer
import Testing

#if os(Linux)
  private let observedPlatform = true
#else
  private let observedPlatform = false
#endif

/// What Foundation does with JSON numbers on this Linux toolchain (Swift 6.3.1: `JSONSerialization` from
/// swift-corelibs-foundation, `JSONDecoder` from swift-foundation), pinned, next to what `JSONNumber` does instead.
///
/// Observed:
/// - `JSONSerialization` reads a short decimal such as `19.99` as an `NSNumber` holding a binary double; its
///   `decimalValue` is 19.98999999999999488, neither 19.99 nor the double's exact value. `0.1` happens to print
///   back as 0.1.
/// - From about 16 digits on, `JSONSerialization` switches to `NSDecimalNumber`, whose `doubleValue` is not
///   correctly rounded: `0.1000000000000000055511151231257827` gives 0.10000000000000005 (Python's `float()`
///   gives 0.1), `0.30000000000000004` gives 0.3000000000000001.
/// - Both `JSONSerialization` and `JSONDecoder` keep 39 significant digits of a long literal and silently replace
///   the rest with zeros; 30 and 34 digits survive.
/// - `JSONDecoder` decoding `Decimal` does not go through `Double`: `19.99` and `0.1` are exact.
/// - `1e309` and `NaN`, which Python accepts (as `inf` and `nan`), make both throw, `JSONDecoder` even with a
///   non-conforming float strategy; `1.5e-400` is 0.0 for `JSONSerialization` (as in Python) but throws in
///   `JSONDecoder`.
/// - `1e2` is a double 100.0, as Python's float. An integer literal becomes an exact `Int64` `NSNumber`, but its
///   `decimalValue` goes through `Double` (9007199254740993 reads as 9007199254740992).
///
/// `JSONNumber` keeps each literal's text, so its `decimalParts` are exact at any length and its `double` is the
/// correctly rounded `float()` that Python computes; the parser accepts `1e309` and `NaN` as Python does.
@Suite(
  "Foundation's JSON numbers against JSONNumber",
  .enabled(if: observedPlatform, "pins Foundation as observed on Linux; Darwin's Foundation differs"))
struct FoundationJSONNumberTests {
  private func serialized(_ text: String) throws -> NSNumber {
    try #require(JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) as? NSNumber)
  }

  private func decoded<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
    try JSONDecoder().decode(type, from: Data(text.utf8))
  }

  private func exact(_ text: String) -> Decimal { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))! }

  @Test func serializationReadsAPriceAsABinaryDoubleWhoseDecimalValueIsNotTheLiteral() throws {
    let price = try serialized("19.99")
    #expect(String(cString: price.objCType) == "d")
    #expect(!(price is NSDecimalNumber))
    #expect(price.decimalValue != exact("19.99"))
    #expect(price.decimalValue.description == "19.98999999999999488")
    #expect(String(format: "%.24f", price.doubleValue) == "19.989999999999998436805981")
    let parts = try #require(JSONNumber("19.99").decimalParts)
    #expect(parts == (false, "1999", 2))
    #expect(JSONNumber("19.99").exactDecimal?.value == exact("19.99"))
  }

  @Test func serializationReadsPointOneAsADoubleThatPrintsBackAsPointOne() throws {
    let tenth = try serialized("0.1")
    #expect(String(cString: tenth.objCType) == "d")
    #expect(tenth.decimalValue == exact("0.1"))
    #expect(String(format: "%.20f", tenth.doubleValue) == "0.10000000000000000555")
    let parts = try #require(JSONNumber("0.1").decimalParts)
    #expect(parts == (false, "1", 1))
  }

  @Test func foundationDecodesDecimalWithoutGoingThroughDouble() throws {
    #expect(try decoded(Decimal.self, "19.99") == exact("19.99"))
    #expect(try decoded(Decimal.self, "0.1") == exact("0.1"))
    #expect(try decoded(Decimal.self, "9007199254740993") == exact("9007199254740993"))
    #expect(try decoded(Double.self, "19.99") == 19.99, "the nearest double, as Python's float")
  }

  @Test func foundationReadsTheExponentFormAsTheDoubleOneHundred() throws {
    let hundred = try serialized("1e2")
    #expect(String(cString: hundred.objCType) == "d" && hundred.doubleValue == 100)
    #expect(try decoded(Decimal.self, "1e2") == 100)
    #expect(JSONNumber("1e2").isIntegerLiteral == false, "Python reads 1e2 as the float 100.0")
    #expect(JSONValue.number("1e2").pythonTypeName == "float")
    let parts = try #require(JSONNumber("1e2").decimalParts)
    #expect(parts == (false, "100", 0))
  }

  @Test func foundationRefusesOutOfRangeAndNaNLiteralsThatPythonAccepts() throws {
    for literal in ["1e309", "-1e309", "1E400", "NaN"] {
      #expect(throws: (any Error).self, "JSONSerialization \(literal)") { try serialized(literal) }
      #expect(throws: DecodingError.self, "JSONDecoder Double \(literal)") { try decoded(Double.self, literal) }
      #expect(throws: DecodingError.self, "JSONDecoder Decimal \(literal)") { try decoded(Decimal.self, literal) }
    }
    let lenient = JSONDecoder()
    lenient.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
    #expect(throws: DecodingError.self) { try lenient.decode(Double.self, from: Data("NaN".utf8)) }

    #expect(try JSONParser.parse("[1e309, NaN]") == [.number("1e309"), .number("NaN")])
    #expect(JSONNumber("1e309").double == .infinity, "Python's float('1e309') is inf")
    #expect(JSONNumber("NaN").double.isNaN)
    #expect(JSONNumber("NaN").decimalParts == nil)
    let parts = try #require(JSONNumber("1e309").decimalParts)
    #expect(parts == (false, "1" + String(repeating: "0", count: 309), 0))
  }

  @Test func serializationUnderflowsToZeroButTheDecoderThrows() throws {
    #expect(try serialized("1.5e-400").doubleValue == 0)
    #expect(throws: DecodingError.self) { try decoded(Double.self, "1.5e-400") }
    #expect(JSONNumber("1.5e-400").double == 0, "Python's float('1.5e-400') is 0.0")
    let parts = try #require(JSONNumber("1.5e-400").decimalParts)
    #expect(parts == (false, "15", 401))
  }

  @Test func thirtyDigitIntegersSurviveAsDecimalsButNotAsDoubles() throws {
    let thirty = "123456789012345678901234567890"
    let number = try serialized(thirty)
    #expect(number is NSDecimalNumber)
    #expect(number.decimalValue == exact(thirty))
    #expect(try decoded(Decimal.self, thirty) == exact(thirty))
    #expect(try Decimal(decoded(Double.self, thirty)).description == "123456789012345692160000000000")
    #expect(JSONNumber(thirty).int == nil, "beyond Int64; Python's int is exact")
    let parts = try #require(JSONNumber(thirty).decimalParts)
    #expect(parts == (false, thirty, 0))
  }

  @Test func foundationKeepsThirtyNineDigitsOfALongLiteralAndZeroesTheRest() throws {
    let sixty = String(repeating: "1234567890", count: 6)
    let kept = String(sixty.prefix(39)) + String(repeating: "0", count: 21)
    #expect(try serialized(sixty).decimalValue.description == kept)
    #expect(try decoded(Decimal.self, sixty).description == kept)
    let parts = try #require(JSONNumber(sixty).decimalParts)
    #expect(parts == (false, sixty, 0))
    #expect(JSONNumber(sixty).exactDecimal?.description == sixty)
  }

  @Test func serializationMisroundsTheDoubleOfALongDecimalThatPythonRoundsCorrectly() throws {
    let literal = "0.1000000000000000055511151231257827"
    let number = try serialized(literal)
    #expect(number is NSDecimalNumber)
    #expect(number.decimalValue == exact(literal), "34 digits are kept exactly")
    #expect(number.doubleValue == 0.10000000000000005)
    #expect(number.doubleValue != 0.1)
    #expect(try decoded(Double.self, literal) == 0.1, "JSONDecoder rounds correctly")
    #expect(try decoded(Decimal.self, literal) == exact(literal))
    #expect(try serialized("0.30000000000000004").doubleValue == 0.3000000000000001)
    #expect(JSONNumber(literal).double == 0.1, "Python's float() of the literal is 0.1")
    #expect(JSONNumber("0.30000000000000004").double == 0.30000000000000004)
    let parts = try #require(JSONNumber(literal).decimalParts)
    #expect(parts == (false, "1000000000000000055511151231257827", 34))
  }

  @Test func serializationReadsIntegersExactlyButTheirDecimalValueGoesThroughDouble() throws {
    let number = try serialized("9007199254740993")
    #expect(String(cString: number.objCType) == "q")
    #expect(number.int64Value == 9_007_199_254_740_993)
    #expect(number.decimalValue == exact("9007199254740992"))
    #expect(JSONNumber("9007199254740993").int == 9_007_199_254_740_993)
  }
}
