import Findings
import Report
import RequestLayer
import Store
import Testing

/// Every JSON output goes through one encoder (`ReportJSON`): a step has one shape wherever it appears.
@Suite("One JSON serialization")
struct JSONValueEncoderTests {
  @Test func aStepHasEveryKeyInSnakeCaseAbsentValuesNull() {
    let step = Step(action: "note")
    #expect(
      ReportJSON.text(step, pretty: false)
        == #"{"action":"note","request_body":null,"response_body":null,"response_headers":{},"#
        + #""status":null,"store_changes":[],"uncaught_error":null}"#)
  }

  @Test func dictionaryKeysStayAsWrittenAndNumbersStayExact() {
    let step = Step(
      action: "POST", status: 201, responseHeaders: ["Content-Type": "application/json", "Retry-After": "1"])
    let json = ReportJSON.value(step)
    guard case .object(let object) = json, case .object(let headers)? = object["response_headers"] else {
      Issue.record("not an object: \(json)")
      return
    }
    #expect(headers.keys.sorted() == ["Content-Type", "Retry-After"])
    #expect(ReportJSON.value(["price": JSONValue.number("19.990")]).encoded() == #"{"price":19.990}"#)
  }

  @Test func stringsEscapeOnlyQuotesBackslashesAndControlCharacters() throws {
    let text = "say \"hi\" \\ é 🧪\n\r\t\u{8}\u{C}\u{1}\u{1F}/"
    #expect(text.jsonQuoted == #""say \"hi\" \\ é 🧪\n\r\t\b\f\u0001\u001f/""#)
    #expect(try JSONParser.parse(Array(text.jsonQuoted.utf8)) == .string(text))
    #expect("plain café".jsonQuoted == "\"plain café\"")
  }

  @Test func verdictWordsAreTheMarkdownWords() {
    let observation = Observation(verdict: .notApplicable, summary: "has no endpoint.", steps: [])
    #expect(
      ReportJSON.text(observation, pretty: false)
        == #"{"steps":[],"summary":"has no endpoint.","verdict":"not applicable"}"#)
  }

  @Test(arguments: [
    ("requestBody", "request_body"), ("companyID", "company_id"), ("myURLPath", "my_url_path"), ("as", "as"),
    ("sku2Name", "sku2_name"),
  ])
  func snakeCase(_ declared: String, _ written: String) {
    #expect(JSONValueEncoder.snakeCase(declared) == written)
  }
}
