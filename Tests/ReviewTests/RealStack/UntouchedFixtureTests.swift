import Findings
import Foundation
import Report
import RequestLayer
import Store
import Testing

@testable import RealStack

/// `review conform` reuses a database nothing wrote to: a start skips the reset, a request that only read skips
/// the dump. Each start must still begin from the fixture, whatever the case before it did. Opt-in
/// (`STOCKFLOW_REAL_STACK=1`).
@Suite(
  "Opt-in (STOCKFLOW_REAL_STACK=1): a reused database still starts every case from the fixture",
  .realStackOptIn, .serialized)
struct UntouchedFixtureTests {
  @Test func aStartAfterAWriteOrASeedReloadsTheFixtureAndAReadOnlyRequestLeavesItsRows() throws {
    let stack = try RealStack.start(packageRoot: try PackageRoot.locate())
    defer { stack.stop() }
    let fixed = try PythonDeployment(name: "fixed", path: "apps/fixed", on: stack, reusingUntouchedDatabase: true)
    defer { fixed.close() }
    let fixture = try fixed.start(with: .demo).snapshot()
    let stored = { try fixed.app.dump().snapshot }  // what PostgreSQL holds, never the remembered rows

    let refused = try fixed.start(with: .demo).send(
      .post("/api/products", body: ProductBody.json(["price": "\"free\""]), as: Fixture.acmeUser))
    #expect((400..<500).contains(refused.response.status))
    #expect(refused.statements.allSatisfy { statement in statement.writesNothing })
    #expect(refused.after == fixture)
    #expect(try stored() == fixture)

    let created = try fixed.start(with: .demo).send(
      .post("/api/products", body: ProductBody.json(), as: Fixture.acmeUser))
    #expect(created.response.status == 201)
    #expect(created.after != fixture)
    #expect(try fixed.start(with: .demo).snapshot() == fixture)
    #expect(try stored() == fixture)

    let seeded = try fixed.start(with: .demo)
    _ = try seeded.seed("warehouses", [["company_id": .int(1), "name": .text("Annex")]])
    #expect(try stored() != fixture)
    _ = try fixed.start(with: .demo)
    #expect(try stored() == fixture)
  }
}
