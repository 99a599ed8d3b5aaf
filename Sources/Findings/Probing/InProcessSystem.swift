import RequestLayer
import Store
import Synchronization

extension Implementation: Deployment {
  public var endpoints: Set<Endpoint> {
    lowStockAlerts == nil ? [.createProduct] : [.createProduct, .lowStockAlerts]
  }

  public func start(with fixture: Fixture) throws -> any SystemUnderTest {
    try InProcessSystem(self, fixture: fixture)
  }
}

/// A Swift implementation served in this process over its own fresh in-memory store.
public final class InProcessSystem: SystemUnderTest {
  public let implementation: Implementation
  /// The store, for tests that look beneath the system's operations.
  public let store: Store
  public let tables: [String: Set<String>]

  public init(_ implementation: Implementation, fixture: Fixture = .demo) throws {
    self.implementation = implementation
    store = implementation.makeStore()
    tables = Dictionary(
      uniqueKeysWithValues: implementation.schema.tables.map { ($0.name, Set(["id"] + $0.columns.map(\.name))) })
    try fixture.load(into: store)
    store.recordStatements()
  }

  public func send(_ request: Request) -> Exchange {
    let (logged, faults) = (store.statementLog.count, store.plannedFaults)
    let response = implementation.handle(request, on: store)
    return Exchange(
      response: response, statements: Self.sql(store.statementLog.dropFirst(logged)),
      faultsFired: faults - store.plannedFaults, after: store.snapshot(), log: response.log)
  }

  /// The statements that reach the database as SQL: a flush is the store's own step, not a statement.
  private static func sql(_ events: some Sequence<StatementEvent>) -> [Statement] {
    events.map(\.statement).filter { $0 != .flush }
  }

  public func snapshot() -> Snapshot {
    store.snapshot()
  }

  public func seed(_ table: String, _ rows: [[String: Value]]) -> Seeding {
    do {
      return .inserted(try store.seed(table, rows))
    } catch {
      return .refused(String(describing: error))
    }
  }

  public func inject(_ fault: Fault) {
    store.inject(fault)
  }

  /// Interleaves through the store's hook: `second` runs inside the hook, on the paused request's thread.
  public func race(_ first: Request, pausedBefore statement: Statement, _ second: Request) -> Race {
    let fired = Mutex(false)
    let window = Mutex<(exchange: Exchange, range: Range<Int>)?>(nil)
    store.interleave { [self] _, sent in
      guard sent == statement,
        fired.withLock({ wasFired in
          defer { wasFired = true }
          return !wasFired
        })
      else { return }
      let start = store.statementLog.count
      let exchange = send(second)
      window.withLock { $0 = (exchange, start..<store.statementLog.count) }
    }
    let start = store.statementLog.count
    let exchange = send(first)
    store.interleave(nil)
    guard let (secondExchange, secondRange) = window.withLock({ $0 }) else {
      return Race(paused: false, first: exchange, second: nil, secondWaited: false)
    }
    let log = store.statementLog
    let firstStatements = Self.sql(log[start..<secondRange.lowerBound] + log[secondRange.upperBound...])
    return Race(
      paused: true,
      first: Exchange(
        response: exchange.response, statements: firstStatements,
        faultsFired: exchange.faultsFired - secondExchange.faultsFired, after: exchange.after, log: exchange.log),
      second: secondExchange, secondWaited: false)
  }
}
