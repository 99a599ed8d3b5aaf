/// Encodes any `Encodable` value into a `JSONValue`, so every JSON the project writes goes through `Codable` and one
/// text writer (`JSONValue.encoded`), with numbers kept exact.
///
/// Why not Foundation's `JSONEncoder`: it writes a number through `Double` (a store's `19.99` as a decimal, a binary
/// float's exact text) and converts dictionary keys too (`Content-Type` becomes `content-_type`). Here a `JSONValue`
/// or `JSONNumber` inside the value is kept as it is, a `[String: …]` dictionary keeps its keys as written, and only
/// the coding keys of types are converted. An absent optional is written as `null`, so a type has one shape
/// whatever it holds.
public struct JSONValueEncoder: Sendable {
  /// How a type's coding keys are written.
  public enum KeyStyle: Sendable {
    /// As declared (`requestBody`).
    case asDeclared
    /// Lower case, words separated by `_` (`requestBody` and `companyID` become `request_body` and `company_id`).
    case snakeCase
  }

  public let keys: KeyStyle

  public init(keys: KeyStyle) {
    self.keys = keys
  }

  /// The value as a JSON tree.
  public func encode(_ value: some Encodable) throws -> JSONValue {
    let slot = Slot()
    try slot.put(value, keys, codingPath: [])
    return slot.json
  }

  /// `key` in snake case, the way Foundation's `convertToSnakeCase` splits words: before an upper-case letter
  /// that follows a lower-case letter or digit, and before the last capital of an acronym followed by lower case
  /// (`myURLPath` is `my_url_path`).
  public static func snakeCase(_ key: String) -> String {
    let characters = Array(key)
    var out = ""
    for (index, character) in characters.enumerated() {
      if character.isUppercase, index > 0 {
        let previous = characters[index - 1]
        let nextIsLower = index + 1 < characters.count && characters[index + 1].isLowercase
        if previous.isLowercase || previous.isNumber || (previous.isUppercase && nextIsLower) { out.append("_") }
      }
      out += character.lowercased()
    }
    return out
  }
}

/// A dictionary whose keys are strings: encoded as an object with its keys as written.
private protocol StringKeyedDictionary {
  var stringKeyedMembers: [(String, any Encodable)] { get }
}

extension Dictionary: StringKeyedDictionary where Key == String, Value: Encodable {
  fileprivate var stringKeyedMembers: [(String, any Encodable)] { map { ($0.key, $0.value) } }
}

/// Where one value is written: a leaf, or an object or array filled by its containers.
private final class Slot {
  enum Content {
    case empty
    case leaf(JSONValue)
    case object(ObjectSlots)
    case array(ArraySlots)
  }

  var content = Content.empty

  var json: JSONValue {
    switch content {
    case .empty: .object(JSONObject([]))
    case .leaf(let value): value
    case .object(let object): .object(JSONObject(object.members.map { ($0.0, $0.1.json) }))
    case .array(let array): .array(array.items.map(\.json))
    }
  }

  /// Writes `value` here: JSON values, strings, booleans and numbers as leaves, string-keyed dictionaries with
  /// their keys as written, anything else through its `encode(to:)`.
  func put<T: Encodable>(_ value: T, _ keys: JSONValueEncoder.KeyStyle, codingPath: [any CodingKey]) throws {
    switch value {
    case let json as JSONValue: content = .leaf(json)
    case let number as JSONNumber: content = .leaf(.number(number))
    case let text as String: content = .leaf(.string(text))
    case let flag as Bool: content = .leaf(.bool(flag))
    case let double as Double: content = .leaf(.number(JSONNumber(Self.text(of: double))))
    case let float as Float: content = .leaf(.number(JSONNumber(Self.text(of: Double(float)))))
    case let integer as any BinaryInteger: content = .leaf(.number(JSONNumber("\(integer)")))
    case let dictionary as any StringKeyedDictionary:
      let object = objectSlots()
      for (key, member) in dictionary.stringKeyedMembers {
        try object.slot(key).put(member, keys, codingPath: codingPath + [AnyKey(key)])
      }
    default:
      try value.encode(to: SlotEncoder(slot: self, keys: keys, codingPath: codingPath))
    }
  }

  /// A binary float as its shortest text, or as Python's `json.dumps` writes what JSON cannot.
  static func text(of double: Double) -> String {
    double.isNaN ? "NaN" : double.isInfinite ? (double < 0 ? "-Infinity" : "Infinity") : "\(double)"
  }

  /// The object being filled here; asking twice gives the same object, so containers merge.
  func objectSlots() -> ObjectSlots {
    if case .object(let object) = content { return object }
    let object = ObjectSlots()
    content = .object(object)
    return object
  }

  /// The array being filled here; asking twice gives the same array.
  func arraySlots() -> ArraySlots {
    if case .array(let array) = content { return array }
    let array = ArraySlots()
    content = .array(array)
    return array
  }
}

/// An object's members in order; writing a key again replaces its value in place.
private final class ObjectSlots {
  var members: [(String, Slot)] = []

  func slot(_ key: String) -> Slot {
    if let existing = members.first(where: { $0.0 == key }) { return existing.1 }
    let slot = Slot()
    members.append((key, slot))
    return slot
  }
}

/// An array's items in order.
private final class ArraySlots {
  var items: [Slot] = []

  func append() -> Slot {
    let slot = Slot()
    items.append(slot)
    return slot
  }
}

/// A coding key built from text or a position.
private struct AnyKey: CodingKey {
  let stringValue: String
  let intValue: Int?

  init(_ string: String) {
    stringValue = string
    intValue = nil
  }

  init(stringValue: String) { self.init(stringValue) }

  init(intValue: Int) {
    stringValue = String(intValue)
    self.intValue = intValue
  }
}

private struct SlotEncoder: Encoder {
  let slot: Slot
  let keys: JSONValueEncoder.KeyStyle
  let codingPath: [any CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    KeyedEncodingContainer(SlotKeyedContainer<Key>(object: slot.objectSlots(), keys: keys, codingPath: codingPath))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    SlotUnkeyedContainer(array: slot.arraySlots(), keys: keys, codingPath: codingPath)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer {
    SlotSingleValueContainer(slot: slot, keys: keys, codingPath: codingPath)
  }
}

private struct SlotKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let object: ObjectSlots
  let keys: JSONValueEncoder.KeyStyle
  let codingPath: [any CodingKey]

  private func slot(_ key: Key) -> Slot {
    object.slot(keys == .snakeCase ? JSONValueEncoder.snakeCase(key.stringValue) : key.stringValue)
  }

  mutating func encodeNil(forKey key: Key) throws { slot(key).content = .leaf(.null) }

  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    try slot(key).put(value, keys, codingPath: codingPath + [key])
  }

  // The primitives take the generic path, which writes each as a leaf.
  mutating func encode(_ value: Bool, forKey key: Key) throws {
    try slot(key).put(value, keys, codingPath: codingPath + [key])
  }
  mutating func encode(_ value: String, forKey key: Key) throws {
    try slot(key).put(value, keys, codingPath: codingPath + [key])
  }
  mutating func encode(_ value: Double, forKey key: Key) throws {
    try slot(key).put(value, keys, codingPath: codingPath + [key])
  }
  mutating func encode(_ value: Float, forKey key: Key) throws {
    try slot(key).put(value, keys, codingPath: codingPath + [key])
  }
  mutating func encode(_ value: Int, forKey key: Key) throws {
    try slot(key).put(value, keys, codingPath: codingPath + [key])
  }
  mutating func encode(_ value: Int8, forKey key: Key) throws {
    try slot(key).put(value, keys, codingPath: codingPath + [key])
  }
  mutating func encode(_ value: Int16, forKey key: Key) throws {
    try slot(key).put(value, keys, codingPath: codingPath + [key])
  }
  mutating func encode(_ value: Int32, forKey key: Key) throws {
    try slot(key).put(value, keys, codingPath: codingPath + [key])
  }
  mutating func encode(_ value: Int64, forKey key: Key) throws {
    try slot(key).put(value, keys, codingPath: codingPath + [key])
  }
  mutating func encode(_ value: UInt, forKey key: Key) throws {
    try slot(key).put(value, keys, codingPath: codingPath + [key])
  }
  mutating func encode(_ value: UInt8, forKey key: Key) throws {
    try slot(key).put(value, keys, codingPath: codingPath + [key])
  }
  mutating func encode(_ value: UInt16, forKey key: Key) throws {
    try slot(key).put(value, keys, codingPath: codingPath + [key])
  }
  mutating func encode(_ value: UInt32, forKey key: Key) throws {
    try slot(key).put(value, keys, codingPath: codingPath + [key])
  }
  mutating func encode(_ value: UInt64, forKey key: Key) throws {
    try slot(key).put(value, keys, codingPath: codingPath + [key])
  }

  /// An absent optional is `null`, never a missing key.
  private mutating func present<T: Encodable>(_ value: T?, _ key: Key) throws {
    if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
  }

  mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws { try present(value, key) }
  mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try present(value, key) }
  mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try present(value, key) }
  mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try present(value, key) }
  mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try present(value, key) }
  mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try present(value, key) }
  mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try present(value, key) }
  mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try present(value, key) }
  mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try present(value, key) }
  mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try present(value, key) }
  mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try present(value, key) }
  mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try present(value, key) }
  mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try present(value, key) }
  mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try present(value, key) }
  mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try present(value, key) }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type, forKey key: Key
  ) -> KeyedEncodingContainer<NestedKey> {
    SlotEncoder(slot: slot(key), keys: keys, codingPath: codingPath + [key]).container(keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    SlotEncoder(slot: slot(key), keys: keys, codingPath: codingPath + [key]).unkeyedContainer()
  }

  mutating func superEncoder() -> any Encoder {
    SlotEncoder(slot: object.slot("super"), keys: keys, codingPath: codingPath + [AnyKey("super")])
  }

  mutating func superEncoder(forKey key: Key) -> any Encoder {
    SlotEncoder(slot: slot(key), keys: keys, codingPath: codingPath + [key])
  }
}

private struct SlotUnkeyedContainer: UnkeyedEncodingContainer {
  let array: ArraySlots
  let keys: JSONValueEncoder.KeyStyle
  let codingPath: [any CodingKey]
  var count: Int { array.items.count }

  private var nextPath: [any CodingKey] { codingPath + [AnyKey(intValue: count)] }

  mutating func encodeNil() throws { array.append().content = .leaf(.null) }

  // The primitives take the generic path, which writes each as a leaf.
  mutating func encode(_ value: Bool) throws { try appended(value) }
  mutating func encode(_ value: String) throws { try appended(value) }
  mutating func encode(_ value: Double) throws { try appended(value) }
  mutating func encode(_ value: Float) throws { try appended(value) }
  mutating func encode(_ value: Int) throws { try appended(value) }
  mutating func encode(_ value: Int8) throws { try appended(value) }
  mutating func encode(_ value: Int16) throws { try appended(value) }
  mutating func encode(_ value: Int32) throws { try appended(value) }
  mutating func encode(_ value: Int64) throws { try appended(value) }
  mutating func encode(_ value: UInt) throws { try appended(value) }
  mutating func encode(_ value: UInt8) throws { try appended(value) }
  mutating func encode(_ value: UInt16) throws { try appended(value) }
  mutating func encode(_ value: UInt32) throws { try appended(value) }
  mutating func encode(_ value: UInt64) throws { try appended(value) }

  mutating func encode<T: Encodable>(_ value: T) throws { try appended(value) }

  private func appended<T: Encodable>(_ value: T) throws {
    let path = nextPath
    try array.append().put(value, keys, codingPath: path)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type
  ) -> KeyedEncodingContainer<NestedKey> {
    let path = nextPath
    return SlotEncoder(slot: array.append(), keys: keys, codingPath: path).container(keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    let path = nextPath
    return SlotEncoder(slot: array.append(), keys: keys, codingPath: path).unkeyedContainer()
  }

  mutating func superEncoder() -> any Encoder {
    let path = nextPath
    return SlotEncoder(slot: array.append(), keys: keys, codingPath: path)
  }
}

private struct SlotSingleValueContainer: SingleValueEncodingContainer {
  let slot: Slot
  let keys: JSONValueEncoder.KeyStyle
  let codingPath: [any CodingKey]

  mutating func encodeNil() throws { slot.content = .leaf(.null) }

  mutating func encode<T: Encodable>(_ value: T) throws {
    try slot.put(value, keys, codingPath: codingPath)
  }

  // The primitives take the generic path, which writes each as a leaf.
  mutating func encode(_ value: Bool) throws { try slot.put(value, keys, codingPath: codingPath) }
  mutating func encode(_ value: String) throws { try slot.put(value, keys, codingPath: codingPath) }
  mutating func encode(_ value: Double) throws { try slot.put(value, keys, codingPath: codingPath) }
  mutating func encode(_ value: Float) throws { try slot.put(value, keys, codingPath: codingPath) }
  mutating func encode(_ value: Int) throws { try slot.put(value, keys, codingPath: codingPath) }
  mutating func encode(_ value: Int8) throws { try slot.put(value, keys, codingPath: codingPath) }
  mutating func encode(_ value: Int16) throws { try slot.put(value, keys, codingPath: codingPath) }
  mutating func encode(_ value: Int32) throws { try slot.put(value, keys, codingPath: codingPath) }
  mutating func encode(_ value: Int64) throws { try slot.put(value, keys, codingPath: codingPath) }
  mutating func encode(_ value: UInt) throws { try slot.put(value, keys, codingPath: codingPath) }
  mutating func encode(_ value: UInt8) throws { try slot.put(value, keys, codingPath: codingPath) }
  mutating func encode(_ value: UInt16) throws { try slot.put(value, keys, codingPath: codingPath) }
  mutating func encode(_ value: UInt32) throws { try slot.put(value, keys, codingPath: codingPath) }
  mutating func encode(_ value: UInt64) throws { try slot.put(value, keys, codingPath: codingPath) }
}
