import Foundation
import Testing

/// `case-study/FINDINGS.md` is the report as the code generates it now. With `REVIEW_RECORD=1` in the
/// environment the test rewrites the file and fails, so a recording run is never mistaken for a passing one.
@Suite("The committed findings report is current")
struct FindingsFileTests {
  @Test func committedReportMatchesAFreshRun() throws {
    let file = packageRoot.appendingPathComponent("case-study/FINDINGS.md")
    let fresh = review("report").output
    if ProcessInfo.processInfo.environment["REVIEW_RECORD"] != nil {
      try fresh.write(to: file, atomically: true, encoding: .utf8)
      Issue.record("recorded case-study/FINDINGS.md; run again without REVIEW_RECORD")
      return
    }
    let committed = try String(contentsOf: file, encoding: .utf8)
    #expect(
      committed == fresh,
      """
      case-study/FINDINGS.md is stale; regenerate it with: swift run review report --output case-study/FINDINGS.md \
      (or run the tests once with REVIEW_RECORD=1)
      """)
  }

  @Test func reportIsTheSameOnEveryRun() {
    #expect(review("report").output == review("report").output)
    #expect(review("report", "--format", "json").output == review("report", "--format", "json").output)
  }
}
