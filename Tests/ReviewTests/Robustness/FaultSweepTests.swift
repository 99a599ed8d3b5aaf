import Findings
import Submissions
import Testing

/// Every statement of the fix's transaction, made to fail in turn: the client is told the operation failed and
/// may be retried, and the store is exactly as before. The same sweep over the original shows its orphans.
@Suite("Injected faults at every statement")
struct FaultSweepTests {
  @Test func fixFailsCleanlyAtEveryStatement() async throws {
    let sweep = try await SharedRobustnessRuns.sweepFixed.value
    #expect(
      sweep.outcomes.map(\.statement) == [
        .select(table: "warehouses"), .select(table: "products"), .insert(table: "products"),
        .insert(table: "inventory"), .insert(table: "inventory_changes"), .commit,
      ], "the sweep covers every statement the fix sends, and none after its commit")
    for outcome in sweep.outcomes {
      #expect(
        outcome.isCleanRetryableFailure,
        "failing \(outcome.statement): answered \(outcome.response.brief), kept \(outcome.changes.map(\.description))")
    }
  }

  @Test func originalLeavesAnOrphanWhenItsSecondTransactionFails() async throws {
    let sweep = try await SharedRobustnessRuns.sweepOriginal.value
    let orphaning = sweep.outcomes.filter(\.leftOrphan).map(\.statement.description)
    withKnownIssue("the original keeps its first commit when a later statement fails: \(orphaning)") {
      #expect(orphaning.isEmpty)
    }
  }
}
