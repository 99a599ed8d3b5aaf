import RequestLayer

/// What one probe saw when it ran against one implementation.
public struct Observation: Hashable, Sendable, Codable {
  /// Whether the defect showed.
  public enum Verdict: String, Hashable, Sendable, Codable {
    case reproduced
    case absent
    /// The implementation lacks the endpoint the probe exercises.
    case notApplicable = "not applicable"
  }

  public let verdict: Verdict
  /// One sentence saying what was observed.
  public let summary: String
  /// The requests sent, what came back, and what the store held afterwards, in order.
  public let steps: [Step]

  public init(verdict: Verdict, summary: String, steps: [Step]) {
    self.verdict = verdict
    self.summary = summary
    self.steps = steps
  }

  /// Whether the defect showed.
  public var reproduced: Bool { verdict == .reproduced }
}

/// One step of a probe's scenario: a request and its response, a direct store action, or a note.
public struct Step: Hashable, Sendable, Codable {
  /// What this step is, e.g. `POST /api/products as user 1 (company 1)`.
  public let action: String
  /// The request body as sent, when there was one (long bodies shortened).
  public let requestBody: String?
  /// `HTTP 201` with the headers that matter, when a response came back.
  public let status: Int?
  public let responseHeaders: [String: String]
  public let responseBody: String?
  /// The error that escaped the handler, when it answered Flask's generic 500.
  public let uncaughtError: String?
  /// Rows added, changed or removed by the step, one line each.
  public let storeChanges: [String]

  public init(
    action: String, requestBody: String? = nil, status: Int? = nil, responseHeaders: [String: String] = [:],
    responseBody: String? = nil, uncaughtError: String? = nil, storeChanges: [String] = []
  ) {
    self.action = action
    self.requestBody = requestBody
    self.status = status
    self.responseHeaders = responseHeaders
    self.responseBody = responseBody
    self.uncaughtError = uncaughtError
    self.storeChanges = storeChanges
  }
}

/// A finding's scenario, runnable against any implementation.
public struct Probe: Sendable {
  /// The scenario in one sentence.
  public let scenario: String
  let body: @Sendable (Implementation) -> Observation

  public init(_ scenario: String, _ body: @escaping @Sendable (Implementation) -> Observation) {
    self.scenario = scenario
    self.body = body
  }

  /// Runs the scenario on a fresh store of `implementation`.
  public func run(against implementation: Implementation) -> Observation {
    body(implementation)
  }
}
