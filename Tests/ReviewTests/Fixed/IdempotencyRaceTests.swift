import Findings
import RequestLayer
import Submissions
import Testing

/// Two creates with one `Idempotency-Key` that race: the loser gets the winner's answer, not a 409.
@Suite("The fix's idempotency keys under a race")
struct IdempotencyRaceTests {
  @Test func theLoserOfARaceOnOneKeyReplaysTheWinnersAnswer() throws {
    let trial = try Trial(Registry.fixed)
    let request = Request.post("/api/products", body: ProductBody.json(), as: Fixture.acmeUser).with(
      header: "Idempotency-Key", "race-1")
    let race = try trial.race(request, pausedBefore: .insert(table: "products"), request)
    let second = try #require(race.second?.response)
    #expect(second.status == 201)
    #expect(race.first.response.status == 201)
    #expect(race.first.response.body == second.body)
    #expect(try trial.rows("products").count == 1)
  }
}
