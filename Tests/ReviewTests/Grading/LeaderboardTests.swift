import Findings
import Foundation
import Report
import RequestLayer
import Submissions
import Testing

@Suite("A leaderboard of submissions")
struct LeaderboardTests {
  struct Unloadable: Error, CustomStringConvertible {
    var description: String { "no create_app in submission.py" }
  }

  static let board = Leaderboard.grade(
    [
      ("candidate", { (Registry.candidate, { [] }) }), ("fixed", { (Registry.fixed, { [] }) }),
      ("always-503", { (DoNothingSubmissions.all[3], { ["stopped after 30 s"] }) }),
      ("no-factory", { throw Unloadable() }),
    ], with: Grader())

  @Test func ranksByScoreAndKeepsGoingPastAFailure() {
    #expect(Self.board.entries.map(\.name) == ["fixed", "candidate", "always-503", "no-factory"])
    #expect(Self.board.markdown.contains("| no-factory | 0% | not graded: no create_app in submission.py |"))
    #expect(Self.board.markdown.contains("| always-503 | 0% | broken: "))
  }

  @Test func aBaselineWithACheckNotMadeSaysSo() {
    let board = Leaderboard.grade(
      [("own-sales", { (SilentAlertsTests.withoutSales, { [] }) })], with: Grader())
    #expect(board.markdown.contains("| silent-alerts-own-sales | 70% | baseline passed, 1 check not made |"))
  }

  @Test func csvHasAHeaderAndOneRowPerSubmission() {
    let rows = Self.board.csv.split(separator: "\r\n")
    #expect(rows.count == 5)
    #expect(rows[0].hasPrefix("submission,score,status,resolved,partly resolved"))
  }

  @Test func jsonParses() throws {
    let text = ReportJSON.text(Self.board)
    let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]]
    #expect(parsed?.count == 4)
    #expect(parsed?.first?["submission"] as? String == "fixed")
  }
}
