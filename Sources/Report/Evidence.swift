import Foundation

/// The evidence file the benchmark writes (`case-study/EVIDENCE.md`), linked from the report.
///
/// Its robustness figures are deterministic and a test checks them against a fresh run; its throughput figures
/// are what the last `swift run -c release bench --output case-study/EVIDENCE.md` measured.
public enum Evidence {
  public static let path = "case-study/EVIDENCE.md"

  /// The robustness section of the evidence file as committed, without trailing newlines, for the staleness check.
  public static func committedRobustness(_ root: URL) throws -> String {
    let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    guard let start = text.range(of: "## Robustness"), let end = text.range(of: "## Throughput") else {
      return ""
    }
    var section = String(text[start.lowerBound..<end.lowerBound])
    while section.hasSuffix("\n") { section.removeLast() }
    return section
  }
}
