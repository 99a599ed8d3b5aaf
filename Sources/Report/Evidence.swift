import Foundation

/// The evidence file the benchmark writes (`case-study/EVIDENCE.md`), quoted as the report's appendix.
///
/// Its robustness figures are deterministic and a test checks them against a fresh run; its throughput figures
/// are what the last `swift run -c release bench --output case-study/EVIDENCE.md` measured.
public enum Evidence {
  public static let path = "case-study/EVIDENCE.md"

  /// The appendix lines: the evidence file with its headings moved one level down, or a note saying how to make it.
  public static func appendix(_ root: URL) -> [String] {
    guard let text = try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8) else {
      return [
        "## Appendix: evidence that the fix holds", "",
        "Not measured yet: run `swift run -c release bench "
          + "--output \(path)`.", "",
      ]
    }
    var lines = text.components(separatedBy: "\n").map { $0.hasPrefix("#") ? "#" + $0 : $0 }
    if lines.first == "## Evidence that the fix holds" { lines[0] = "## Appendix: evidence that the fix holds" }
    while lines.last == "" { lines.removeLast() }
    return lines + [""]
  }

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
