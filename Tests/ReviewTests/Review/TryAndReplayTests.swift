import Foundation
import Testing

@Suite("review try and review replay: live requests against every implementation")
struct TryAndReplayTests {
  private let widget = #"{"name":"Widget","sku":"W-1","price":19.99,"warehouse_id":1}"#

  @Test func tryShowsEachImplementationsAnswerAndStoreChanges() {
    let result = review("try", widget)
    #expect(result.exitCode == 0)
    #expect(result.output.contains("== original: 500"))
    #expect(result.output.contains("raised:  KeyError: 'initial_quantity'"))
    #expect(result.output.contains("+ products #1"))
    #expect(result.output.contains("== fixed: 201"))
    #expect(result.output.contains("Location: /api/products/1"))
  }

  @Test func tryAsJSONCarriesStatusesAndChanges() throws {
    let result = review("try", "--format", "json", "--to", "fixed", "--as", "none", widget)
    let document = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    let results = try #require(document["results"] as? [[String: Any]])
    #expect(results.count == 1)
    #expect(results[0]["status"] as? Int == 401)
    #expect((results[0]["changes"] as? [Any])?.isEmpty == true)
  }

  @Test func tryReadsTheBodyFromStandardInput() {
    let result = review("try", "--to", "original", "-", input: "null")
    #expect(result.output.contains("raised:  TypeError: 'NoneType' object is not subscriptable"))
  }

  @Test func tryRefusesAnUnknownImplementation() {
    let result = review("try", "--to", "nobody", widget)
    #expect(result.exitCode == 2)
    #expect(result.errors.contains("unknown implementation nobody; registered: original, fixed, candidate"))
  }

  @Test func replayShowsTheOrphanOnTheOriginalAndNothingOnTheFix() throws {
    let script = [
      #"{"body": "{\"name\":\"Widget\",\"sku\":\"W-1\",\"price\":19.99,\"warehouse_id\":1}", "as": 1}"#,
      #"{"body": "{\"name\":\"Widget\",\"sku\":\"W-1\",\"price\":19.99,\"warehouse_id\":1,\"initial_quantity\":0}", "as": 1}"#,
    ].joined(separator: "\n")
    let result = review("replay", "--to", "original", "--to", "fixed", "-", input: script)
    #expect(result.exitCode == 0)
    let lines = try result.output.split(separator: "\n").map {
      try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
    #expect(lines.count == 4)
    func tables(_ line: [String: Any]) -> [String: [[String: Any]]] {
      line["tables"] as? [String: [[String: Any]]] ?? [:]
    }
    #expect(lines[0]["implementation"] as? String == "original" && lines[0]["status"] as? Int == 500)
    #expect(tables(lines[0])["products"]?.count == 1 && tables(lines[0])["inventory"]?.isEmpty == true)
    #expect(lines[1]["status"] as? Int == 200 && tables(lines[1])["products"]?.count == 2, "the retry duplicates")
    #expect(lines[2]["implementation"] as? String == "fixed" && lines[2]["status"] as? Int == 201)
    #expect(tables(lines[2])["inventory"]?.first?["quantity"] as? Int == 0)
    #expect(lines[3]["status"] as? Int == 409 && tables(lines[3])["products"]?.count == 1)
  }

  @Test func replayRunsTheAlertsEndpointToo() throws {
    let line = #"{"method": "GET", "path": "/api/companies/1/alerts/low-stock", "query": {"days": "0"}, "as": 1}"#
    let result = review("replay", "--to", "candidate", "--to", "fixed", "-", input: line)
    let statuses = try result.output.split(separator: "\n").map {
      try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])["status"] as? Int
    }
    #expect(statuses == [200, 400], "the sketch ignores the bad window; the fix names it")
  }

  @Test func replayNamesTheBadLine() {
    let result = review("replay", "-", input: "{\"body\": \"{}\"}\nnot json\n")
    #expect(result.exitCode == 2)
    #expect(result.errors.contains("-: line 2: not JSON"))
  }

  @Test func replayNamesAnUnreadableFile() {
    let result = review("replay", "no/such/file.jsonl")
    #expect(result.exitCode == 2)
    #expect(result.errors.contains("cannot read no/such/file.jsonl"))
  }

  @Test func fixturePrintsJSONThatLoadsBack() throws {
    let printed = review("fixture").output
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("fixture-\(UUID().uuidString).json")
    try printed.write(to: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: path) }
    #expect(review("fixture", "--fixture", path.path).output == printed)
    #expect(printed.contains("\"company_id\": 2"))
  }
}
