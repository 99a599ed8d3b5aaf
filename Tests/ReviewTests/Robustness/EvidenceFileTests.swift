import Findings
import Report
import Submissions
import Testing

/// The robustness figures in `case-study/EVIDENCE.md` (quoted by the report and README) are what a run gives now.
@Suite("The committed evidence file is current")
struct EvidenceFileTests {
  @Test func robustnessFiguresMatchAFreshRun() async throws {
    var fresh = try await SharedRobustnessRuns.figures.markdown
    while fresh.hasSuffix("\n") { fresh.removeLast() }
    #expect(
      try Evidence.committedRobustness(packageRoot) == fresh,
      "case-study/EVIDENCE.md is stale; regenerate it with: swift run -c release bench --output case-study/EVIDENCE.md")
  }
}
