import Findings
import Foundation
import ReviewCLI
import Testing

@Suite("The review command, driven through the executable's entry point")
struct ReviewCommandTests {
  @Test func printsTheMarkdownReportByDefault() {
    let result = review()
    #expect(result.exitCode == 0)
    #expect(result.output.hasPrefix("# StockFlow review: findings"))
    for finding in Catalog.all { #expect(result.output.contains("(findings/\(finding.id).md)")) }
  }

  @Test func printsTheReportAsValidJSON() throws {
    let result = review("report", "--format", "json")
    #expect(result.exitCode == 0)
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    let findings = try #require(document["findings"] as? [[String: Any]])
    #expect(findings.map { $0["id"] as? String } == Catalog.all.map(\.id))
    let first = try #require(findings.first?["observations"] as? [String: [String: Any]])
    #expect(first["original"]?["verdict"] as? String == "reproduced")
  }

  @Test func listsOneLinePerFinding() {
    let lines = review("list").output.split(separator: "\n")
    #expect(lines.count == Catalog.all.count)
    #expect(lines.first?.hasPrefix(Catalog.all[0].id) == true)
  }

  @Test func showsOneFindingWithEvidenceAndCode() {
    let result = review("show", "duplicate-sku")
    #expect(result.exitCode == 0)
    #expect(result.output.contains("products holding SKU W-1: 1, 2."))
    #expect(result.output.contains("fixed/Schema.swift:"))
  }

  @Test func diffsOneFindingsMarkedLines() {
    let result = review("diff", "float-price")
    #expect(result.exitCode == 0)
    #expect(result.output.contains("original/Schema.swift:"))
    #expect(result.output.contains("fixed/CreateProduct.swift:"))
  }

  @Test func aFindingsPairedCodeIsTheWholeConstructAndTheHelperItCalls() {
    let output = review("diff", "float-price").output
    #expect(output.contains("private static func price(_ body: JSONObject) throws(ClientError) -> Decimal {"))
    #expect(output.contains("price must have at most 2 decimal places"))
    let guarded = review("diff", "no-authentication").output
    #expect(guarded.contains("return ClientError.unauthenticated.response"), "the guard's body, not only its line")
  }

  @Test func diffsTheFoldersWithEveryChangedRangeTagged() {
    let result = review("diff")
    let headers = result.output.split(separator: "\n").filter { $0.hasPrefix("@@") }
    #expect(headers.count > 20, "one hunk per changed range")
    for header in headers {
      #expect(header.contains(" findings: "), "every changed range of the paired diff is tagged: \(header)")
    }
    #expect(headers.contains { $0.hasSuffix("findings: non-atomic-commit, no-error-handling") })
  }

  /// The files `original/` and `fixed/` share (the handler and the Part 1 schema) read finding by finding: a
  /// changed range carries at most two findings (the two a single line of the original carries), and only a
  /// comment-only range, or one of the schema's design changes that fix no finding, is untagged. A file only
  /// `fixed/` has is one range holding every finding it fixes, so it is not held to this.
  @Test func thePairedFilesReadFindingByFinding() {
    let designChanges: Set<String> = [
      #"-  name: "original","#, #"+  name: "fixed","#,
      #"+        Column("created_at", .timestamp), Column("updated_at", .timestamp),"#,
      #"+        Column("reserved", .integer, default: .int(0)),"#,
    ]
    var paired = false
    var ranges = 0
    var header = ""
    var changed: [String] = []
    func check() {
      guard !header.isEmpty else { return }
      let tags = header.components(separatedBy: " findings: ").last ?? ""
      if tags == "none" {
        #expect(
          !changed.isEmpty && changed.allSatisfy(designChanges.contains),
          "a changed range of the paired files fixes no finding: \(header) \(changed)")
      } else if tags != "none (comments)" {
        #expect(tags.split(separator: ",").count <= 2, "more than two findings in one changed range: \(header)")
      }
      header = ""
      changed = []
    }
    for line in review("diff").output.split(separator: "\n").map(String.init) {
      if line.hasPrefix("--- ") {
        check()
        paired = line != "--- /dev/null"
      } else if line.hasPrefix("+++ ") {
        continue
      } else if line.hasPrefix("@@") {
        check()
        if paired {
          header = line
          ranges += 1
        }
      } else if !header.isEmpty, line.hasPrefix("+") || line.hasPrefix("-") {
        changed.append(line)
      }
    }
    check()
    #expect(ranges > 30, "the handler and the schema split into one range per finding")
  }

  @Test(
    "Bad usage prints the usage to stderr and exits 2",
    arguments: [["frobnicate"], ["report", "--format", "yaml"], ["show"], ["list", "--verbose"], ["diff", "a", "b"]])
  func badUsage(_ arguments: [String]) {
    let result = ReviewCommandTests.run(arguments)
    #expect(result.exitCode == 2)
    #expect(result.errors.contains("usage: review"))
    #expect(result.output.isEmpty)
  }

  @Test func namesTheValidIdsForAnUnknownOne() {
    let result = review("show", "no-such-finding")
    #expect(result.exitCode == 2)
    #expect(result.errors.contains("valid ids: missing-validation, "))
  }

  @Test(
    "Every command takes --help", arguments: ["report", "list", "show", "diff", "try", "replay", "fixture", "grade"])
  func help(_ command: String) {
    let result = review(command, "--help")
    #expect(result.exitCode == 0)
    #expect(result.output.hasPrefix("usage: review \(command)"))
  }

  static func run(_ arguments: [String]) -> ReviewCLI.CommandResult {
    ReviewCommand.run(arguments, environment: CommandEnvironment(currentDirectory: packageRoot.path))
  }
}
