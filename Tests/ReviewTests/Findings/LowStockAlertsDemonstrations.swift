import Findings
import RequestLayer
import Submissions
import Testing

/// Every low-stock alerts finding, run against the candidate's sketch (the original for Part 3, where it must
/// reproduce, recorded as a known issue) and against the fix (where it must be absent).
@Suite("Low-stock alerts findings: reproduced by the original, absent from the fix")
struct LowStockAlertsDemonstrations {
  @Test("Each finding's probe", arguments: Catalog.lowStockAlerts, [Registry.original, Registry.fixed])
  func demonstrate(_ finding: Finding, on implementation: Implementation) {
    let observation = finding.probe.run(against: implementation)
    let reproduced = observation.reproduced
    #expect(observation.verdict != .notApplicable)
    withKnownIssue("\(finding.id) reproduces on the original: \(observation.summary)") {
      #expect(!reproduced, "\(implementation.name) shows \(finding.id) (\(finding.title)): \(observation.summary)")
    } when: {
      implementation.role == .original
    }
  }
}
