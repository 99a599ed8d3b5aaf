import Findings
import Report
import RequestLayer
import Submissions
import Testing

@Suite("Doing nothing scores nothing")
struct SoundnessTests {
  @Test(
    "No probe concludes absent or partly on a submission that refuses everything",
    arguments: DoNothingSubmissions.all)
  func noProbeCreditsRefusal(_ submission: Implementation) {
    for finding in Catalog.all {
      let observation = finding.probe.run(against: submission)
      #expect(
        ![.absent, .partly].contains(observation.verdict),
        "\(submission.name) on \(finding.id): \(observation.verdict.rawValue), \(observation.summary)")
    }
  }

  @Test("A submission that refuses everything is graded broken, scoring 0", arguments: DoNothingSubmissions.all)
  func refusingEverythingIsBroken(_ submission: Implementation) throws {
    let card = Grader().grade(submission)
    #expect(card.isBroken)
    #expect(card.percent == 0)
    #expect((card.baseline?.failed.count ?? 0) >= 3)
    #expect(card.summary.hasPrefix("`\(submission.name)` is broken: it fails "))
    #expect(card.markdown.contains("## Baseline: **broken**"))
  }
}
