/// A JSON object's members in the order they were written, duplicates included.
///
/// Lookups see the last value of a duplicated key, as Python's `json.loads` does; `duplicateKeys` lets stricter
/// code refuse them. Keys are told apart by code points as Python's `dict` does: `"é"` (U+00E9) and `"e\u{301}"`
/// are two keys, although Swift's `==` calls them equal. Two objects are equal when they map the same keys to
/// equal values, in any order.
public struct JSONObject: Hashable, Sendable {
  /// A key compared by its code points rather than by Swift's canonical equivalence.
  private struct Key: Hashable, Sendable {
    let text: String

    static func == (lhs: Key, rhs: Key) -> Bool { JSONValue.sameCodePoints(lhs.text, rhs.text) }
  }

  /// Every member as written, in order.
  public let members: [(key: String, value: JSONValue)]
  private let lastIndex: [Key: Int]
  /// Keys written more than once, sorted by code point.
  public let duplicateKeys: [String]

  /// An object with these members in this order; a repeated key is kept in `members` and reported.
  public init(_ members: [(String, JSONValue)]) {
    self.members = members.map { (key: $0.0, value: $0.1) }
    var lastIndex: [Key: Int] = [:]
    lastIndex.reserveCapacity(members.count)
    var duplicates: Set<Key> = []
    for (index, member) in members.enumerated() {
      let key = Key(text: member.0)
      if lastIndex.updateValue(index, forKey: key) != nil { duplicates.insert(key) }
    }
    self.lastIndex = lastIndex
    duplicateKeys = duplicates.map(\.text).sorted(by: JSONValue.codePointOrder)
  }

  /// The member's value (the last one written, when the key is duplicated), or `nil` when absent.
  public subscript(key: String) -> JSONValue? {
    lastIndex[Key(text: key)].map { members[$0].value }
  }

  /// Whether the object has a member with this key: Python's `key in data`.
  public func contains(_ key: String) -> Bool {
    lastIndex[Key(text: key)] != nil
  }

  /// Distinct keys in order of first appearance, as Python's `dict` orders them.
  public var keys: [String] {
    var seen: Set<Key> = []
    seen.reserveCapacity(lastIndex.count)
    return members.map(\.key).filter { seen.insert(Key(text: $0)).inserted }
  }

  /// The number of distinct keys: Python's `len(data)`.
  public var count: Int { lastIndex.count }

  /// Whether the objects map the same keys to equal values, in any order.
  public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
    lhs.count == rhs.count
      && lhs.lastIndex.allSatisfy { key, index in
        rhs.lastIndex[key].map { rhs.members[$0].value == lhs.members[index].value } ?? false
      }
  }

  /// Hashes the keys in code-point order with their last values, so equal objects hash equally.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(count)
    for key in lastIndex.keys.map(\.text).sorted(by: JSONValue.codePointOrder) {
      hasher.combine(key)
      hasher.combine(self[key])
    }
  }
}
