/// A JSON object's members in the order they were written, duplicates included.
///
/// Lookups see the last value of a duplicated key, as Python's `json.loads` does; `duplicateKeys` lets stricter
/// code refuse them.
public struct JSONObject: Hashable, Sendable {
  /// Every member as written, in order.
  public let members: [(key: String, value: JSONValue)]
  private let lastIndex: [String: Int]
  /// Keys written more than once, sorted.
  public let duplicateKeys: [String]

  public init(_ members: [(String, JSONValue)]) {
    self.members = members.map { (key: $0.0, value: $0.1) }
    var lastIndex: [String: Int] = [:]
    var duplicates: Set<String> = []
    for (index, member) in members.enumerated() {
      if lastIndex.updateValue(index, forKey: member.0) != nil { duplicates.insert(member.0) }
    }
    self.lastIndex = lastIndex
    duplicateKeys = duplicates.sorted()
  }

  /// The member's value (the last one written, when the key is duplicated).
  public subscript(key: String) -> JSONValue? {
    lastIndex[key].map { members[$0].value }
  }

  /// Distinct keys in order of first appearance.
  public var keys: [String] {
    var seen: Set<String> = []
    return members.map(\.key).filter { seen.insert($0).inserted }
  }

  /// The number of distinct keys.
  public var count: Int { lastIndex.count }

  /// Objects are equal when they have the same keys with equal values, in any order (as JSON means them).
  public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
    lhs.count == rhs.count && lhs.lastIndex.keys.allSatisfy { lhs[$0] == rhs[$0] }
  }

  public func hash(into hasher: inout Hasher) {
    for key in lastIndex.keys.sorted() {
      hasher.combine(key)
      hasher.combine(self[key])
    }
  }
}
