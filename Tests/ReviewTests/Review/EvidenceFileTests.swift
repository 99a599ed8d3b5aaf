import Findings
import Foundation
import Report
import Testing

/// `case-study/EVIDENCE.json` holds every figure the bench measured; `case-study/EVIDENCE.md` is its rendering, and
/// its robustness figures are what a run gives now. With `REVIEW_RECORD=1` in the environment each check rewrites
/// its file and fails, so a recording run is never mistaken for a passing one; the two run one after the other so
/// that recording both leaves the files consistent.
@Suite("The committed evidence is current", .serialized)
struct EvidenceFileTests {
  @Test func evidenceFileIsTheRenderingOfTheFigures() throws {
    let figures = try #require(try Evidence.committedFigures(packageRoot), "\(Evidence.figuresPath) is missing")
    if Self.recording {
      try Evidence.record(EvidenceFigures(), to: Self.figuresFile)
      Issue.record("recorded \(Evidence.markdownPath); run again without REVIEW_RECORD")
      return
    }
    let committed = try? String(
      contentsOf: packageRoot.appendingPathComponent(Evidence.markdownPath), encoding: .utf8)
    if let stale = GoldenFile.staleness(
      of: Evidence.markdownPath, committed: committed, fresh: EvidenceFile.markdown(figures))
    {
      Issue.record(
        Comment(rawValue: stale + "\nrender it again with: REVIEW_RECORD=1 swift test --filter EvidenceFileTests"))
    }
  }

  @Test func committedRobustnessFiguresMatchAFreshRun() async throws {
    let fresh = EvidenceFigures.Robustness(try await SharedRobustnessRuns.figures)
    if Self.recording {
      try Evidence.record(EvidenceFigures(robustness: fresh), to: Self.figuresFile)
      Issue.record("recorded the robustness figures in \(Evidence.figuresPath); run again without REVIEW_RECORD")
      return
    }
    let committed = try #require(try Evidence.committedFigures(packageRoot)?.robustness)
    if let stale = GoldenFile.staleness(
      of: "\(Evidence.figuresPath) (robustness)", committed: try Self.json(committed), fresh: try Self.json(fresh))
    {
      Issue.record(
        Comment(
          rawValue: stale + "\nregenerate with: swift run -c release bench --output \(Evidence.figuresPath)"
            + " (or run the tests once with REVIEW_RECORD=1)"))
    }
  }

  @Test func figuresFileIsWhatTheEncoderWrites() throws {
    let text = try String(contentsOf: Self.figuresFile, encoding: .utf8)
    #expect(try EvidenceFigures(json: text).json() == text, "\(Evidence.figuresPath) was edited by hand")
  }

  static var recording: Bool { ProcessInfo.processInfo.environment["REVIEW_RECORD"] != nil }

  static var figuresFile: URL { packageRoot.appendingPathComponent(Evidence.figuresPath) }

  /// One section as the figures file spells it, so a difference shows as changed lines.
  static func json(_ robustness: EvidenceFigures.Robustness) throws -> String {
    String(decoding: try EvidenceFigures.encoder().encode(robustness), as: UTF8.self)
  }
}
