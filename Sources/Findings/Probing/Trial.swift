import RequestLayer
import Store
import Synchronization

/// One run of a scenario on a fresh system with the demo fixture, and the steps taken on it, recorded as evidence.
///
/// Probes send requests through `send(_:)` (or `createProduct(_:)`) and end with one verdict constructor:
/// `reproduced(_:)`, `absent(_:)`, `partly(_:)` or `inconclusive(_:)`. Every step records the request, the
/// response and the rows it changed.
public final class Trial: Sendable {
  public let system: any SystemUnderTest
  private let state: Mutex<State>

  private struct State {
    var steps: [Step] = []
    /// The committed rows as of the last operation; `nil` once rows were written without a snapshot.
    var current: Snapshot?
    var faultsFired = 0
  }

  /// A trial on a fresh start of `deployment` holding `fixture`.
  public convenience init(_ deployment: some Deployment, fixture: Fixture = .demo) throws {
    try self.init(system: deployment.start(with: fixture))
  }

  /// A trial on a system that is already running.
  public init(system: any SystemUnderTest) throws {
    self.system = system
    state = Mutex(State(current: try system.snapshot()))
  }

  /// Sends `request` and records it with the rows it changed.
  @discardableResult
  public func send(_ request: Request) throws -> Response {
    try exchange(request).exchange.response
  }

  /// Sends `request`, records it, and returns the exchange with the committed rows it added, changed or removed.
  @discardableResult
  public func exchange(_ request: Request) throws -> (exchange: Exchange, changes: [RowChange]) {
    let before = try snapshot()
    let exchange = try system.send(request)
    let changes = exchange.after.changes(since: before)
    state.withLock {
      $0.current = exchange.after
      $0.faultsFired += exchange.faultsFired
    }
    record(Self.step(request, exchange.response, changes))
    return (exchange, changes)
  }

  /// Sends `POST /api/products` with `body` as `application/json`, by the demo's Acme user unless told otherwise.
  @discardableResult
  public func createProduct(
    _ body: String, as principal: Principal? = Fixture.acmeUser, contentType: String? = "application/json"
  ) throws -> Response {
    try send(.post("/api/products", body: body, contentType: contentType, as: principal))
  }

  /// `createProduct(_:as:contentType:)`, also returning the committed rows the request changed.
  public func createProductChanging(
    _ body: String, as principal: Principal? = Fixture.acmeUser, contentType: String? = "application/json"
  ) throws -> (response: Response, changes: [RowChange]) {
    let (exchange, changes) = try exchange(
      .post("/api/products", body: body, contentType: contentType, as: principal))
    return (exchange.response, changes)
  }

  /// Records a step that is not a request, such as a planned fault.
  public func note(_ action: String, changes: [String] = []) {
    record(Step(action: action, storeChanges: changes))
  }

  /// Plans a database fault and records that it was planned.
  public func inject(_ fault: Fault) throws {
    try system.inject(fault)
    note("inject fault: \(fault)")
  }

  /// How many planned faults have fired so far.
  public var faultsFired: Int {
    state.withLock { $0.faultsFired }
  }

  /// Writes rows straight into the database, as another code path would; when `action` is given, the write is
  /// recorded as a step with what it changed.
  @discardableResult
  public func seed(_ table: String, _ rows: [[String: Value]], recordedAs action: String? = nil) throws -> Seeding {
    let before = action == nil ? nil : try snapshot()
    let seeding = try system.seed(table, rows)
    state.withLock { $0.current = nil }
    if let action, let before {
      let outcome =
        switch seeding {
        case .inserted: "the database accepted it"
        case .refused(let reason): "the database refused it: \(reason)"
        }
      note("\(action): \(outcome)", changes: try snapshot().changes(since: before).map(\.description))
    }
    return seeding
  }

  /// Runs `first` paused before `statement` while `second` runs to completion, recording each request with the
  /// rows it changed itself.
  public func race(_ first: Request, pausedBefore statement: Statement, _ second: Request) throws -> Race {
    let before = try snapshot()
    let race = try system.race(first, pausedBefore: statement, second)
    state.withLock {
      $0.current = race.first.after
      $0.faultsFired += race.first.faultsFired + (race.second?.faultsFired ?? 0)
    }
    var afterSecond = before
    if let exchange = race.second {
      note("request B runs while request A is paused before its \(statement)")
      record(Self.step(second, exchange.response, exchange.after.changes(since: before), label: "B"))
      afterSecond = exchange.after
    }
    record(Self.step(first, race.first.response, race.first.after.changes(since: afterSecond), label: "A"))
    return race
  }

  /// The rows of `table` now committed.
  public func rows(_ table: String) throws -> [Row] {
    try snapshot().rows(table)
  }

  /// Every committed row now.
  public func snapshot() throws -> Snapshot {
    if let current = state.withLock({ $0.current }) { return current }
    let snapshot = try system.snapshot()
    state.withLock { $0.current = snapshot }
    return snapshot
  }

  /// Ends the scenario: the defect showed.
  public func reproduced(_ summary: String) -> Observation { conclude(.reproduced, summary) }

  /// Ends the scenario: the scenario ran to the step that matters and the defect did not show.
  public func absent(_ summary: String) -> Observation { conclude(.absent, summary) }

  /// Ends the scenario: the harm is gone but part of the defect remains, which `summary` names.
  public func partly(_ summary: String) -> Observation { conclude(.partly, summary) }

  /// Ends the scenario without a verdict: it could not reach the step that would show the defect.
  public func inconclusive(_ summary: String) -> Observation { conclude(.inconclusive, summary) }

  /// `reproduced(_:)` when `shows`, else `absent(_:)`, for a scenario that reached the step that matters.
  public func verdict(showing shows: Bool, _ summary: String) -> Observation {
    shows ? reproduced(summary) : absent(summary)
  }

  private func conclude(_ verdict: Observation.Verdict, _ summary: String) -> Observation {
    Observation(verdict: verdict, summary: summary, steps: state.withLock { $0.steps })
  }

  private func record(_ step: Step) {
    state.withLock { $0.steps.append(step) }
  }

  static func step(_ request: Request, _ response: Response, _ changes: [RowChange], label: String? = nil) -> Step {
    Step(
      action: (label.map { "request \($0): " } ?? "") + describe(request),
      requestBody: request.body.isEmpty ? nil : shortened(String(decoding: request.body, as: UTF8.self)),
      status: response.status,
      responseHeaders: response.headers.filter { ["Location", "Retry-After"].contains($0.key) },
      responseBody: shortened(response.body), uncaughtError: response.uncaughtError,
      storeChanges: changes.map(\.description))
  }

  static func describe(_ request: Request) -> String {
    var action = "\(request.method) \(request.path)"
    if !request.query.isEmpty {
      action += "?" + request.query.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "&")
    }
    if let principal = request.principal {
      action += " as user \(principal.userID) (company \(principal.companyID))"
    } else {
      action += " with no authenticated user"
    }
    if request.method == "POST", request.contentType != "application/json" {
      action += ", Content-Type: \(request.contentType ?? "none")"
    }
    for (name, value) in request.headers.sorted(by: { $0.key < $1.key })
    where name.caseInsensitiveCompare("Content-Type") != .orderedSame {
      action += ", \(name): \(value)"
    }
    return action
  }

  static func shortened(_ text: String, limit: Int = 400) -> String {
    let trimmed = text.hasSuffix("\n") ? String(text.dropLast()) : text
    guard trimmed.utf8.count > limit else { return trimmed }
    return String(trimmed.prefix(limit / 2)) + "… (\(trimmed.utf8.count) bytes in all)"
  }
}
