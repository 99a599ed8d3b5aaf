import Findings
import RequestLayer
import Submissions
import Testing

/// Every low-stock alerts finding, run against the candidate's sketch (their Part 3 answer: the code under review
/// for that endpoint, where each must reproduce, recorded as a known issue) and against the fix (where each must
/// be absent). The original create-product code has no alerts endpoint.
@Suite("Low-stock alerts findings: reproduced by the candidate's sketch, absent from the fix")
struct LowStockAlertsDemonstrations {
  @Test("Each finding's probe", arguments: Catalog.lowStockAlerts, [Registry.candidate, Registry.fixed])
  func demonstrate(_ finding: Finding, on implementation: Implementation) {
    ReviewTests.demonstrate(finding, on: implementation, defectExpected: implementation.role != .fixed)
  }

  @Test func theOriginalHasNoAlertsEndpoint() {
    let observation = Catalog.lowStockAlerts[0].probe.run(against: Registry.original)
    #expect(observation.verdict == .notApplicable)
  }
}
