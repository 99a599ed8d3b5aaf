import Foundation

/// The original and fixed folders as one unified diff, each changed range tagged with the findings it touches.
///
/// A changed range is a run of removed and added lines with no unchanged line between them; it is printed as a hunk
/// of its own, with up to three lines of context, and its header names every finding whose marked construct (see
/// `SourceMarkers`) holds one of its lines, on either side. A range no marked construct holds says
/// `findings: none (comments)` when it only rewords comments and `findings: none` otherwise, so an untagged change
/// is visible rather than folded into a neighbour's tag.
public enum PairedDiff {
  /// The diff of `oldFolder` and `newFolder` under `root`, file by file in name order.
  public static func render(_ oldFolder: String, _ newFolder: String, root: URL) throws -> String {
    let oldFiles = try swiftFiles(oldFolder, root: root)
    let newFiles = try swiftFiles(newFolder, root: root)
    var out: [String] = []
    for name in Set(oldFiles.keys).union(newFiles.keys).sorted() {
      let old = oldFiles[name].map(lines) ?? []
      let new = newFiles[name].map(lines) ?? []
      let oldMarkers = SourceMarkers.markers(in: oldFiles[name] ?? "", file: name)
      let newMarkers = SourceMarkers.markers(in: newFiles[name] ?? "", file: name)
      let ranges = changedRanges(old, new)
      guard !ranges.isEmpty else { continue }
      out.append("--- \(oldFiles[name] == nil ? "/dev/null" : "\(oldFolder)/\(name)")")
      out.append("+++ \(newFiles[name] == nil ? "/dev/null" : "\(newFolder)/\(name)")")
      for range in ranges {
        let findings = tags(range, old: oldMarkers, new: newMarkers)
        let untagged = isCommentOnly(range, old: old, new: new) ? "none (comments)" : "none"
        out.append(
          range.hunk.header + " findings: " + (findings.isEmpty ? untagged : findings.joined(separator: ", ")))
        out += range.hunk.lines
      }
    }
    return out.joined(separator: "\n") + "\n"
  }

  /// One changed range with its context, and the lines (from 1) it removes and adds.
  struct ChangedRange {
    let hunk: LineDiff.Hunk
    let removed: [Int]
    let added: [Int]
  }

  /// Each run of changes as a hunk of its own, with up to `context` unchanged lines on each side that no
  /// neighbouring range claims first.
  static func changedRanges(_ old: [String], _ new: [String], context: Int = 3) -> [ChangedRange] {
    let edits = LineDiff.script(old, new)
    var runs: [Range<Int>] = []
    var index = 0
    while index < edits.count {
      guard isKeep(edits[index]) else {
        let start = index
        while index < edits.count, !isKeep(edits[index]) { index += 1 }
        runs.append(start..<index)
        continue
      }
      index += 1
    }
    var ranges: [ChangedRange] = []
    var claimed = 0
    for (offset, run) in runs.enumerated() {
      let start = max(run.lowerBound - context, claimed)
      let next = offset + 1 < runs.count ? runs[offset + 1].lowerBound : edits.count
      let stop = min(run.upperBound + context, next)
      claimed = stop
      var removed: [Int] = []
      var added: [Int] = []
      for edit in edits[run] {
        if case .remove(let a) = edit { removed.append(a + 1) }
        if case .add(let b) = edit { added.append(b + 1) }
      }
      ranges.append(
        ChangedRange(hunk: LineDiff.hunk(Array(edits[start..<stop]), old, new), removed: removed, added: added))
    }
    return ranges
  }

  /// The finding ids of the marked constructs holding a removed line (in the old file) or an added line (in the
  /// new file), in order of first appearance. A line takes the innermost constructs holding it, so a change inside
  /// a marked guard is tagged with the guard's findings, not also with those of the function around it.
  static func tags(_ range: ChangedRange, old: [SourceMarker], new: [SourceMarker]) -> [String] {
    let holding =
      range.removed.flatMap { innermost(old, holding: $0) } + range.added.flatMap { innermost(new, holding: $0) }
    var seen: [String] = []
    for id in holding.flatMap(\.findings) where !seen.contains(id) { seen.append(id) }
    return seen
  }

  /// The smallest marked constructs holding `line` (several when they span the same lines).
  static func innermost(_ markers: [SourceMarker], holding line: Int) -> [SourceMarker] {
    let holding = markers.filter { ($0.line...$0.endLine).contains(line) }
    guard let size = holding.map({ $0.endLine - $0.line }).min() else { return [] }
    return holding.filter { $0.endLine - $0.line == size }
  }

  /// Whether every line the range removes or adds is blank or a comment.
  static func isCommentOnly(_ range: ChangedRange, old: [String], new: [String]) -> Bool {
    (range.removed.map { old[$0 - 1] } + range.added.map { new[$0 - 1] }).allSatisfy { line in
      let code = line.trimmingCharacters(in: .whitespaces)
      return code.isEmpty || code.hasPrefix("//")
    }
  }

  static func isKeep(_ edit: LineDiff.Edit) -> Bool {
    if case .keep = edit { true } else { false }
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
