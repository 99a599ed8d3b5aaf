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

  /// The markers in one file's text.
  public static func markers(in text: String, file: String) -> [SourceMarker] {
    let lines = text.components(separatedBy: "\n")
    return lines.indices.compactMap { index in
      guard let range = lines[index].range(of: "// finding:") else { return nil }
      let ids = lines[index][range.upperBound...].split(separator: ",").map {
        $0.trimmingCharacters(in: .whitespaces)
      }.filter { !$0.isEmpty }
      let end = constructEnd(lines, from: index)
      return SourceMarker(
        file: file, line: index + 1, endLine: end + 1, findings: ids, code: Array(lines[index...end]))
    }
  }

  /// The line that closes the brackets `start` leaves open (at most eight lines on), or `start` itself.
  static func constructEnd(_ lines: [String], from start: Int) -> Int {
    var depth = 0
    for index in start..<min(lines.count, start + 9) {
      let code = lines[index].components(separatedBy: "//").first ?? ""
      for character in code {
        if "([{".contains(character) { depth += 1 }
        if ")]}".contains(character) { depth -= 1 }
      }
      if depth <= 0 { return index }
    }
    return start
  }
}

/// A registered implementation's source folder does not exist.
public struct MissingSourceFolder: Error, CustomStringConvertible {
  public let folder: String
  public let root: String

  public var description: String { "cannot read source folder \(folder) under \(root)" }
}
