import Findings
import Foundation
import Report
import Testing

/// `case-study/FINDINGS.md` and every `case-study/findings/<id>.md` are what the code generates now. With
/// `REVIEW_RECORD=1` in the environment each test rewrites its file and fails, so a recording run is never mistaken
/// for a passing one; a stale file fails with a line diff of what changed.
@Suite("The committed report and finding pages are current")
struct FindingsFileTests {
  @Test func committedReportMatchesAFreshRun() throws {
    try Self.check("case-study/FINDINGS.md", fresh: MarkdownReport.render(SharedReviewRun.run))
  }

  @Test(arguments: Catalog.all.map(\.id))
  func committedFindingPageMatchesAFreshRun(_ id: String) throws {
    let finding = try #require(Catalog.finding(id))
    try Self.check(FindingPage.path(finding), fresh: FindingPage.render(finding, SharedReviewRun.run))
  }

  @Test func everyPageBelongsToACataloguedFinding() throws {
    let folder = packageRoot.appendingPathComponent(FindingPage.folder)
    let pages = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }
    #expect(pages.sorted() == Catalog.all.map { "\($0.id).md" }.sorted())
  }

  @Test func reportFitsOnOnePage() {
    let lines = MarkdownReport.render(SharedReviewRun.run).split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count < 150)
  }

  @Test func aStalePageFailsWithTheLinesThatChanged() throws {
    let finding = try #require(Catalog.finding("float-price"))
    let fresh = FindingPage.render(finding, SharedReviewRun.run)
    let stale = fresh.replacingOccurrences(of: "## Fix", with: "## The fix")
    let message = try #require(GoldenFile.staleness(of: "page.md", committed: stale, fresh: fresh))
    #expect(message.contains("\n-## The fix\n+## Fix\n"))
    #expect(message.hasPrefix("page.md is stale"))
    #expect(GoldenFile.staleness(of: "page.md", committed: fresh, fresh: fresh) == nil)
  }

  @Test func reportIsTheSameOnEveryRun() {
    #expect(review("report").output == review("report").output)
    #expect(review("report", "--format", "json").output == review("report", "--format", "json").output)
  }

  /// Compares the committed `path` with `fresh`, or records it when `REVIEW_RECORD` is set.
  static func check(_ path: String, fresh: String) throws {
    let file = packageRoot.appendingPathComponent(path)
    if ProcessInfo.processInfo.environment["REVIEW_RECORD"] != nil {
      try FileManager.default.createDirectory(
        at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try fresh.write(to: file, atomically: true, encoding: .utf8)
      Issue.record("recorded \(path); run again without REVIEW_RECORD")
      return
    }
    let committed = try? String(contentsOf: file, encoding: .utf8)
    if let stale = GoldenFile.staleness(of: path, committed: committed, fresh: fresh) {
      Issue.record(
        Comment(
          rawValue: stale
            + "\nregenerate with: swift run review report --output case-study/FINDINGS.md --pages \(FindingPage.folder)"
            + " (or run the tests once with REVIEW_RECORD=1)"))
    }
  }
}
