import RequestLayer
import Store

/// The adapter's benchmark commands (python/PROTOCOL.md: `bench`, `copy`, `explain`): timing measured inside the
/// adapter, bulk loading by COPY, and the plan of a statement a request sends.
extension RealApp {
  /// What a `bench` run measured.
  public struct BenchOutcome: Hashable, Sendable {
    /// Wall-clock seconds from the moment every client thread was ready until the last finished.
    public var elapsedSeconds: Double
    /// CPU seconds the adapter's process (the app, the driver, the test client; not the database server) spent
    /// meanwhile: when it nears `elapsedSeconds` the run is bound by the app's own CPU, not by the database.
    public var cpuSeconds: Double
    /// Wall-clock seconds the requests spent inside the driver's calls to PostgreSQL (statements, commits,
    /// rollbacks: round trips and the server's work), summed over the clients: with one client, the rest of
    /// `elapsedSeconds` is spent in Python.
    public var databaseSeconds: Double
    /// How many requests got each status code.
    public var statuses: [Int: Int]
    /// Statements the requests sent to the database (commits included), in all.
    public var statements: Int
    /// Commits among ``statements``.
    public var commits: Int
    /// Rows the requests' SELECTs returned to the app, in all.
    public var rowsRead: Int
    /// Bytes of response bodies, in all.
    public var responseBytes: Int

    /// Requests per second.
    public var throughput: Double { Double(statuses.values.reduce(0, +)) / elapsedSeconds }

    /// Two runs taken as one: times, counts and statuses added up.
    public static func + (first: BenchOutcome, second: BenchOutcome) -> BenchOutcome {
      BenchOutcome(
        elapsedSeconds: first.elapsedSeconds + second.elapsedSeconds,
        cpuSeconds: first.cpuSeconds + second.cpuSeconds,
        databaseSeconds: first.databaseSeconds + second.databaseSeconds,
        statuses: first.statuses.merging(second.statuses, uniquingKeysWith: +),
        statements: first.statements + second.statements, commits: first.commits + second.commits,
        rowsRead: first.rowsRead + second.rowsRead, responseBytes: first.responseBytes + second.responseBytes)
    }
  }

  /// `bench`: sends `request` `count` times over `clients` threads, each with its own connection; in request `i`'s
  /// body, `vary` (when given) is replaced by `i`, or by `i % modulo` when `modulo` is given.
  public func bench(
    _ request: Request, count: Int, clients: Int, vary: String? = nil, modulo: Int? = nil
  ) throws -> BenchOutcome {
    var command: [(String, JSONValue)] = [
      ("op", "bench"), ("request", Self.requestPart(request)), ("count", .integer(count)),
      ("clients", .integer(clients)),
    ]
    if let vary { command.append(("vary", .string(vary))) }
    if let modulo { command.append(("modulo", .integer(modulo))) }
    let answer = try adapter.call(.object(JSONObject(command)), timeout: 3_600)
    guard case .number(let elapsed) = answer["elapsed_seconds"], case .number(let cpu) = answer["cpu_seconds"],
      case .number(let database) = answer["database_seconds"]
    else {
      throw ProtocolDecodingError("a bench answer has elapsed_seconds, cpu_seconds and database_seconds")
    }
    var statuses: [Int: Int] = [:]
    if case .object(let counts) = answer["statuses"] {
      for (status, number) in counts.members {
        if let code = Int(status), case .number(let value) = number { statuses[code] = value.int ?? 0 }
      }
    }
    return BenchOutcome(
      elapsedSeconds: elapsed.double, cpuSeconds: cpu.double, databaseSeconds: database.double, statuses: statuses,
      statements: Self.count(answer["statements"]), commits: Self.count(answer["commits"]),
      rowsRead: Self.count(answer["rows_read"]), responseBytes: Self.count(answer["response_bytes"]))
  }

  /// `copy`: loads `csv` (one row a line, PostgreSQL's CSV format) into `table`'s `columns` with COPY, commits and
  /// analyzes the table; answers the rows copied.
  public func copy(_ table: String, columns: [String], csv: String) throws -> Int {
    let answer = try adapter.call(
      [
        "op": "copy", "table": .string(table), "columns": .array(columns.map { .string($0) }), "csv": .string(csv),
      ], timeout: 3_600)
    return Self.count(answer["rows"])
  }

  /// `explain`: runs `request` and answers PostgreSQL's plan (`EXPLAIN`, with `ANALYZE, BUFFERS` when `analyze`)
  /// of the `occurrence`-th statement of `statement`'s kind and table it sent, one line a row; `nil` when it sent
  /// none.
  public func explain(
    _ request: Request, statement: Statement, occurrence: Int = 1, analyze: Bool = false
  ) throws -> [String]? {
    guard let point = statement.protocolStatement else { throw ProtocolDecodingError("a statement to explain") }
    let answer = try adapter.call(
      [
        "op": "explain", "request": Self.requestPart(request), "statement": point,
        "occurrence": .integer(occurrence), "analyze": analyze ? .bool(true) : .bool(false),
      ], timeout: 3_600)
    guard case .array(let lines) = answer["plan"] else { return nil }
    return lines.compactMap { if case .string(let line) = $0 { line } else { nil } }
  }

  private static func count(_ json: JSONValue?) -> Int {
    if case .number(let number) = json { number.int ?? 0 } else { 0 }
  }
}
