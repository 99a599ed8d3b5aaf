import Foundation

/// The comment and declaration syntax of a source file, by its extension: Swift (`// finding:`, `func name(`,
/// bodies in braces, `///` doc comments) or Python (`# finding:`, `def name(`, bodies by indentation, decorators).
public enum SourceLanguage: Sendable {
  case swift
  case python

  /// The language of `file` by its extension, or `nil` for a file that holds no markers.
  public init?(file: String) {
    if file.hasSuffix(".swift") {
      self = .swift
    } else if file.hasSuffix(".py") {
      self = .python
    } else {
      return nil
    }
  }

  /// What starts a line comment.
  var comment: String { self == .swift ? "//" : "#" }
  /// What starts a finding marker.
  var marker: String { comment + " finding:" }
  /// What starts a function declaration.
  var function: String { self == .swift ? "func " : "def " }
  /// The fenced code block's language in markdown.
  public var fence: String { self == .swift ? "swift" : "python" }

  /// The code of `line`, without its trailing comment.
  func code(_ line: String) -> String {
    line.components(separatedBy: comment).first ?? ""
  }

  /// Whether `line` is blank or a comment only.
  func isComment(_ line: String) -> Bool {
    let code = line.trimmingCharacters(in: .whitespaces)
    return code.isEmpty || code.hasPrefix(comment)
  }

  /// Whether `line` belongs above a declaration as its documentation or attributes.
  func isPreamble(_ line: String) -> Bool {
    let code = line.trimmingCharacters(in: .whitespaces)
    return self == .swift ? code.hasPrefix("///") || code.hasPrefix("@") : code.hasPrefix("@")
  }
}
