import Findings
import RequestLayer
import Submissions
import Testing

/// Every create-product finding, run against the original (where it must reproduce, recorded as a known issue)
/// and against the fix (where it must be absent). A finding that stops reproducing on the original fails the
/// suite with "Known issue was not recorded".
@Suite("Create-product findings: reproduced by the original, absent from the fix")
struct CreateProductDemonstrations {
  @Test("Each finding's probe", arguments: Catalog.createProduct, [Registry.original, Registry.fixed])
  func demonstrate(_ finding: Finding, on implementation: Implementation) {
    ReviewTests.demonstrate(finding, on: implementation, defectExpected: implementation.role == .original)
  }
}
