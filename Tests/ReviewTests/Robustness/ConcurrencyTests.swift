import Findings
import Submissions
import Testing

/// A thousand concurrent creates over a hundred SKUs, through the real store and real tasks.
@Suite("Concurrent creates with colliding SKUs")
struct ConcurrencyTests {
  @Test func fixCreatesEachSKUOnceAndAnswersEveryOtherRequest409() async throws {
    let run = try await SharedRobustnessRuns.concurrencyFixed.value
    #expect(run.products == 100)
    #expect(run.inventoryRows == 100)
    #expect(run.statuses == [201: 100, 409: 900], "statuses: \(run.statuses)")
  }

  @Test func originalCreatesDuplicates() async throws {
    let run = try await SharedRobustnessRuns.concurrencyOriginal.value
    print("original under 1,000 concurrent creates of 100 SKUs: \(run.products) products, \(run.duplicates) duplicates")
    withKnownIssue("the original creates \(run.duplicates) duplicate products") {
      #expect(run.duplicates == 0)
    }
  }
}
