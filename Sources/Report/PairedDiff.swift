import Foundation

/// The original and fixed folders as one unified diff, each hunk tagged with the findings its marked lines name.
public enum PairedDiff {
  /// The diff of `oldFolder` and `newFolder` under `root`, file by file in name order.
  public static func render(_ oldFolder: String, _ newFolder: String, root: URL) throws -> String {
    let oldFiles = try swiftFiles(oldFolder, root: root)
    let newFiles = try swiftFiles(newFolder, root: root)
    var out: [String] = []
    for name in Set(oldFiles.keys).union(newFiles.keys).sorted() {
      let old = oldFiles[name].map(lines) ?? []
      let new = newFiles[name].map(lines) ?? []
      let hunks = LineDiff.hunks(old, new)
      guard !hunks.isEmpty else { continue }
      out.append("--- \(oldFiles[name] == nil ? "/dev/null" : "\(oldFolder)/\(name)")")
      out.append("+++ \(newFiles[name] == nil ? "/dev/null" : "\(newFolder)/\(name)")")
      for hunk in hunks {
        let findings = tags(hunk.lines)
        out.append(hunk.header + (findings.isEmpty ? "" : " findings: " + findings.joined(separator: ", ")))
        out += hunk.lines
      }
    }
    return out.joined(separator: "\n") + "\n"
  }

  /// The finding ids named by marker comments on the hunk's changed lines, in order of appearance.
  static func tags(_ lines: [String]) -> [String] {
    let changed = lines.filter { $0.hasPrefix("+") || $0.hasPrefix("-") }
    var seen: [String] = []
    for line in changed {
      for marker in SourceMarkers.markers(in: String(line.dropFirst()), file: "") {
        for id in marker.findings where !seen.contains(id) { seen.append(id) }
      }
    }
    return seen
  }

  static func swiftFiles(_ folder: String, root: URL) throws -> [String: String] {
    let base = root.appendingPathComponent(folder)
    let names = try FileManager.default.contentsOfDirectory(atPath: base.path).filter { $0.hasSuffix(".swift") }
    return try Dictionary(
      uniqueKeysWithValues: names.map { name in
        (name, try String(contentsOf: base.appendingPathComponent(name), encoding: .utf8))
      })
  }

  static func lines(_ text: String) -> [String] {
    var lines = text.components(separatedBy: "\n")
    if lines.last == "" { lines.removeLast() }
    return lines
  }
}
