import Foundation
import Testing

/// `case-study/FINDINGS.md` is the report as the code generates it now.
@Suite("The committed findings report is current")
struct FindingsFileTests {
  @Test func committedReportMatchesAFreshRun() throws {
    let committed = try String(
      contentsOf: packageRoot.appendingPathComponent("case-study/FINDINGS.md"), encoding: .utf8)
    let fresh = review("report").output
    #expect(
      committed == fresh,
      "case-study/FINDINGS.md is stale; regenerate it with: swift run review report --output case-study/FINDINGS.md")
  }

  @Test func reportIsTheSameOnEveryRun() {
    #expect(review("report").output == review("report").output)
    #expect(review("report", "--format", "json").output == review("report", "--format", "json").output)
  }
}
