import Findings
import RequestLayer
import Submissions
import Testing

/// Every error of the fix is JSON, routing errors included; the original keeps Flask's HTML pages.
@Suite("Routing errors")
struct RoutingErrorTests {
  static let requests: [(Request, status: Int, allow: String?)] = [
    (.get("/api/nowhere", as: Fixture.acmeUser), 404, nil),
    (.get("/api/companies/abc/alerts/low-stock", as: Fixture.acmeUser), 404, nil),
    (.get("/api/companies/-1/alerts/low-stock", as: Fixture.acmeUser), 404, nil),
    (.get("/api/products", as: Fixture.acmeUser), 405, "OPTIONS, POST"),
    (.post("/api/companies/1/alerts/low-stock", body: "{}", as: Fixture.acmeUser), 405, "GET, HEAD, OPTIONS"),
  ]

  @Test("The fix answers a routing error as JSON, a 405 with Allow", arguments: requests)
  func fixAnswersRoutingErrorsAsJSON(_ request: Request, _ status: Int, _ allow: String?) {
    let fixed = Registry.fixed
    let response = fixed.handle(request, on: fixed.makeStore())
    #expect(response.status == status)
    #expect(response.headers["Content-Type"] == "application/json")
    #expect(response.field("error") != nil)
    #expect(response.headers["Allow"] == allow)
  }

  @Test("The original keeps Flask's HTML routing errors", arguments: requests.prefix(4))
  func originalKeepsHTMLRoutingErrors(_ request: Request, _ status: Int, _ allow: String?) {
    let original = Registry.original
    let response = original.handle(request, on: original.makeStore())
    #expect(response.status == status)
    #expect(response.headers["Content-Type"] == "text/html; charset=utf-8")
    #expect(response.headers["Allow"] == allow)
  }
}
