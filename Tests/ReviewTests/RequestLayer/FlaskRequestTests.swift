import RequestLayer
import Store
import Submissions
import Testing

/// The request layer behaves as Flask 3 does around a view.
@Suite("Flask's request.json and error handling")
struct FlaskRequestTests {
  private let echo: Handler = { request, _ in .json(try request.json()) }

  private func serveEcho(_ body: String, contentType: String? = "application/json") -> Response {
    serve(
      echo, .post("/", body: body, contentType: contentType, as: nil),
      on: Store(schema: Schema(name: "empty", tables: [])))
  }

  @Test func refusesANonJSONContentTypeWith415() {
    #expect(serveEcho("{}", contentType: "text/plain").status == 415)
    #expect(serveEcho("{}", contentType: nil).status == 415)
  }

  @Test func acceptsJSONMediaTypesWithParametersAndSuffixes() {
    #expect(serveEcho("{}", contentType: "application/json; charset=utf-8").status == 200)
    #expect(serveEcho("{}", contentType: "application/merge-patch+json").status == 200)
  }

  @Test func answersMalformedJSONWith400() {
    #expect(serveEcho("{").status == 400)
    #expect(serveEcho("").status == 400)
  }

  @Test func passesNullListsAndScalarsThrough() {
    for body in ["null", "[1]", "\"s\"", "42"] {
      #expect(serveEcho(body).status == 200, "Flask hands \(body) to the view as it is")
    }
  }

  @Test func turnsRecursionErrorIntoA500LikePython() {
    let response = serveEcho(String(repeating: "[", count: 5000))
    #expect(response.status == 500)
    #expect(response.uncaughtError?.hasPrefix("RecursionError") == true)
  }

  @Test func keepsTheUncaughtErrorBehindA500() {
    let failing: Handler = { request, _ in try request.json().item("name") == .null ? .json(nil) : .json(nil) }
    let response = serve(failing, .post("/", body: "{}", as: nil), on: Store(schema: Schema(name: "empty", tables: [])))
    #expect(response.status == 500)
    #expect(response.uncaughtError == "KeyError: 'name'")
  }

  @Test func routesUnknownPathsTo404AndWrongMethodsTo405() {
    let original = Registry.original
    let store = original.makeStore()
    #expect(original.handle(.get("/api/nothing", as: nil), on: store).status == 404)
    #expect(original.handle(.get("/api/products", as: nil), on: store).status == 405)
  }
}
