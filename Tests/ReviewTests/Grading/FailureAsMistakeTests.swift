import Findings
import Fixed
import RequestLayer
import Submissions
import Testing

@Suite("A database failure answered as a client mistake is still a server failure")
struct FailureAsMistakeTests {
  /// The fix, except that every server failure is answered `400 {"error": "bad request"}`: no request id, no log.
  static let disguising = Implementation(
    name: "disguises-failures", summary: "The fix, answering every 5xx as a bare 400.", role: .submission,
    sourceFolder: "fixed", schema: Fixed.schema,
    createProduct: { request, db in
      let response = try Fixed.createProduct(request, db)
      return response.isServerError ? .json(["error": "bad request"], status: 400) : response
    })

  @Test func aFailureAnsweredAs400WithNoRequestIDIsUntraceable() {
    let observation = Catalog.finding("untraceable-failures")!.probe.run(against: Self.disguising)
    #expect(observation.verdict == .reproduced, "\(observation.summary)")
    #expect(observation.summary.contains("answered 400"))
    #expect(observation.summary.contains("with no request id"))
  }
}
