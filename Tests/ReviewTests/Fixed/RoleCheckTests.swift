import Findings
import RequestLayer
import Store
import Submissions
import Testing

/// Only an `admin` or a `manager` creates products on the fix; every other role, and a principal naming no user,
/// is refused before the body is read, writing nothing.
@Suite("The fix's create checks the caller's role")
struct RoleCheckTests {
  @Test(arguments: ["admin", "manager", "staff", "viewer"])
  func onlyAdminAndManagerCreate(_ role: String) throws {
    let trial = try Trial(Registry.fixed)
    try trial.seed("users", [["company_id": .int(1), "name": .text("\(role)@acme.test"), "role": .text(role)]])
    let user = try trial.rows("users").last!.id
    let (response, changes) = try trial.createProductChanging(
      ProductBody.json(), as: Principal(userID: user, companyID: 1))
    if role == "admin" || role == "manager" {
      #expect(response.status == 201, "\(role): \(response.brief)")
    } else {
      #expect(response.status == 403 && changes.isEmpty, "\(role): \(response.brief)")
      #expect(response.body.contains("role \(role) may not create products; only admin and manager may"))
    }
  }

  @Test func aViewerIsRefusedBeforeTheBodyIsRead() throws {
    let response = try Trial(Registry.fixed).createProduct("not even JSON", as: Fixture.acmeViewer)
    #expect(response.status == 403)
  }

  @Test func aPrincipalNamingNoUserIsUnauthenticated() throws {
    let response = try Trial(Registry.fixed).createProduct(
      ProductBody.json(), as: Principal(userID: 99, companyID: 1))
    #expect(response.status == 401)
  }
}
