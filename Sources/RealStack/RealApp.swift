import Foundation
import RequestLayer
import Store

/// The protocol's commands as typed operations on one adapter: the harness speaks `Request`, `Response`, `Value`,
/// `Statement`, `Fault` and `Snapshot`, and this turns them into JSON lines and back (python/PROTOCOL.md).
public struct RealApp: Sendable {
  /// The adapter process the commands go to.
  public let adapter: AdapterProcess

  public init(adapter: AdapterProcess) {
    self.adapter = adapter
  }

  /// What `hello` reports: the protocol version and the Python side's versions.
  public struct Versions: Hashable, Sendable {
    public var protocolVersion: Int
    public var python: String
    public var packages: [String: String]
  }

  /// The loaded app's shape, as `load` reports it.
  public struct Shape: Hashable, Sendable {
    /// Column name to PostgreSQL type, per table.
    public var tables: [String: [String: String]]
    public var routes: [Route]
    /// What the adapter did to run the app as handed in (`load`'s `notes`), e.g. `database URI sqlite:///data.db
    /// replaced by the harness's database`.
    public var notes: [String] = []
    /// The case study's tables the app lacks but keeps in others (`load`'s `stand_ins`): `sales` as its orders and
    /// their lines.
    public var standIns: [String: [String]] = [:]
  }

  /// One route of the app.
  public struct Route: Hashable, Sendable {
    public var rule: String
    public var methods: [String]
  }

  /// Names the app uses where the harness's differ: table renames and, per harness table, column renames.
  public struct Mapping: Hashable, Sendable {
    public var tables: [String: String]
    public var columns: [String: [String: String]]

    public init(tables: [String: String] = [:], columns: [String: [String: String]] = [:]) {
      self.tables = tables
      self.columns = columns
    }
  }

  /// What `reset` skipped because the app's schema lacks it, and the columns the fixture leaves out that it filled.
  public struct Skipped: Hashable, Sendable {
    public var tables: [String]
    public var columns: [String: [String]]
    /// Per table, each column filled and how: `default` (the model's Python-side default) or `placeholder` (a value
    /// of its type for a NOT NULL column nothing else fills).
    public var filled: [String: [String: String]] = [:]
  }

  /// How the database answered a `seed`.
  public enum SeedOutcome: Hashable, Sendable {
    /// The rows were inserted and committed with these ids.
    case inserted(ids: [Int])
    /// The database refused them (a constraint): the refusal is its answer, not a failure.
    case refused(sqlstate: String, constraint: String?, message: String)
  }

  /// What a `race` did: whether `first` paused, whether `second` had to wait for it, and both answers.
  public struct RaceOutcome: Hashable, Sendable {
    public var paused: Bool
    public var secondWaited: Bool
    public var first: RealResponse
    /// `nil` when `first` never sent the chosen statement (so `second` never ran).
    public var second: RealResponse?
  }

  /// `hello`: the protocol version and Python's and the packages' versions.
  public func hello() throws -> Versions {
    let answer = try adapter.call(["op": "hello"])
    return Versions(
      protocolVersion: answer["protocol"].flatMap(Self.int) ?? 0, python: answer["python"].flatMap(Self.string) ?? "",
      packages: Self.stringMap(answer["packages"]))
  }

  /// `load`: imports the app at `app` (relative to python/ or absolute), builds it on `databaseURL` and creates
  /// its tables. App import errors come back as ``AdapterError`` of kind `app-load`.
  /// `moduleName` is the name to import it under (a submission's own name, though its copy is called otherwise).
  public func load(
    app: String, databaseURL: String, mapping: Mapping? = nil, now: String? = nil, moduleName: String? = nil
  ) throws -> Shape {
    var command: [(String, JSONValue)] = [
      ("op", "load"), ("app", .string(app)), ("database_url", .string(databaseURL)),
    ]
    if let now { command.append(("now", .string(now))) }
    if let moduleName { command.append(("name", .string(moduleName))) }
    if let mapping {
      let tables = JSONValue.object(
        JSONObject(mapping.tables.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))
      let columns = JSONValue.object(
        JSONObject(
          mapping.columns.sorted { $0.key < $1.key }.map { table, renames in
            (table, .object(JSONObject(renames.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })))
          }))
      command.append(("mapping", ["tables": tables, "columns": columns]))
    }
    let answer = try adapter.call(.object(JSONObject(command)), timeout: max(adapter.defaultTimeout, 120))
    var tables: [String: [String: String]] = [:]
    if case .object(let object) = answer["tables"] {
      for (table, columns) in object.members { tables[table] = Self.stringMap(columns) }
    }
    var routes: [Route] = []
    if case .array(let items) = answer["routes"] {
      for case .object(let route) in items {
        let methods: [String] = if case .array(let list) = route["methods"] { list.compactMap(Self.string) } else { [] }
        routes.append(Route(rule: route["rule"].flatMap(Self.string) ?? "", methods: methods))
      }
    }
    let notes: [String] = if case .array(let items) = answer["notes"] { items.compactMap(Self.string) } else { [] }
    var standIns: [String: [String]] = [:]
    if case .object(let object) = answer["stand_ins"] {
      for case (let table, .array(let into)) in object.members { standIns[table] = into.compactMap(Self.string) }
    }
    return Shape(tables: tables, routes: routes, notes: notes, standIns: standIns)
  }

  /// `reset`: empties every table and inserts `fixture` table by table (rows keep their ids); answers what the
  /// app's schema lacks.
  public func reset(fixture: [(table: String, rows: [Row])]) throws -> Skipped {
    let tables: [JSONValue] = fixture.map { table, rows in
      ["table": .string(table), "rows": .array(rows.map(Self.protocolRow))]
    }
    let answer = try adapter.call(["op": "reset", "fixture": .array(tables)])
    var filled: [String: [String: String]] = [:]
    if case .object(let byTable) = answer["filled"] {
      for (table, columns) in byTable.members { filled[table] = Self.stringMap(columns) }
    }
    guard case .object(let skipped) = answer["skipped"] else {
      return Skipped(tables: [], columns: [:], filled: filled)
    }
    let skippedTables: [String] =
      if case .array(let names) = skipped["tables"] { names.compactMap(Self.string) } else { [] }
    var columns: [String: [String]] = [:]
    if case .object(let byTable) = skipped["columns"] {
      for (table, names) in byTable.members {
        if case .array(let list) = names { columns[table] = list.compactMap(Self.string) }
      }
    }
    return Skipped(tables: skippedTables, columns: columns, filled: filled)
  }

  /// `seed`: inserts `rows` into `table` in one committed transaction, as another code path would.
  public func seed(_ table: String, _ rows: [[String: Value]]) throws -> SeedOutcome {
    let encoded: [JSONValue] = rows.map { row in
      .object(JSONObject(row.sorted { $0.key < $1.key }.map { ($0.key, $0.value.protocolValue) }))
    }
    let answer = try adapter.call(["op": "seed", "table": .string(table), "rows": .array(encoded)])
    if case .object(let refused) = answer["refused"] {
      return .refused(
        sqlstate: refused["sqlstate"].flatMap(Self.string) ?? "",
        constraint: refused["constraint"].flatMap(Self.string),
        message: refused["message"].flatMap(Self.string) ?? "")
    }
    guard case .array(let ids) = answer["ids"] else { throw ProtocolDecodingError("a seed answer has ids") }
    return .inserted(ids: ids.compactMap(Self.int))
  }

  /// `request`: sends `request` through the app; with `dump`, the answer holds every table afterwards.
  public func send(_ request: Request, dump: Bool = false) throws -> RealResponse {
    try RealResponse(protocolAnswer: adapter.call(request.protocolCommand(dump: dump)))
  }

  /// `dump`: every row of every table, by primary key.
  public func dump() throws -> RealDump {
    let answer = try adapter.call(["op": "dump"])
    return try RealDump(protocolTables: answer["tables"] ?? .null)
  }

  /// `fault`: plans `fault` for the next requests (it fires once).
  public func plan(_ fault: Fault) throws {
    _ = try adapter.call(fault.protocolCommand())
  }

  /// `race`: runs `first` until just before its `occurrence`-th `pauseBefore` statement, runs `second` to
  /// completion meanwhile (or until it waits 2 s on a lock `first` holds), then lets `first` finish.
  public func race(
    first: Request, pauseBefore statement: Statement, occurrence: Int = 1, second: Request
  ) throws -> RaceOutcome {
    guard case .object(var pause) = statement.protocolStatement else {
      throw ProtocolDecodingError("a race cannot pause before \(statement)")
    }
    pause = JSONObject(pause.members.map { ($0.key, $0.value) } + [("occurrence", .integer(occurrence))])
    let answer = try adapter.call(
      [
        "op": "race", "first": Self.requestPart(first), "pause_before": .object(pause),
        "second": Self.requestPart(second),
      ], timeout: max(adapter.defaultTimeout, 60))
    guard case .object(let firstAnswer) = answer["first"] else { throw ProtocolDecodingError("a race has first") }
    let secondAnswer: RealResponse? =
      if case .object(let object) = answer["second"] { try RealResponse(protocolAnswer: object) } else { nil }
    return RaceOutcome(
      paused: answer["paused"] == true, secondWaited: answer["second_waited"] == true,
      first: try RealResponse(protocolAnswer: firstAnswer), second: secondAnswer)
  }

  /// `quit`, then the process is waited for.
  public func quit() {
    adapter.close()
  }

  /// A request inside a `race`: the `request` command without its `op`.
  static func requestPart(_ request: Request) -> JSONValue {
    guard case .object(let object) = request.protocolCommand(dump: true) else { return .null }
    return .object(JSONObject(object.members.filter { $0.key != "op" }.map { ($0.key, $0.value) }))
  }

  /// A row as the adapter takes it: `id` first, then the columns by name, typed.
  static func protocolRow(_ row: Row) -> JSONValue {
    .object(
      JSONObject([("id", .integer(row.id))] + row.values.keys.sorted().map { ($0, row.values[$0]!.protocolValue) }))
  }

  private static func int(_ json: JSONValue) -> Int? {
    if case .number(let number) = json { number.int } else { nil }
  }

  private static func string(_ json: JSONValue) -> String? {
    if case .string(let text) = json { text } else { nil }
  }

  private static func stringMap(_ json: JSONValue?) -> [String: String] {
    guard case .object(let object) = json else { return [:] }
    return Dictionary(object.members.compactMap { member in string(member.value).map { (member.key, $0) } }) { $1 }
  }
}
