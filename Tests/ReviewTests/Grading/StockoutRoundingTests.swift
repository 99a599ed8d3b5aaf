import Findings
import RequestLayer
import Testing

/// Days until stockout from real sales may be rounded either way (or not at all): 10 in stock selling 3 a day is 3
/// days, 3.33 or 4. Only a figure the sales cannot give, such as the placeholder's 5, is the defect.
@Suite("Rounding days until stockout")
struct StockoutRoundingTests {
  /// The verdict on an alerts endpoint whose one alert says `days` days are left.
  func verdict(_ days: JSONValue) -> Observation.Verdict {
    let answering = SilentAlertsTests.answering("stockout-\(days.encoded())") { _ in
      .json(
        ["alerts": .array([.object(JSONObject([("days_until_stockout", days)]))]), "total_alerts": .integer(1)],
        status: 200)
    }
    return Catalog.finding("alerts-fake-sales-rate")!.probe.run(against: answering).verdict
  }

  @Test("Rounded down, rounded up or unrounded: each comes from the sales", arguments: ["3", "4", "3.33"])
  func fromTheSales(_ days: String) throws {
    #expect(verdict(try JSONParser.parse(days)) == .absent)
  }

  @Test("The placeholder's figure, or none, is the defect", arguments: ["5", "null", "\"3\""])
  func notFromTheSales(_ days: String) throws {
    #expect(verdict(try JSONParser.parse(days)) == .reproduced)
  }
}
