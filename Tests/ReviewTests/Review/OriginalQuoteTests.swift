import Foundation
import Testing

/// `case-study/ORIGINAL.md` quotes the Python under review; each quote must still be what its file holds.
@Suite("ORIGINAL.md quotes the Python files word for word")
struct OriginalQuoteTests {
  @Test func everyQuotedBlockIsInTheFileItsHeadingNames() throws {
    let page = try String(contentsOf: packageRoot.appendingPathComponent("case-study/ORIGINAL.md"), encoding: .utf8)
    let sections = page.components(separatedBy: "\n## ").dropFirst()
    var quotes = 0
    for section in sections {
      let heading = section.prefix { $0 != "\n" }
      guard let block = section.components(separatedBy: "```python\n").dropFirst().first else { continue }
      let quote = block.components(separatedBy: "```").first ?? ""
      let path = try #require(heading.split(separator: "`").dropFirst().first, "a quote names its file: \(heading)")
      let file = try String(contentsOf: packageRoot.appendingPathComponent(String(path)), encoding: .utf8)
      #expect(file.contains(quote), "\(path) no longer holds the code ORIGINAL.md quotes")
      quotes += 1
    }
    #expect(quotes == 2)
  }
}
