import Foundation

/// A committed file that the code generates (the report, a finding's page): how it differs from a fresh rendering.
///
/// The staleness tests fail with this text, so a stale file shows what changed, line by line, and how to
/// regenerate it, rather than only that it differs.
public enum GoldenFile {
  /// `nil` when `committed` equals `fresh`; otherwise the unified line diff from the committed text to the fresh
  /// one under a line naming `path` (`committed` is `nil` when the file does not exist).
  public static func staleness(of path: String, committed: String?, fresh: String) -> String? {
    guard committed != fresh else { return nil }
    guard let committed else { return "\(path) does not exist yet" }
    var out = ["\(path) is stale; what a fresh run changes:", "--- \(path) (committed)", "+++ \(path) (fresh run)"]
    for hunk in LineDiff.hunks(lines(committed), lines(fresh)) {
      out.append(hunk.header)
      out += hunk.lines
    }
    if out.count == 3 { out.append("(only the final newline differs)") }
    return out.joined(separator: "\n")
  }

  static func lines(_ text: String) -> [String] {
    var lines = text.components(separatedBy: "\n")
    if lines.last == "" { lines.removeLast() }
    return lines
  }
}
