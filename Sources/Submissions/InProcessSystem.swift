import Findings
import Foundation
import RequestLayer
import Store
import Synchronization

extension Implementation: Deployment {
  /// `POST /api/products`, and the alerts endpoint when the implementation has it.
  public var endpoints: Set<Endpoint> {
    lowStockAlerts == nil ? [.createProduct] : [.createProduct, .lowStockAlerts]
  }

  /// The implementation in process over a fresh store holding exactly `fixture`'s rows.
  public func start(with fixture: Fixture) throws -> any SystemUnderTest {
    try InProcessSystem(self, fixture: fixture)
  }
}

/// A Swift implementation served in this process over its own fresh in-memory store.
public final class InProcessSystem: SystemUnderTest {
  public let implementation: Implementation
  /// The store, for tests that look beneath the system's operations.
  public let store: Store
  /// Each table of the schema with its column names.
  public let tables: [String: Set<String>]

  public init(_ implementation: Implementation, fixture: Fixture = .demo) throws {
    self.implementation = implementation
    store = implementation.makeStore()
    tables = Dictionary(
      uniqueKeysWithValues: implementation.schema.tables.map { ($0.name, Set(["id"] + $0.columns.map(\.name))) })
    try fixture.load(into: store)
    store.recordStatements()
  }

  /// Sends `request` through the implementation's routing; safe to call from several tasks at once, each exchange
  /// holding only the statements its own request's session sent (`faultsFired` counts every request's faults,
  /// so plan faults only for requests sent one at a time).
  public func send(_ request: Request) -> Exchange {
    let faults = store.plannedFaults
    let (response, statements) = run(request)
    return Exchange(
      response: response, statements: statements, faultsFired: faults - store.plannedFaults, after: store.snapshot(),
      log: response.log)
  }

  /// `send` without the rows read back, for runs of many requests on one store.
  public func respond(to request: Request) -> (response: Response, statements: [Statement]) {
    run(request)
  }

  /// The response and the statements sent by the session `request` ran in, however other requests interleave.
  private func run(_ request: Request) -> (response: Response, statements: [Statement]) {
    let logged = store.statementLog.count
    var sessionID: Int?
    let response = implementation.handle(request, on: store) { sessionID = $0.id }
    guard let sessionID else { return (response, []) }
    return (response, Self.sql(store.statementLog.dropFirst(logged).filter { $0.session == sessionID }))
  }

  /// The statements that reach the database as SQL: a flush is the store's own step, not a statement.
  private static func sql(_ events: some Sequence<StatementEvent>) -> [Statement] {
    events.map(\.statement).filter { $0 != .flush }
  }

  /// Every committed row now.
  public func snapshot() -> Snapshot {
    store.snapshot()
  }

  /// Inserts and commits `rows` straight into the store.
  public func seed(_ table: String, _ rows: [[String: Value]]) -> Seeding {
    do {
      return .inserted(try store.seed(table, rows))
    } catch {
      return .refused(String(describing: error))
    }
  }

  /// Plans `fault` in the store.
  public func inject(_ fault: Fault) {
    store.inject(fault)
  }

  /// Sends the requests from `clients` threads at once, each running its share in order on its own session.
  public func sendConcurrently(_ request: Request, count: Int, clients: Int, numbering token: String, modulo: Int)
    -> [Int: Int]
  {
    let template = String(decoding: request.body, as: UTF8.self)
    let statuses = Mutex([Int: Int]())
    DispatchQueue.concurrentPerform(iterations: clients) { client in
      for index in stride(from: client, to: count, by: clients) {
        var numbered = request
        numbered.body = Array(template.replacingOccurrences(of: token, with: String(index % modulo)).utf8)
        let status = respond(to: numbered).response.status
        statuses.withLock { $0[status, default: 0] += 1 }
      }
    }
    return statuses.withLock { $0 }
  }

  /// Interleaves through the store's hook: `second` runs inside the hook, on the paused request's thread.
  public func race(_ first: Request, pausedBefore statement: Statement, _ second: Request) -> Race {
    let fired = Mutex(false)
    let window = Mutex<Exchange?>(nil)
    store.interleave { [self] _, sent in
      guard sent == statement,
        fired.withLock({ wasFired in
          defer { wasFired = true }
          return !wasFired
        })
      else { return }
      let exchange = send(second)
      window.withLock { $0 = exchange }
    }
    let exchange = send(first)
    store.interleave(nil)
    guard let secondExchange = window.withLock({ $0 }) else {
      return Race(paused: false, first: exchange, second: nil, secondWaited: false)
    }
    return Race(
      paused: true,
      first: Exchange(
        response: exchange.response, statements: exchange.statements,
        faultsFired: exchange.faultsFired - secondExchange.faultsFired, after: exchange.after, log: exchange.log),
      second: secondExchange, secondWaited: false)
  }
}
