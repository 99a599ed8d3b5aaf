import RequestLayer
import Store

/// An implementation running where a probe can reach it: in process over the in-memory store, or a Python app on
/// a real PostgreSQL behind the adapter.
///
/// Probes never reach into a store: sending a request, reading committed rows, writing rows as another code path
/// would, planning a database fault and interleaving two requests are all operations of the system, so one probe
/// runs unchanged on a Swift port and on the Python it ports. A method throws only when the harness could not do
/// what was asked (the adapter died, say), which a probe reports as inconclusive, never as a verdict.
public protocol SystemUnderTest: AnyObject, Sendable {
  /// Each table of the implementation's schema with its column names (`id` included).
  var tables: [String: Set<String>] { get }

  /// The case study's tables the schema lacks but keeps in others of its own, each with the tables it is written
  /// into: `sales` as orders and their lines (`["sales_orders", "sales_order_items"]`). `tables` lists them too.
  var standIns: [String: [String]] { get }

  /// Sends one request, as a client would, and returns the answer with what it did to the database.
  func send(_ request: Request) throws -> Exchange

  /// Sends one request and returns its answer and the statements it sent, without reading the rows back: a run of
  /// many requests on one system uses it, since a snapshot after each would copy the whole, growing database.
  func respond(to request: Request) throws -> (response: Response, statements: [Statement])

  /// Every committed row now.
  func snapshot() throws -> Snapshot

  /// Inserts rows in one transaction and commits, as another code path would; the database may refuse them.
  func seed(_ table: String, _ rows: [[String: Value]]) throws -> Seeding

  /// Plans one database failure, counted from now on; the next exchanges say whether it fired.
  func inject(_ fault: Fault) throws

  /// Sends `first`, pauses it just before it sends `statement`, runs `second` to completion, then resumes `first`.
  func race(_ first: Request, pausedBefore statement: Statement, _ second: Request) throws -> Race

  /// Sends `count` requests from `clients` clients at once, each on its own connection, and answers how many got
  /// each status. Request `i` is `request` with `token` in its body replaced by `i % modulo`, so requests can
  /// collide on purpose; they are never serialized by the harness, since what a race does to the database shows
  /// only under real concurrency.
  func sendConcurrently(_ request: Request, count: Int, clients: Int, numbering token: String, modulo: Int) throws
    -> [Int: Int]
}

extension SystemUnderTest {
  /// None: a schema of the case study's own shape.
  public var standIns: [String: [String]] { [:] }

  /// `send`'s answer and statements, for systems that cannot leave the rows unread.
  public func respond(to request: Request) throws -> (response: Response, statements: [Statement]) {
    let exchange = try send(request)
    return (exchange.response, exchange.statements)
  }

  /// Whether the schema has `table`, and `column` in it when one is named.
  public func has(_ table: String, column: String? = nil) -> Bool {
    guard let columns = tables[table] else { return false }
    return column.map(columns.contains) ?? true
  }
}

/// One request's answer and what it did to the database.
public struct Exchange: Sendable {
  public let response: Response
  /// The statements the request sent, in order.
  public let statements: [Statement]
  /// How many planned faults fired while it ran.
  public let faultsFired: Int
  /// The committed rows right after the request.
  public let after: Snapshot
  /// What the application logged while serving the request, in order.
  public let log: [LogRecord]

  public init(response: Response, statements: [Statement], faultsFired: Int, after: Snapshot, log: [LogRecord] = []) {
    self.response = response
    self.statements = statements
    self.faultsFired = faultsFired
    self.after = after
    self.log = log
  }
}

/// What the database did with rows written straight into it.
public enum Seeding: Sendable, Hashable {
  /// It kept them, under these ids.
  case inserted([Int])
  /// It refused them, with its own words (the constraint's name among them).
  case refused(String)

  /// The ids given, or a `SeedingRefused` error: for set-up rows that must go in.
  public func ids() throws -> [Int] {
    switch self {
    case .inserted(let ids): return ids
    case .refused(let reason): throw SeedingRefused(reason: reason)
    }
  }
}

/// Set-up rows that the database refused, so the scenario could not be built.
public struct SeedingRefused: Error, CustomStringConvertible {
  public let reason: String
  public var description: String { "the database refused the scenario's rows: \(reason)" }
}

/// Two requests interleaved: `second` ran to completion while `first` was paused before a chosen statement.
public struct Race: Sendable {
  /// Whether `first` reached the statement (if not, `second` never ran).
  public let paused: Bool
  public let first: Exchange
  /// `second`'s exchange; its `after` is the database as `second` left it, while `first` was still paused.
  public let second: Exchange?
  /// Whether `second` had to wait for `first` (a lock `first` held) and finished only after it resumed.
  public let secondWaited: Bool

  public init(paused: Bool, first: Exchange, second: Exchange?, secondWaited: Bool) {
    self.paused = paused
    self.first = first
    self.second = second
    self.secondWaited = secondWaited
  }
}

/// An implementation that can be started afresh with a fixture loaded: what a probe runs against.
public protocol Deployment: Sendable {
  /// The name used on the command line and in report columns, e.g. `original`.
  var name: String { get }
  /// The endpoints it serves.
  var endpoints: Set<Endpoint> { get }
  /// Every route it serves, case study's or not, as `METHOD /rule` sorted: what a submission serving neither
  /// endpoint serves instead (`/products` rather than `/api/products`, say); `nil` when not known.
  var routes: [String]? { get }
  /// A fresh system holding exactly `fixture`'s rows.
  func start(with fixture: Fixture) throws -> any SystemUnderTest
  /// What the harness did to run it as handed in, one sentence each (a database URI replaced, fixture columns its
  /// schema lacks or requires filled); empty for one that meets the contract as written.
  var adaptations: [String] { get }
}

extension Deployment {
  public var adaptations: [String] { [] }
  public var routes: [String]? { nil }
}
