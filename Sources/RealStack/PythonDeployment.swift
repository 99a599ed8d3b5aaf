import Findings
import Foundation
import RequestLayer
import Store
import Synchronization

/// A Python app (one of this repository's, or a candidate's submission) run by the adapter on its own database
/// of a real PostgreSQL: a deployment every probe can run against, exactly as against a Swift port.
///
/// One adapter process serves the deployment; each `start(with:)` empties the app's tables and loads the fixture,
/// so trials run one after another, never at once.
public final class PythonDeployment: Deployment {
  public let name: String
  public let endpoints: Set<Endpoint>
  /// The app's tables and their PostgreSQL column types, as it created them.
  public let shape: RealApp.Shape
  let app: RealApp
  /// What the first reset skipped and filled.
  private let firstReset = Mutex<RealApp.Skipped?>(nil)
  /// When set, the fixture the database holds untouched: a start with it skips the reset, and a request that
  /// wrote nothing skips the dump (see ``UntouchedFixture`` for when that may be trusted).
  private let untouched: UntouchedFixture?

  /// Launches an adapter for the app at `path` (relative to `python/` or absolute) on a new database of `stack`.
  /// With `reusingUntouchedDatabase`, a start skips emptying and reloading the tables when nothing has written to
  /// them since the same fixture was loaded: only for apps whose SELECTs only read (``UntouchedFixture``).
  public convenience init(
    name: String, path: String, on stack: RealStack, mapping: RealApp.Mapping? = nil,
    reusingUntouchedDatabase: Bool = false
  ) throws {
    try self.init(
      name: name, app: RealApp(adapter: try stack.environment.launchAdapter()), path: path,
      databaseURL: try stack.cluster.createDatabase(), mapping: mapping,
      reusingUntouchedDatabase: reusingUntouchedDatabase)
  }

  /// Loads the app at `path` through an adapter already running (a sandboxed one, say) on the database at
  /// `databaseURL`.
  /// `moduleName` is the name to import it under, when its path does not end in it (a sandbox's copy).
  public init(
    name: String, app: RealApp, path: String, databaseURL: String, mapping: RealApp.Mapping? = nil,
    moduleName: String? = nil, reusingUntouchedDatabase: Bool = false
  ) throws {
    self.name = name
    self.app = app
    untouched = reusingUntouchedDatabase ? UntouchedFixture() : nil
    shape = try app.load(
      app: path, databaseURL: databaseURL, mapping: mapping, now: Timestamp.iso8601(Request.defaultTime),
      moduleName: moduleName)
    endpoints = Self.endpoints(shape.routes)
  }

  public func start(with fixture: Fixture) throws -> any SystemUnderTest {
    let system = PythonSystem(
      app: app, tables: shape.tables.mapValues { Set($0.keys) }, standIns: shape.standIns, untouched: untouched)
    if let untouched, untouched.rows(of: fixture) != nil { return system }
    let reset = try app.reset(fixture: fixture.tables)
    firstReset.withLock { if $0 == nil { $0 = reset } }
    try untouched?.loaded(fixture) { try app.dump().snapshot }
    return system
  }

  /// What the adapter did to run the app as handed in: `load`'s notes, then what the first reset filled (the
  /// columns the fixture leaves out that the schema requires or defaults) and skipped (what the schema lacks).
  public var adaptations: [String] {
    var sentences = shape.notes
    guard let reset = firstReset.withLock({ $0 }) else { return sentences }
    let byHow = { (how: String) in
      reset.filled.keys.sorted().flatMap { table in
        reset.filled[table]!.filter { $0.value == how }.keys.sorted().map { "\(table).\($0)" }
      }
    }
    if case let columns = byHow("default"), !columns.isEmpty {
      sentences.append("fixture columns filled with the model's default: " + columns.joined(separator: ", "))
    }
    if case let columns = byHow("reference"), !columns.isEmpty {
      sentences.append(
        "NOT NULL fixture columns filled with what a row they reference holds (a warehouse's company_id): "
          + columns.joined(separator: ", "))
    }
    if case let columns = byHow("placeholder"), !columns.isEmpty {
      sentences.append(
        "NOT NULL fixture columns without a default filled with a placeholder of their type: "
          + columns.joined(separator: ", "))
    }
    if !reset.tables.isEmpty {
      sentences.append("fixture tables the schema lacks, skipped: " + reset.tables.joined(separator: ", "))
    }
    let columns = reset.columns.keys.sorted().flatMap { table in reset.columns[table]!.map { "\(table).\($0)" } }
    if !columns.isEmpty {
      sentences.append("fixture columns the schema lacks, skipped: " + columns.joined(separator: ", "))
    }
    return sentences
  }

  public var routes: [String]? {
    shape.routes.flatMap { route in route.methods.map { "\($0) \(route.rule)" } }.sorted()
  }

  /// Ends the adapter process.
  public func close() {
    app.quit()
  }

  /// The endpoints among the app's routes: Flask rules, as `url_map` lists them.
  static func endpoints(_ routes: [RealApp.Route]) -> Set<Endpoint> {
    var endpoints: Set<Endpoint> = []
    for route in routes {
      if route.rule == "/api/products" && route.methods.contains("POST") { endpoints.insert(.createProduct) }
      if route.rule.hasPrefix("/api/companies/<") && route.rule.hasSuffix(">/alerts/low-stock")
        && route.methods.contains("GET")
      {
        endpoints.insert(.lowStockAlerts)
      }
    }
    return endpoints
  }
}

/// One fresh start of a Python deployment: every operation is a command to its adapter.
///
/// Like the proxy the Swift request layer imitates, it gives a request without an `X-Request-Id` the id
/// `req-<n>`, numbered from 1 per start, so the Python app sees the id a Swift port would.
final class PythonSystem: SystemUnderTest {
  let app: RealApp
  let tables: [String: Set<String>]
  let standIns: [String: [String]]
  /// The deployment's record of an untouched fixture, when it keeps one.
  private let untouched: UntouchedFixture?
  private let requestsIdentified = Mutex(0)

  init(app: RealApp, tables: [String: Set<String>], standIns: [String: [String]], untouched: UntouchedFixture?) {
    self.app = app
    self.tables = tables
    self.standIns = standIns
    self.untouched = untouched
  }

  /// Sends `request` and reads every table after it; on an untouched fixture, a request that wrote nothing left
  /// its rows, so they are not read again.
  func send(_ request: Request) throws -> Exchange {
    guard let untouched, let rows = untouched.rows else {
      return try Self.exchange(app.send(identified(request), dump: true))
    }
    let real: RealResponse
    do {
      real = try app.send(identified(request))
    } catch {
      untouched.forget()  // what the request did is unknown
      throw error
    }
    if real.statements.allSatisfy(\.writesNothing) { return Self.exchange(real, after: rows) }
    untouched.forget()
    return Self.exchange(real, after: try app.dump().snapshot)
  }

  /// `request` with an `X-Request-Id`, its own or the next `req-<n>`.
  private func identified(_ request: Request) -> Request {
    guard request.id == nil else { return request }
    let number = requestsIdentified.withLock {
      $0 += 1
      return $0
    }
    var request = request
    request.setHeader("X-Request-Id", "req-\(number)")
    return request
  }

  func snapshot() throws -> Snapshot {
    try untouched?.rows ?? app.dump().snapshot
  }

  func seed(_ table: String, _ rows: [[String: Value]]) throws -> Seeding {
    untouched?.forget()
    return switch try app.seed(table, rows) {
    case .inserted(let ids): .inserted(ids)
    case .refused(let sqlstate, let constraint, let message):
      .refused("\(constraint ?? "SQLSTATE \(sqlstate)"): \(message.split(separator: "\n").first ?? "")")
    }
  }

  func inject(_ fault: Fault) throws {
    untouched?.forget()
    try app.plan(fault)
  }

  func race(_ first: Request, pausedBefore statement: Statement, _ second: Request) throws -> Race {
    untouched?.forget()
    let (first, second) = (identified(first), identified(second))
    let outcome = try app.race(first: first, pauseBefore: statement, second: second)
    return Race(
      paused: outcome.paused, first: try Self.exchange(outcome.first),
      second: try outcome.second.map(Self.exchange), secondWaited: outcome.secondWaited)
  }

  /// The adapter's `bench`: its client threads each hold their own connection to PostgreSQL.
  func sendConcurrently(_ request: Request, count: Int, clients: Int, numbering token: String, modulo: Int) throws
    -> [Int: Int]
  {
    untouched?.forget()
    return try app.bench(request, count: count, clients: clients, vary: token, modulo: modulo).statuses
  }

  static func exchange(_ real: RealResponse) throws -> Exchange {
    guard let tables = real.tables else { throw ProtocolDecodingError("a request answer asked to dump has tables") }
    return exchange(real, after: tables.snapshot)
  }

  static func exchange(_ real: RealResponse, after rows: Snapshot) -> Exchange {
    Exchange(
      response: real.response, statements: real.statements, faultsFired: real.faultsFired, after: rows, log: real.log)
  }
}
