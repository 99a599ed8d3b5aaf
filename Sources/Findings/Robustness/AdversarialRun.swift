import RequestLayer
import Store

/// What one implementation did with a whole adversarial corpus, sent in order to one store.
public struct AdversarialRun: Sendable {
  /// A request whose answer a correct handler would not give.
  public struct Violation: Sendable, CustomStringConvertible {
    public let index: Int
    public let label: String
    public let status: Int
    public let problem: String

    public var description: String { "case \(index) (\(label)): \(status), \(problem)" }
  }

  public let implementation: String
  public let seed: UInt64
  public let requests: Int
  /// Requests answered per status class: `2xx`, `4xx`, `5xx`.
  public let statusClasses: [String: Int]
  public let violations: [Violation]

  /// How many requests got a 5xx.
  public var serverErrors: Int { statusClasses["5xx", default: 0] }

  /// Sends every case to `deployment`, started once on the demo fixture, and checks each answer: a 2xx, or a 4xx
  /// whose JSON error names the broken field (409 naming `sku` for a valid body whose SKU is taken); never a 5xx;
  /// and no commit by a request that was refused. (Looking for a commit among the request's statements rather than
  /// comparing snapshots keeps the run linear in the corpus: a snapshot per request copies the whole, growing
  /// database.)
  public static func perform(_ corpus: AdversarialCorpus, against deployment: some Deployment) throws -> AdversarialRun
  {
    let system = try deployment.start(with: .demo)
    var classes: [String: Int] = [:]
    var violations: [Violation] = []
    for item in corpus.cases {
      let (response, statements) = try system.respond(to: item.request)
      classes["\(response.status / 100)xx", default: 0] += 1
      let problem: String?
      if response.isServerError {
        problem = "a server error" + (response.uncaughtError.map { " (\($0))" } ?? "")
      } else if !response.isSuccess && statements.contains(.commit) {
        problem = "refused but committed"
      } else if let field = item.brokenField {
        problem = response.rejects(field: field) ? nil : "expected a 4xx naming \(field), got \(response.brief)"
      } else {
        problem = response.isSuccess || response.rejects(field: "sku") ? nil : "a valid request got \(response.brief)"
      }
      if let problem {
        violations.append(Violation(index: item.index, label: item.label, status: response.status, problem: problem))
      }
    }
    return AdversarialRun(
      implementation: deployment.name, seed: corpus.seed, requests: corpus.cases.count, statusClasses: classes,
      violations: violations)
  }
}
