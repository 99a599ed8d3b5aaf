import RequestLayer

/// What one probe saw when it ran against one implementation.
///
/// Its JSON is its `Codable` form and nothing else (the report, `review conform`): `verdict` (the verdict's word,
/// as the markdown prints it), `summary` and `steps`, keys in snake_case through the report's one encoder.
public struct Observation: Hashable, Sendable, Codable {
  /// What the probe concluded; "could not test" has a case of its own and never reads as `absent`.
  public enum Verdict: String, Hashable, Sendable, Codable, CaseIterable {
    /// The defect showed.
    case reproduced
    /// The harm is gone, but part of the defect remains (the summary says which).
    case partly
    /// The scenario reached the step that matters and the defect did not show.
    case absent
    /// The scenario could not reach the step that would show the defect (a refused set-up request, a harness
    /// failure): no verdict.
    case inconclusive
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
///
/// Its JSON is its `Codable` form: `action`, `request_body`, `status`, `response_headers`, `response_body`,
/// `uncaught_error` and `store_changes`, an absent value as `null`.
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

/// A finding's scenario, runnable against any deployment: a Swift port in process or a Python app on PostgreSQL.
public struct Probe: Sendable {
  /// The scenario in one sentence.
  public let scenario: String
  /// The endpoint the scenario exercises; a deployment without it is not applicable.
  public let endpoint: Endpoint
  let body: @Sendable (Trial) throws -> Observation

  public init(
    _ scenario: String, endpoint: Endpoint = .createProduct, _ body: @escaping @Sendable (Trial) throws -> Observation
  ) {
    self.scenario = scenario
    self.endpoint = endpoint
    self.body = body
  }

  /// Runs the scenario on a fresh start of `deployment` holding the demo fixture.
  ///
  /// When the harness itself fails (the system could not be started or answered nothing), the observation is
  /// inconclusive and says why.
  public func run(against deployment: some Deployment) -> Observation {
    guard deployment.endpoints.contains(endpoint) else {
      return Observation(verdict: .notApplicable, summary: "has no \(endpoint.rawValue) endpoint.", steps: [])
    }
    let trial: Trial
    do {
      trial = try Trial(deployment)
    } catch {
      return Observation(verdict: .inconclusive, summary: "could not start: \(error)", steps: [])
    }
    do {
      return try body(trial)
    } catch {
      return trial.inconclusive("could not finish the scenario: \(error)")
    }
  }
}
