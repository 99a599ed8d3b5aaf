import Findings
import RequestLayer
import Store
import Submissions
import Testing

@Suite("Replaying a script of requests against every implementation")
struct ReplayTests {
  @Test func readsAScriptLineWithDefaults() throws {
    let request = try ScriptedRequest(line: #"{"body": "{}", "as": 1}"#, number: 1)
    #expect(request == ScriptedRequest(body: "{}", companyID: 1))
  }

  @Test(
    "Names the line and the problem of a bad script line",
    arguments: [
      ("not json", "line 3: not JSON"), ("[1]", "line 3: a request must be a JSON object"),
      (#"{"as": "1"}"#, "line 3: \"as\" must be a company id or null"),
      (#"{"bodyy": ""}"#, "line 3: unknown field \"bodyy\""),
    ])
  func namesTheLine(_ line: String, _ message: String) {
    let error = #expect(throws: ScriptError.self) { try ScriptedRequest(line: line, number: 3) }
    #expect(error?.description.hasPrefix(message) == true, "\(String(describing: error))")
  }

  @Test func partialWriteLeavesAnOrphanOnTheOriginalAndNothingOnTheFix() throws {
    let withoutQuantity = ProductBody.json(["initial_quantity": nil])
    let script = [ScriptedRequest(body: withoutQuantity, companyID: 1)]
    let exchanges = try Replay.run(script, against: [Registry.original, Registry.fixed], fixture: .demo)
    let original = try #require(exchanges.first { $0.implementation == "original" })
    let fixed = try #require(exchanges.first { $0.implementation == "fixed" })
    #expect(original.response.status == 500)
    #expect(original.snapshot.rows("products").count == 1)
    #expect(original.snapshot.rows("inventory").isEmpty, "the original's product has no stock row")
    #expect(fixed.response.status == 201)
    #expect(fixed.snapshot.rows("inventory").first?["quantity"] == .int(0))
  }

  @Test func laterRequestsSeeEarlierOnes() throws {
    let script = Array(repeating: ScriptedRequest(body: ProductBody.json(), companyID: 1), count: 2)
    let statuses = try Replay.run(script, against: [Registry.original, Registry.fixed], fixture: .demo)
      .map { "\($0.implementation) \($0.index): \($0.response.status)" }
    #expect(statuses == ["original 1: 200", "original 2: 200", "fixed 1: 201", "fixed 2: 409"])
  }

  @Test func rendersTimestampsInUTC() {
    #expect(Timestamp.iso8601(Request.defaultTime) == "2026-01-15T12:00:00Z")
    #expect(Timestamp.iso8601(0) == "1970-01-01T00:00:00Z")
    #expect(Timestamp.iso8601(951_782_400) == "2000-02-29T00:00:00Z")
  }
}
