import Foundation
import Report
import Testing

/// README shows real output: its quoted report rows and its `review try` example are what the code prints now, and
/// its quoted evidence rows are what the committed figures render to.
@Suite("README quotes real output")
struct ReadmeTests {
  private let readme = (try? String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""

  @Test func quotedScoreboardRowsAreInTheReport() {
    let report = review("report").output
    let rows = readme.components(separatedBy: "\n").filter { $0.hasPrefix("| [`") }
    #expect(!rows.isEmpty)
    for row in rows { #expect(report.contains(row), "README quotes a scoreboard row the report no longer has: \(row)") }
  }

  @Test func quotedEvidenceRowsAreRenderedFromTheCommittedFigures() throws {
    let figures = try #require(try Evidence.committedFigures(packageRoot))
    let rendered = Set(EvidenceFile.markdown(figures).components(separatedBy: "\n"))
    let section = readme.components(separatedBy: "\n## ").first { $0.hasPrefix("Evidence that the fix holds") } ?? ""
    let lines = section.components(separatedBy: "\n")
    let rows = lines.filter { $0.hasPrefix("| ") && !$0.hasPrefix("|---") }
    let ratios = lines.filter { $0.hasSuffix("times faster (sketch time / fix time).") }
    #expect(rows.count >= 10)
    #expect(ratios.count == 2)
    for quoted in rows + ratios {
      #expect(rendered.contains(quoted), "README quotes a line that \(Evidence.figuresPath) no longer gives: \(quoted)")
    }
  }

  @Test func replayExampleIsWhatReplayPrints() throws {
    let marker = "$ echo '"
    let start = try #require(readme.range(of: marker))
    let lineEnd = try #require(readme[start.upperBound...].range(of: "' \\\n"))
    let script = String(readme[start.upperBound..<lineEnd.lowerBound])
    let block = readme[lineEnd.upperBound...]
    let command = try #require(block.range(of: "\n"))
    let quoted = String(block[command.upperBound..<block.range(of: "```")!.lowerBound])
    let output = review("replay", "--to", "fixed", "-", input: script + "\n").output
    #expect(quoted.trimmingCharacters(in: .newlines) == output.trimmingCharacters(in: .newlines))
  }

  @Test func tryExampleIsWhatTryPrints() throws {
    let marker = "$ swift run review try '"
    let start = try #require(readme.range(of: marker))
    let bodyEnd = try #require(readme[start.upperBound...].range(of: "'\n"))
    let body = String(readme[start.upperBound..<bodyEnd.lowerBound])
    let block = readme[bodyEnd.upperBound...]
    let quoted = String(block[..<block.range(of: "```")!.lowerBound])
    #expect(quoted.trimmingCharacters(in: .newlines) == review("try", body).output.trimmingCharacters(in: .newlines))
  }
}
