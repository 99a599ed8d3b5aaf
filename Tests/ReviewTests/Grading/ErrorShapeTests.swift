import Findings
import RequestLayer
import Testing

@Suite("A 4xx names a field however the error is shaped")
struct ErrorShapeTests {
  @Test(
    "Accepted shapes",
    arguments: [
      #"{"error": "price must be a number"}"#, #"{"errors": [{"loc": ["price"], "msg": "not a number"}]}"#,
      #"{"message": "Invalid price."}"#, #"{"detail": {"price": ["Not a valid number."]}}"#,
      #"{"price": "required"}"#, #"{"error": "invalid", "field": "price"}"#,
    ])
  func namesTheField(_ body: String) {
    #expect(Response(status: 400, headers: ["Content-Type": "application/json"], body: body).rejects(field: "price"))
  }

  @Test func anotherFieldThatContainsTheNameIsNotTheField() {
    let response = Response(
      status: 400, headers: ["Content-Type": "application/json"], body: #"{"error": "unit_price is required"}"#)
    #expect(!response.rejects(field: "price"))
  }

  @Test func aReferenceMayBeNamedByWhatItReferences() {
    let notFound = Response(
      status: 404, headers: ["Content-Type": "application/json"], body: #"{"error": "Warehouse 999 not found"}"#)
    #expect(notFound.rejects(field: "warehouse_id"))
    #expect(!notFound.rejects(field: "company_id"))
    let plural = Response(
      status: 404, headers: ["Content-Type": "application/json"], body: #"{"error": "no warehouses here"}"#)
    #expect(!plural.rejects(field: "warehouse_id"))
  }

  @Test func aBodyErrorMayNameTheJSONOrTheObject() {
    let response = Response(
      status: 422, headers: ["Content-Type": "application/problem+json"],
      body: #"{"detail": "Request must be a JSON object"}"#)
    #expect(response.rejects(field: "body"))
    #expect(response.brief == #"422 "Request must be a JSON object""#)
  }

  @Test func aServerErrorOrHTMLNeverRejects() {
    #expect(
      !Response(status: 500, headers: ["Content-Type": "application/json"], body: #"{"error": "price"}"#)
        .rejects(field: "price"))
    #expect(!Response(status: 400, headers: ["Content-Type": "text/html"], body: "price").rejects(field: "price"))
  }
}

@Suite("Every finding states what resolving it means")
struct ResolutionTests {
  @Test func everyFindingHasItsOwnResolution() {
    for finding in Catalog.all {
      #expect(Resolution.byFindingID[finding.id] != nil, "\(finding.id) has no resolution")
    }
  }

  @Test func partialResolutionIsStatedWhereTheProbeCanConcludePartly() {
    let partial = Catalog.all.filter { $0.resolution.partial != nil }.map(\.id)
    #expect(
      Set(partial) == [
        "no-error-handling", "sku-race", "wrong-status-code", "unknown-warehouse", "non-idempotent-retry",
      ])
  }
}
