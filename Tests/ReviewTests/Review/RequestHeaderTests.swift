import Foundation
import Testing

/// `review try --header` and a replay line's `headers`: request headers reach the implementations.
@Suite("review try and review replay send request headers")
struct RequestHeaderTests {
  private let widget = #"{"name":"Widget","sku":"W-1","price":19.99,"warehouse_id":1}"#

  @Test func replayingOneIdempotencyKeyThreeTimesLeavesOneProductWithOneID() throws {
    let line =
      #"{"body": "{\"name\":\"Widget\",\"sku\":\"W-1\",\"price\":19.99,\"warehouse_id\":1}", "as": 1, "#
      + #""headers": {"Idempotency-Key": "retry-1"}}"#
    let result = review("replay", "--to", "fixed", "-", input: [line, line, line].joined(separator: "\n"))
    #expect(result.exitCode == 0)
    let lines = try result.output.split(separator: "\n").map {
      try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
    #expect(lines.map { $0["status"] as? Int } == [201, 201, 201])
    #expect(Set(lines.compactMap { $0["body"] as? String }).count == 1)
    let products = (lines.last?["tables"] as? [String: [[String: Any]]])?["products"]
    #expect(products?.count == 1)
  }

  @Test func tryHeaderReachesTheHandlerAndIsEchoed() {
    let result = review("try", "--to", "fixed", "--header", "Idempotency-Key: k1", widget)
    #expect(result.exitCode == 0)
    #expect(result.output.contains("Content-Type: application/json, Idempotency-Key: k1"))
    #expect(result.output.contains(#"+ idempotency_keys #1 {company_id: 1"#))
  }

  @Test func tryRefusesAHeaderWithoutAColon() {
    let result = review("try", "--header", "Idempotency-Key", widget)
    #expect(result.exitCode == 2)
    #expect(result.errors.contains("--header takes NAME:VALUE, not Idempotency-Key"))
  }

  @Test func replayRefusesAHeaderThatIsNotAString() {
    let result = review("replay", "-", input: #"{"body": "{}", "headers": {"Idempotency-Key": 1}}"#)
    #expect(result.exitCode != 0)
    #expect(result.errors.contains(#"line 1: header "Idempotency-Key" must be a string"#))
  }
}
