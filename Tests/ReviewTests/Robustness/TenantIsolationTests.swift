import Findings
import RequestLayer
import Submissions
import Testing

/// A user of one company cannot write into another company's warehouse; anonymous requests are refused.
@Suite("Tenant isolation of create-product on the fix")
struct TenantIsolationTests {
  private func attempt(_ body: String, as principal: Principal?) throws -> (Response, changed: Bool) {
    let (response, changes) = try Trial(Registry.fixed).createProductChanging(body, as: principal)
    return (response, !changes.isEmpty)
  }

  @Test func anotherCompanysWarehouseIs403AndWritesNothing() throws {
    let (response, changed) = try attempt(ProductBody.json(["warehouse_id": "3"]), as: Fixture.acmeUser)
    #expect(response.status == 403)
    #expect(response.rejects(field: "warehouse_id"))
    #expect(!changed)
    let (back, backChanged) = try attempt(ProductBody.json(["warehouse_id": "1"]), as: Fixture.globexUser)
    #expect(back.status == 403 && !backChanged)
  }

  /// The API promises 404 for a warehouse that does not exist and 403 for one of another company: a signed-in
  /// user can tell the two apart, by design; anything more (its name, its stock) is never revealed.
  @Test func unknownWarehouseIs404AndRevealsNothingBeyondExistence() throws {
    let (response, changed) = try attempt(ProductBody.json(["warehouse_id": "999"]), as: Fixture.acmeUser)
    #expect(response.status == 404 && !changed)
    let (other, _) = try attempt(ProductBody.json(["warehouse_id": "3"]), as: Fixture.acmeUser)
    #expect(!other.body.contains("Globex"), "the 403 does not name the other company or its warehouse")
  }

  @Test func requestWithoutAPrincipalIs401AndWritesNothing() throws {
    let (response, changed) = try attempt(ProductBody.json(), as: nil)
    #expect(response.status == 401)
    #expect(!changed)
  }

  @Test func aProductBelongsToTheCreatorsCompany() throws {
    let trial = try Trial(Registry.fixed)
    try trial.createProduct(ProductBody.json(["warehouse_id": "2"]))
    #expect(try trial.rows("products").first?["company_id"] == .int(1))
  }
}
