import Foundation

/// The differences between a port and the real stack that are known, each with the reason it cannot be ported.
///
/// Committed as JSON (`python/allowed-differences.json`); `review conform` fails on any difference not
/// listed here, so the list only holds what the in-memory port cannot reproduce.
public struct AllowList: Sendable, Codable {
  public struct Entry: Sendable, Codable, Hashable {
    /// The port the entry is about, e.g. `original`.
    public let implementation: String
    /// `probe` (then `subject` is a finding id) or `corpus` (then `subject` is a case label).
    public let check: String
    public let subject: String
    /// Why the port cannot (or should not) behave as the real stack does.
    public let reason: String
  }

  public let entries: [Entry]

  public init(entries: [Entry] = []) {
    self.entries = entries
  }

  /// Reads the list; a missing file is an empty list.
  public static func load(_ url: URL) throws -> AllowList {
    guard FileManager.default.fileExists(atPath: url.path) else { return AllowList() }
    return try JSONDecoder().decode(AllowList.self, from: Data(contentsOf: url))
  }

  /// The entry that allows a difference on `subject` of `check` for `implementation`, if any.
  public func entry(_ implementation: String, _ check: String, _ subject: String) -> Entry? {
    entries.first { $0.implementation == implementation && $0.check == check && $0.subject == subject }
  }
}
