import Foundation

/// The `// finding: <id>, <id>` comments in an implementation's source: where each finding lives in the code.
public struct SourceMarker: Hashable, Sendable {
  /// The file, relative to the package root, e.g. `fixed/CreateProduct.swift`.
  public let file: String
  /// The marked line, from 1.
  public let line: Int
  /// The last line of the marked construct: the same line, or the line closing a bracket the marked line opens.
  public let endLine: Int
  public let findings: [String]
  /// The marked lines' code, `line` through `endLine`.
  public let code: [String]

  /// `file:line`, or `file:line-endLine` for a construct of several lines.
  public var location: String {
    line == endLine ? "\(file):\(line)" : "\(file):\(line)-\(endLine)"
  }
}

/// Reads the markers of every Swift file under a folder.
public enum SourceMarkers {
  /// Every marker under `folder` (relative to `root`), ordered by file then line.
  public static func scan(_ folder: String, root: URL) throws -> [SourceMarker] {
    let base = root.appendingPathComponent(folder)
    guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else {
      throw MissingSourceFolder(folder: folder, root: root.path)
    }
    let files = enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
      .map { folder + "/" + $0.standardizedFileURL.path.dropFirst(base.standardizedFileURL.path.count + 1) }.sorted()
    return try files.flatMap { file in
      markers(in: try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8), file: file)
    }
  }

  /// The markers in one file's text, each with the whole construct it marks, followed by the file's helper
  /// functions those constructs call.
  ///
  /// A marked line's construct runs from that line to the line that closes every bracket it opens: a guard, a
  /// loop, a declaration, a call or a literal spread over several lines. When a construct calls a function declared
  /// in the same file (`Self.price(body)`, `rowsByID(...)`), that function, with its doc comment, is paired with
  /// the same findings, so the validation or query the marked line delegates to is shown too.
  public static func markers(in text: String, file: String) -> [SourceMarker] {
    let lines = text.components(separatedBy: "\n")
    let marked = lines.indices.compactMap { index -> SourceMarker? in
      guard let range = lines[index].range(of: "// finding:") else { return nil }
      let ids = lines[index][range.upperBound...].split(separator: ",").map {
        $0.trimmingCharacters(in: .whitespaces)
      }.filter { !$0.isEmpty }
      return marker(lines, file: file, from: index, through: constructEnd(lines, from: index), findings: ids)
    }
    let helpers = functions(in: lines)
    var called: [SourceMarker] = []
    for name in helpers.keys.sorted() {
      let (start, end) = helpers[name]!
      let ids = marked.filter { marker in
        !(start + 1...end + 1).contains(marker.line) && calls(name, in: marker.code)
      }.flatMap(\.findings)
      guard !ids.isEmpty else { continue }
      var unique: [String] = []
      for id in ids where !unique.contains(id) { unique.append(id) }
      called.append(marker(lines, file: file, from: docStart(lines, before: start), through: end, findings: unique))
    }
    return (marked + called).sorted { ($0.line, $0.endLine) < ($1.line, $1.endLine) }
  }

  /// `markers` without those whose lines lie inside another one's, so nested constructs show once.
  public static func outermost(_ markers: [SourceMarker]) -> [SourceMarker] {
    markers.filter { inner in
      !markers.contains { outer in
        outer.file == inner.file && outer.line <= inner.line && inner.endLine <= outer.endLine
          && (outer.line, outer.endLine) != (inner.line, inner.endLine)
      }
    }
  }

  static func marker(_ lines: [String], file: String, from start: Int, through end: Int, findings: [String])
    -> SourceMarker
  {
    SourceMarker(file: file, line: start + 1, endLine: end + 1, findings: findings, code: Array(lines[start...end]))
  }

  /// The line that closes the brackets `start` leaves open, or `start` itself when it leaves none open.
  static func constructEnd(_ lines: [String], from start: Int) -> Int {
    var depth = 0
    for index in start..<lines.count {
      let code = lines[index].components(separatedBy: "//").first ?? ""
      for character in code {
        if "([{".contains(character) { depth += 1 }
        if ")]}".contains(character) { depth -= 1 }
      }
      if depth <= 0 { return index }
    }
    return start
  }

  /// The functions declared in the file, by name: the line of `func name(` and the line closing its body.
  static func functions(in lines: [String]) -> [String: (Int, Int)] {
    var found: [String: (Int, Int)] = [:]
    for (index, line) in lines.enumerated() {
      guard let range = line.range(of: "func ") else { continue }
      let name = line[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
      guard !name.isEmpty, line[range.upperBound...].dropFirst(name.count).first == "(" else { continue }
      found[String(name)] = (index, bodyEnd(lines, from: index))
    }
    return found
  }

  /// The line closing the first `{` opened at or after `start`.
  static func bodyEnd(_ lines: [String], from start: Int) -> Int {
    var depth = 0
    var opened = false
    for index in start..<lines.count {
      for character in lines[index].components(separatedBy: "//").first ?? "" {
        if character == "{" {
          depth += 1
          opened = true
        }
        if character == "}" { depth -= 1 }
      }
      if opened && depth <= 0 { return index }
    }
    return start
  }

  /// The first line of the doc comment and attributes directly above line `start`, or `start`.
  static func docStart(_ lines: [String], before start: Int) -> Int {
    var first = start
    while first > 0 {
      let previous = lines[first - 1].trimmingCharacters(in: .whitespaces)
      guard previous.hasPrefix("///") || previous.hasPrefix("@") else { break }
      first -= 1
    }
    return first
  }

  /// Whether `code` calls `name` (as `name(`, not as part of a longer identifier).
  static func calls(_ name: String, in code: [String]) -> Bool {
    code.contains { line in
      let text = line.components(separatedBy: "//").first ?? ""
      var rest = text[...]
      while let range = rest.range(of: name + "(") {
        let before = rest[..<range.lowerBound].last
        if before.map({ !($0.isLetter || $0.isNumber || $0 == "_") }) ?? true { return true }
        rest = rest[range.upperBound...]
      }
      return false
    }
  }
}

/// A registered implementation's source folder does not exist.
public struct MissingSourceFolder: Error, CustomStringConvertible {
  public let folder: String
  public let root: String

  public var description: String { "cannot read source folder \(folder) under \(root)" }
}
