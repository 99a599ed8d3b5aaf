import RequestLayer

/// One generated create-product request and what a correct handler must do with it.
public struct AdversarialCase: Sendable {
  /// Its position in the corpus, from 0: with the seed, enough to replay it.
  public let index: Int
  /// What was done to the valid body, e.g. `price as true`.
  public let label: String
  public let body: [UInt8]
  public let contentType: String?
  /// The field a correct handler must name in its 4xx; `nil` when the request is valid (2xx, or 409 naming `sku`
  /// when its SKU was already taken).
  public let brokenField: String?

  /// The request, sent by the demo's Acme user.
  public var request: Request {
    Request(
      method: "POST", path: "/api/products", contentType: contentType, body: body, principal: Fixture.acmeUser)
  }
}

/// A seeded corpus of hostile create-product requests: each is the valid body with exactly one thing broken.
///
/// Missing, extra and duplicated keys; every wrong JSON type for every field; empty, blank, 1 MB, control-character
/// and mixed-Unicode strings; numbers at and past every limit; malformed JSON; non-object bodies; wrong content
/// types; deep nesting. Valid requests draw SKUs from a small pool so that some collide.
public struct AdversarialCorpus: Sendable {
  public let seed: UInt64
  public let cases: [AdversarialCase]

  /// The seed the test suite and the evidence use unless told otherwise.
  public static let defaultSeed: UInt64 = 20_261_125

  public init(seed: UInt64 = defaultSeed, count: Int = 10_000) {
    self.seed = seed
    var generator = SplitMix64(seed: seed)
    cases = (0..<count).map { index in Self.make(index, &generator) }
  }

  typealias Fields = [(String, String)]

  static let fieldNames = ["name", "sku", "price", "warehouse_id", "initial_quantity"]

  static func validFields(_ generator: inout SplitMix64) -> Fields {
    [
      ("name", "\"Widget \(generator.next() % 1000)\""), ("sku", "\"SKU-\(generator.next() % 50)\""),
      ("price", ["19.99", "0", "5", "1234.5", "0.01"].randomElement(using: &generator)!), ("warehouse_id", "1"),
      ("initial_quantity", ["0", "10", "2147483647"].randomElement(using: &generator)!),
    ]
  }

  /// The field a create without a warehouse breaks: none when it brings no stock (a catalog-only product), else
  /// `warehouse_id`, which stock needs.
  static func unstockedField(_ fields: Fields) -> String? {
    fields.contains { $0 == ("initial_quantity", "0") } ? nil : "warehouse_id"
  }

  static func json(_ fields: Fields) -> String {
    "{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
  }

  static func replacing(_ fields: Fields, _ field: String, with value: String) -> Fields {
    fields.map { $0.0 == field ? ($0.0, value) : $0 }
  }

  /// Values that are valid for `field`, beyond the defaults: limits a correct handler must accept.
  static let acceptedValues: [String: [String]] = [
    "name": ["\"Ünïcødé 名前 🛠\"", "\"  padded  \"", "\"\(String(repeating: "n", count: 255))\""],
    "price": ["-0", "0.10", "1e2", "1E-2", "1.5e1", "9999999999.99"],
    "warehouse_id": ["2"],
    "initial_quantity": ["null", "0", "2147483647"],
  ]

  /// Values that must be refused for `field`.
  static let refusedValues: [String: [String]] = [
    "name": [
      "\"\"", "\"   \"", "\"\\u0000name\"", "\"tab\\there\"", "\"\(String(repeating: "n", count: 256))\"", "42", "true",
      "null", "[]", "{}",
    ],
    "sku": [
      "\"\"", "\" \"", "\"W 1\"", "\"Ü-1\"", "\"名前\"", "\"W-1\\n\"", "\"-W1\"",
      "\"\(String(repeating: "S", count: 65))\"", "42",
      "true", "null", "[\"W-1\"]", "{}",
    ],
    "price": [
      "-5", "-0.01", "19.999", "0.001", "1e309", "-1e309", "9223372036854775808", "10000000000",
      "123456789012345678901234567890", "0.123456789012345678901234567890", "1e-3", "NaN", "Infinity", "-Infinity",
      "\"19.99\"", "true", "false", "null", "[19.99]", "{\"amount\": 19.99}",
    ],
    "warehouse_id": [
      "0", "-1", "2147483648", "9223372036854775808", "1.0", "1e0", "\"1\"", "true", "null", "[1]", "{}", "999", "3",
      "NaN",
    ],
    "initial_quantity": [
      "-1", "2147483648", "9223372036854775808", "1.0", "1e2", "10.5", "\"10\"", "true", "[10]", "{}", "NaN",
    ],
  ]

  /// A string of 1 MiB, built once: repeating a one-character string appends character by character.
  static let megabyte = String(decoding: [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 20), as: UTF8.self)

  /// Arrays nested `depth` deep, `[[...]]`, for each depth the corpus uses, built once.
  static let nesting: [Int: String] = Dictionary(
    uniqueKeysWithValues: [1001, 5000, 100_000].map { depth in
      let bytes =
        [UInt8](repeating: UInt8(ascii: "["), count: depth) + [UInt8](repeating: UInt8(ascii: "]"), count: depth)
      return (depth, String(decoding: bytes, as: UTF8.self))
    })

  static func make(_ index: Int, _ generator: inout SplitMix64) -> AdversarialCase {
    let fields = validFields(&generator)
    func done(_ label: String, _ text: String, field: String?, contentType: String? = "application/json")
      -> AdversarialCase
    {
      AdversarialCase(
        index: index, label: label, body: Array(text.utf8), contentType: contentType, brokenField: field)
    }
    let field = fieldNames.randomElement(using: &generator)!
    switch generator.next() % 100 {
    case 0..<15:
      return done("valid", json(fields), field: nil)
    case 15..<22:
      let value = acceptedValues[field, default: ["\"Widget\""]].randomElement(using: &generator)!
      guard acceptedValues[field] != nil else { return done("valid", json(fields), field: nil) }
      return done("valid \(field) \(value.prefix(20))", json(replacing(fields, field, with: value)), field: nil)
    case 22..<60:
      let value = refusedValues[field]!.randomElement(using: &generator)!
      let broken = field == "warehouse_id" && value == "null" ? unstockedField(fields) : field
      return done("\(field) as \(value.prefix(20))", json(replacing(fields, field, with: value)), field: broken)
    case 60..<66:
      guard field != "initial_quantity" else {
        return done("without initial_quantity", json(fields.filter { $0.0 != field }), field: nil)
      }
      let broken = field == "warehouse_id" ? unstockedField(fields) : field
      return done("without \(field)", json(fields.filter { $0.0 != field }), field: broken)
    case 66..<70:
      let extra = ["colour", "warehouse", "Price", "initial_qty", ""].randomElement(using: &generator)!
      return done("extra key \(extra)", json(fields + [(extra, "1")]), field: extra)
    case 70..<74:
      let duplicate = fields.first { $0.0 == field }!
      return done("duplicated \(field)", json(fields + [duplicate]), field: field)
    case 74..<80:
      let text = json(fields)
      let cut = Int(generator.next() % UInt64(text.utf8.count - 1)) + 1
      return done("truncated at \(cut)", String(text.utf8.prefix(cut))!, field: "body")
    case 80..<84:
      let garbage = [
        "", " ", "{", "}", "{'name': 'x'}", "{\"name\" \"x\"}", "[1,]", "\u{FEFF}\u{FEFF}{}", "nul", "{\"a\":1}}",
      ]
      return done("malformed", garbage.randomElement(using: &generator)!, field: "body")
    case 84..<88:
      let top = ["null", "[]", "[{}]", "\"Widget\"", "42", "true", "-1e309"].randomElement(using: &generator)!
      return done("top-level \(top)", top, field: "body")
    case 88..<92:
      let type = ["text/plain", nil, "application/xml", "application/x-www-form-urlencoded", "multipart/form-data"]
        .randomElement(using: &generator)!
      return done("content type \(type ?? "none")", json(fields), field: "body", contentType: type)
    case 92..<94:
      let depth = [1001, 5000, 100_000].randomElement(using: &generator)!
      let nested = nesting[depth]!
      return generator.next() % 2 == 0
        ? done("nested \(depth) deep", nested, field: "body")
        : done("name nested \(depth) deep", json(replacing(fields, "name", with: nested)), field: "body")
    case 94..<95:
      let target = generator.next() % 2 == 0 ? "name" : "sku"
      return done("\(target) of 1 MB", json(replacing(fields, target, with: "\"\(megabyte)\"")), field: target)
    default:
      let mixed = ["\"W-\u{0301}1\"", "\"\\ud83d\\ude00\"", "\"W\\u00001\"", "\"\\u202eW-1\"", "\"Ｗ-１\""]
        .randomElement(using: &generator)!
      return done("sku \(mixed)", json(replacing(fields, "sku", with: mixed)), field: "sku")
    }
  }
}
