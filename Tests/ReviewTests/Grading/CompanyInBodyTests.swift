import Fixed
import Report
import RequestLayer
import Submissions
import Testing

@testable import Findings

/// An answer that takes the product's company from the body, as answers written without authentication do.
@Suite("A create that requires company_id in the body is graded with the caller's company supplied")
struct CompanyInBodyTests {
  /// The fix, except that the company is `company_id` from the body (required), trusted as the caller's.
  static let trustingTheBody = Implementation(
    name: "company-in-body", summary: "The fix, taking the company from the body.", role: .submission,
    sourceFolder: "fixed", schema: Fixed.schema,
    createProduct: { request, db in
      guard case .object(let body)? = try? JSONParser.parse(String(decoding: request.body, as: UTF8.self)),
        case .number(let company)? = body["company_id"], let companyID = Int(company.text)
      else { return .json(["error": "company_id is required", "field": "company_id"], status: 400) }
      var trusted = request
      trusted.body = Array(
        JSONValue.object(JSONObject(body.members.filter { $0.key != "company_id" })).encoded(sortedKeys: false).utf8)
      trusted.principal = request.principal.map { Principal(userID: $0.userID, companyID: companyID) }
      return try Fixed.createProduct(trusted, db)
    })

  @Test func itIsGradedNotBrokenAndItsTrustOfTheBodyIsATenantHole() {
    let card = Grader().grade(Self.trustingTheBody)
    #expect(card.baseline?.passed == true)
    #expect(
      card.adaptations.contains {
        $0.hasPrefix("its create refused the case study's valid body (400 \"company_id is required\")")
      })
    let tenant = card.lines.first { $0.finding.id == "no-tenant-check" }
    #expect(tenant?.verdict == .stillPresent, "\(tenant?.observed ?? "")")
    #expect(tenant?.observed.contains("naming Globex as company_id it answered 201") == true)
  }

  @Test func aSubmissionTheCompanyDoesNotHelpIsGradedOnTheCaseStudysBodyAndToldSo() {
    let card = Grader().grade(DoNothingSubmissions.refusing("refuses-400", status: 400))
    #expect(card.isBroken)
    #expect(
      card.adaptations.contains {
        $0.hasSuffix(
          "with the caller's company as company_id it answered 400 \"refused\", so it is graded on the case "
            + "study's body")
      })
  }

  @Test func theFixIsGradedAsItIs() {
    #expect(Grader().grade(Registry.fixed).adaptations.isEmpty)
  }

  @Test(
    "The caller's company goes first in a create's JSON object, the rest kept byte for byte",
    arguments: [
      (#"{"name": "W"}"#, #"{"company_id": 1, "name": "W"}"#), (" { } ", #" {"company_id": 1 } "#),
      (#"{"name": "#, #"{"company_id": 1, "name": "#), (#"["W"]"#, #"["W"]"#),
      (#"{"company_id": 7}"#, #"{"company_id": 7}"#),
    ])
  func supplying(_ body: String, _ expected: String) {
    let request = Request.post("/api/products", body: body, as: Principal(userID: 1, companyID: 1))
    #expect(String(decoding: request.supplyingCompany().body, as: UTF8.self) == expected)
  }

  @Test func anAnonymousCreateNamesAcmeAndOtherRequestsAreUntouched() {
    let anonymous = Request.post("/api/products", body: "{}", as: nil).supplyingCompany()
    #expect(String(decoding: anonymous.body, as: UTF8.self) == #"{"company_id": 1}"#)
    let alerts = Request.get("/api/companies/2/alerts/low-stock", as: nil)
    #expect(alerts.supplyingCompany().body == alerts.body)
  }
}
