import Foundation
import RequestLayer

/// A create-product body, checked field by field: presence, JSON type, format and range.
///
/// Every rejection is a `ClientError` naming the field, so a client mistake is a 4xx that says what to change,
/// never a 500, and is found before anything is written.
struct ProductInput {  // finding: missing-validation, unchecked-types, no-range-checks
  let name: String
  let sku: String
  /// An exact amount with at most two fraction digits.
  let price: Decimal
  /// Where the initial stock goes; `nil` creates the product in the catalog only, to be stocked later.
  let warehouseID: Int?
  let initialQuantity: Int

  static let requiredFields = ["name", "sku", "price"]
  static let optionalFields = ["warehouse_id", "initial_quantity"]

  init(_ request: Request) throws(ClientError) {
    let body = try ClientError.jsonObject(from: request)  // finding: non-object-body, html-error-responses
    for key in body.keys where !Self.requiredFields.contains(key) && !Self.optionalFields.contains(key) {
      throw ClientError(field: key, "\(key) is not a field of a product; expected \(Self.fieldList)")
    }
    if let key = body.duplicateKeys.first {
      throw ClientError(field: key, "\(key) appears more than once")
    }
    for field in Self.requiredFields where body[field] == nil {  // finding: missing-validation
      throw ClientError(field: field, "\(field) is required")
    }
    name = try Self.text(body, "name", maxLength: 255)
    sku = try Self.sku(body)
    price = try Self.price(body)  // finding: float-price
    switch body["warehouse_id"] {  // finding: catalog-requires-stock
    case nil, .null?: warehouseID = nil
    default: warehouseID = try Self.integer(body, "warehouse_id", minimum: 1)
    }
    switch body["initial_quantity"] {  // finding: required-optional-field
    case nil, .null?: initialQuantity = 0
    default: initialQuantity = try Self.integer(body, "initial_quantity", minimum: 0)
    }
    if warehouseID == nil, initialQuantity != 0 {
      throw ClientError(field: "warehouse_id", "warehouse_id is required when initial_quantity is given")
    }
  }

  /// The checked input in one canonical line: two bodies that differ only in spelling (white space, key order,
  /// `19.9` and `19.90`) create the same product and have the same fingerprint.
  var fingerprint: String {
    let fields: [(String, JSONValue)] = [
      ("name", .string(name)), ("sku", .string(sku)), ("price", .string("\(price)")),
      ("warehouse_id", warehouseID.map { .integer($0) } ?? .null), ("initial_quantity", .integer(initialQuantity)),
    ]
    return JSONValue.object(JSONObject(fields)).encoded(sortedKeys: true)
  }

  private static var fieldList: String { (requiredFields + optionalFields).joined(separator: ", ") }

  /// A string field; `trimmed` removes surrounding white space (a name's, never an identifier's).
  private static func text(
    _ body: JSONObject, _ field: String, maxLength: Int, trimmed: Bool = true
  ) throws(ClientError) -> String {
    guard case .string(let raw)? = body[field] else {
      throw ClientError(field: field, "\(field) must be a string, not \(body[field]!.jsonTypeName)")
    }
    let text = trimmed ? raw.trimmingCharacters(in: .whitespacesAndNewlines) : raw
    guard !text.isEmpty else { throw ClientError(field: field, "\(field) must not be empty") }
    guard text.unicodeScalars.count <= maxLength else {
      throw ClientError(field: field, "\(field) must be at most \(maxLength) characters")
    }
    guard !text.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) else {
      throw ClientError(field: field, "\(field) must not contain control characters")
    }
    try refuseUnseen(text, field)
    return text
  }

  /// Refuses what a reader cannot see or what the database cannot hold: a lone UTF-16 surrogate (`"\ud800"`,
  /// which the parser, like a decoder, turns into U+FFFD, so U+FFFD itself is refused too: text damaged on its way
  /// here), and the invisible format characters (Unicode category Cf: zero-width space and joiners, the byte order
  /// mark, the soft hyphen, bidirectional marks, embeddings, overrides such as U+202E and isolates), which make two
  /// names that look alike differ, or make a name display reversed.
  private static func refuseUnseen(_ text: String, _ field: String) throws(ClientError) {
    if text.unicodeScalars.contains("\u{FFFD}") {
      throw ClientError(field: field, "\(field) must not contain a lone surrogate or U+FFFD (text damaged in encoding)")
    }
    if let unseen = text.unicodeScalars.first(where: { $0.properties.generalCategory == .format }) {
      throw ClientError(
        field: field,
        "\(field) must not contain invisible or direction-changing characters (found \(codePoint(unseen)))")
    }
  }

  /// `U+202E` for U+202E.
  private static func codePoint(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  }

  private static func sku(_ body: JSONObject) throws(ClientError) -> String {
    let sku = try text(body, "sku", maxLength: 64, trimmed: false)
    let allowed = sku.utf8.allSatisfy {
      isAlphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
    }
    guard allowed, let first = sku.utf8.first, isAlphanumeric(first)
    else {
      throw ClientError(
        field: "sku",
        "sku may contain only ASCII letters, digits, '.', '_' and '-', and must start with a letter or digit")
    }
    return sku
  }

  private static func isAlphanumeric(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
      || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
  }

  private static func price(_ body: JSONObject) throws(ClientError) -> Decimal {
    guard case .number(let number)? = body["price"] else {
      throw ClientError(field: "price", "price must be a number, not \(body["price"]!.jsonTypeName)")
    }
    guard let amount = number.exactDecimal else {
      throw ClientError(field: "price", "price must be a finite number")
    }
    guard amount.fractionDigits <= 2 else {
      throw ClientError(field: "price", "price must have at most 2 decimal places")
    }
    guard !amount.isNegative else { throw ClientError(field: "price", "price must not be negative") }
    guard amount.integerDigits <= 10 else { throw ClientError(field: "price", "price must be below 10000000000") }
    return amount.value
  }

  private static func integer(_ body: JSONObject, _ field: String, minimum: Int) throws(ClientError) -> Int {
    guard case .number(let number)? = body[field], number.isIntegerLiteral else {
      throw ClientError(field: field, "\(field) must be an integer, not \(body[field]!.jsonTypeName)")
    }
    guard let value = number.int, value >= minimum, value <= Int(Int32.max) else {
      throw ClientError(field: field, "\(field) must be an integer from \(minimum) to \(Int32.max)")
    }
    return value
  }
}
