import Findings
import RequestLayer
import Submissions
import Testing

/// The fix refuses names and SKUs holding text no reader can see or no database can store, naming the field.
@Suite("The fix's refusal of unseen characters")
struct UnseenCharacterTests {
  /// A field, the JSON literal it is sent as, and the code point the refusal names (nil: a damaged text).
  static let cases: [(field: String, literal: String, found: String?)] = [
    ("name", #""a\ud800b""#, nil),
    ("name", #""a\ufffdb""#, nil),
    ("name", #""\u202eWidget""#, "U+202E"),
    ("name", #""Wid\u200bget""#, "U+200B"),
    ("name", #""Widget\ufeff""#, "U+FEFF"),
    ("name", #""Wid\u00adget""#, "U+00AD"),
    ("name", #""Wid\u2066get""#, "U+2066"),
    ("sku", #""W\u200d1""#, "U+200D"),
    ("sku", #""W\udc001""#, nil),
  ]

  @Test("A lone surrogate, U+FFFD or an invisible format character is a 400 naming the field", arguments: cases)
  func unseenCharacterIsRefused(_ field: String, _ literal: String, _ found: String?) throws {
    let trial = try Trial(Registry.fixed)
    let (response, changes) = try trial.createProductChanging(ProductBody.json([field: literal]))
    #expect(response.rejects(field: field))
    #expect(response.status == 400)
    #expect(changes.isEmpty)
    let expected =
      found.map { "\(field) must not contain invisible or direction-changing characters (found \($0))" }
      ?? "\(field) must not contain a lone surrogate or U+FFFD (text damaged in encoding)"
    #expect(response.field("error") == .string(expected))
  }

  @Test func visibleNonASCIINameIsKept() throws {
    let trial = try Trial(Registry.fixed)
    let (response, _) = try trial.createProductChanging(ProductBody.json(["name": #""Caf\u00e9 \u00c5ngstr\u00f6m""#]))
    #expect(response.status == 201)
  }
}
