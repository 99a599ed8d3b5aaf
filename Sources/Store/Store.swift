import Synchronization

/// An in-memory transactional database that behaves like the one under SQLAlchemy, because the defects live there.
///
/// Sessions see committed data plus their own writes; ids are assigned at flush and never reused; a commit
/// re-checks every constraint and applies all of its writes or none. The store is safe to share between tasks.
/// Tests steer it with faults (`inject(_:)`) and an interleaving hook (`interleave(_:)`), which runs before every
/// statement and may run another request to completion right there, making races deterministic.
///
/// ```swift
/// let store = Store(schema: schema)
/// let session = store.openSession()
/// let product = session.add("products", ["name": .text("Widget"), "sku": .text("W-1")])
/// try session.flush()      // product.id is now set, invisible to other sessions
/// try session.commit()     // visible to all
/// ```
public final class Store: Sendable {
  /// Runs before each statement with the sending session's number; may send statements of its own.
  public typealias InterleavingHook = @Sendable (_ session: Int, _ statement: Statement) -> Void

  public let schema: Schema
  let state: Mutex<State>

  struct State: Sendable {
    var database: Database
    var sequences: [String: Int] = [:]
    var namedSequences: [String: Int] = [:]
    var sessionsOpened = 0
    /// How many transactions have committed: a write checked at this count needs no re-check while it holds.
    var commits = 0
    var statementsSent = 0
    var statementCounts: [Statement: Int] = [:]
    var log: [StatementEvent]?
    var faults: [Fault] = []
    var hook: InterleavingHook?
  }

  public init(schema: Schema) {
    self.schema = schema
    state = Mutex(State(database: Database(schema: schema)))
  }

  /// Opens a session: one unit of work, as a request handler gets one.
  public func openSession() -> Session {
    Session(
      store: self,
      id: state.withLock { state in
        state.sessionsOpened += 1
        return state.sessionsOpened
      })
  }

  /// Every committed row, table by table.
  public func snapshot() -> Snapshot {
    state.withLock { state in
      Snapshot(tables: state.database.tables.mapValues(\.orderedRows))
    }
  }

  /// Plans a failure, counting statements from now on; each fault fires once.
  public func inject(_ fault: Fault) {
    state.withLock { state in
      switch fault.target {
      case .statement(let statement, let occurrence):
        let sent = state.statementCounts[statement] ?? 0
        state.faults.append(Fault.failing(statement, occurrence: sent + occurrence).raising(fault.failure))
      case .ordinal(let number):
        state.faults.append(Fault.failingStatement(number: state.statementsSent + number).raising(fault.failure))
      }
    }
  }

  /// How many planned faults have not fired yet.
  public var plannedFaults: Int {
    state.withLock { $0.faults.count }
  }

  /// Installs (or, with `nil`, removes) the hook that runs before every statement.
  public func interleave(_ hook: InterleavingHook?) {
    state.withLock { $0.hook = hook }
  }

  /// Starts recording every statement sent, for `statementLog`.
  public func recordStatements() {
    state.withLock { $0.log = $0.log ?? [] }
  }

  /// The statements sent since `recordStatements()`, in order.
  public var statementLog: [StatementEvent] {
    state.withLock { $0.log ?? [] }
  }

  /// How many statements equal to `statement` have been sent.
  public func count(of statement: Statement) -> Int {
    state.withLock { $0.statementCounts[statement] ?? 0 }
  }

  /// How many statements of any kind have been sent.
  public var statementsSent: Int {
    state.withLock { $0.statementsSent }
  }

  /// Inserts rows through one session and commits them: for fixtures, not for the code under review.
  @discardableResult
  public func seed(_ table: String, _ rows: [[String: Value]]) throws -> [Int] {
    let session = openSession()
    defer { session.close() }
    let pending = rows.map { session.add(table, $0) }
    try session.commit()
    return pending.map { $0.assignedID! }
  }

  /// Inserts one row and commits it: for fixtures.
  @discardableResult
  public func seed(_ table: String, _ row: [String: Value]) throws -> Int {
    try seed(table, [row])[0]
  }

  /// Inserts one row under the id `id` and commits it, as an `INSERT` naming its id followed by PostgreSQL's
  /// `setval`: later rows of `table` get ids after it. For fixtures whose ids have gaps; `id` must be above every id
  /// `table` has handed out, or the row gets the next id instead (the returned id says which it got).
  @discardableResult
  public func seed(_ table: String, id: Int, _ row: [String: Value]) throws -> Int {
    state.withLock { state in
      state.sequences[table] = max(state.sequences[table, default: 0], id - 1)
    }
    return try seed(table, [row])[0]
  }

  /// Runs the hook, then counts the statement and fires a planned fault for it, if any.
  func send(_ statement: Statement, from session: Int) throws(StoreError) {
    if let hook = state.withLock({ $0.hook }) { hook(session, statement) }
    let fired: (event: StatementEvent, failure: Fault.Failure)? = state.withLock { state in
      state.statementsSent += 1
      state.statementCounts[statement, default: 0] += 1
      let event = StatementEvent(session: session, ordinal: state.statementsSent, statement: statement)
      state.log?.append(event)
      let firing = state.faults.firstIndex { fault in
        switch fault.target {
        case .ordinal(let number): number == event.ordinal
        case .statement(let target, let occurrence):
          target == statement && occurrence == state.statementCounts[statement]
        }
      }
      guard let firing else { return nil }
      return (event, state.faults.remove(at: firing).failure)
    }
    guard let (event, failure) = fired else { return }
    switch failure {
    case .connectionLost: throw .injectedFault(event)
    case .serializationFailure: throw .serializationFailure(event)
    case .deadlockDetected: throw .deadlockDetected(event)
    case .lockNotAvailable: throw .lockNotAvailable(event)
    case .refusal(let error): throw error
    }
  }

  /// The next value of the named sequence, from 1, as PostgreSQL's `nextval`: never handed out twice. Tables' id
  /// sequences are separate; use a name that is not a table's.
  public func nextValue(of sequence: String) -> Int {
    state.withLock { state in
      state.namedSequences[sequence, default: 0] += 1
      return state.namedSequences[sequence]!
    }
  }

  /// The next id of `table`; ids are never handed out twice, even when a transaction rolls back.
  func nextID(_ table: String) -> Int {
    state.withLock { state in
      state.sequences[table, default: 0] += 1
      return state.sequences[table]!
    }
  }
}
