import RequestLayer
import Store
import Synchronization

/// One run of a scenario: a fresh store with the demo fixture, and the steps taken on it, recorded as evidence.
///
/// Probes send requests through `send(_:)` (or `createProduct(_:)`) and end with `conclude(_:_:)`; every step
/// records the request, the response and the rows it changed.
public final class Trial: Sendable {
  public let implementation: Implementation
  public let store: Store
  private let steps = Mutex<[Step]>([])

  public init(_ implementation: Implementation, fixture: Fixture = .demo) {
    self.implementation = implementation
    store = implementation.makeStore()
    do {
      try fixture.load(into: store)
    } catch {
      fatalError("the demo fixture must load into every schema: \(error)")
    }
  }

  /// Sends `request` to the implementation and records it with the rows it changed.
  @discardableResult
  public func send(_ request: Request) -> Response {
    exchange(request).response
  }

  /// Sends `request`, records it, and returns the response with the committed rows it added, changed or removed.
  public func exchange(_ request: Request) -> (response: Response, changes: [RowChange]) {
    let before = store.snapshot()
    let response = implementation.handle(request, on: store)
    let changes = store.snapshot().changes(since: before)
    record(
      Step(
        action: Self.describe(request),
        requestBody: request.body.isEmpty ? nil : Self.shortened(String(decoding: request.body, as: UTF8.self)),
        status: response.status,
        responseHeaders: response.headers.filter { ["Location", "Retry-After"].contains($0.key) },
        responseBody: Self.shortened(response.body), uncaughtError: response.uncaughtError,
        storeChanges: changes.map(\.description)))
    return (response, changes)
  }

  /// Sends `POST /api/products` with `body` as `application/json`, by the demo's Acme user unless told otherwise.
  @discardableResult
  public func createProduct(
    _ body: String, as principal: Principal? = Fixture.acmeUser, contentType: String? = "application/json"
  ) -> Response {
    send(.post("/api/products", body: body, contentType: contentType, as: principal))
  }

  /// `createProduct(_:as:contentType:)`, also returning the committed rows the request changed.
  public func createProductChanging(
    _ body: String, as principal: Principal? = Fixture.acmeUser, contentType: String? = "application/json"
  ) -> (response: Response, changes: [RowChange]) {
    exchange(.post("/api/products", body: body, contentType: contentType, as: principal))
  }

  /// Records a step that is not a request, such as an injected fault or a direct write.
  public func note(_ action: String, changes: [String] = []) {
    record(Step(action: action, storeChanges: changes))
  }

  /// Plans a store fault and records that it was planned.
  public func inject(_ fault: Fault) {
    store.inject(fault)
    note("inject fault: \(fault)")
  }

  /// The rows of `table` now committed.
  public func rows(_ table: String) -> [Row] {
    store.snapshot().rows(table)
  }

  /// Ends the scenario with a verdict and a one-sentence summary of what was seen.
  public func conclude(_ reproduced: Bool, _ summary: String) -> Observation {
    Observation(verdict: reproduced ? .reproduced : .absent, summary: summary, steps: steps.withLock { $0 })
  }

  private func record(_ step: Step) {
    steps.withLock { $0.append(step) }
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
    return action
  }

  static func shortened(_ text: String, limit: Int = 400) -> String {
    let trimmed = text.hasSuffix("\n") ? String(text.dropLast()) : text
    guard trimmed.utf8.count > limit else { return trimmed }
    return String(trimmed.prefix(limit / 2)) + "… (\(trimmed.utf8.count) bytes in all)"
  }
}
