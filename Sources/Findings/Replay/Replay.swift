import RequestLayer
import Store

/// Runs requests in order against implementations, each on its own fresh store loaded with a fixture.
///
/// A request can depend on the ones before it (create, then the same SKU again; a failing request, then its
/// retry), because each implementation keeps its store for the whole script.
public enum Replay {
  /// What one implementation answered to one request, and the store afterwards.
  public struct Exchange: Sendable {
    public let implementation: String
    /// The request's position in the script, from 1.
    public let index: Int
    public let request: ScriptedRequest
    public let response: Response
    public let changes: [RowChange]
    public let snapshot: Snapshot
  }

  /// Every exchange, implementation by implementation, request by request.
  public static func run(
    _ script: [ScriptedRequest], against implementations: [Implementation], fixture: Fixture
  ) throws -> [Exchange] {
    try implementations.flatMap { implementation in
      let store = implementation.makeStore()
      try fixture.load(into: store)
      return script.enumerated().map { offset, scripted in
        let before = store.snapshot()
        let response = implementation.handle(scripted.request(in: fixture), on: store)
        let after = store.snapshot()
        return Exchange(
          implementation: implementation.name, index: offset + 1, request: scripted, response: response,
          changes: after.changes(since: before), snapshot: after)
      }
    }
  }
}

extension Snapshot {
  /// The tables as JSON: `{table: [{"id": 1, column: value, ...}]}`, tables and columns sorted.
  public var json: JSONValue {
    .object(
      JSONObject(
        tables.keys.sorted().map { table in
          (table, .array(rows(table).map(\.json)))
        }))
  }
}

extension Row {
  /// The row as a JSON object with `id` first, then columns by name.
  public var json: JSONValue {
    .object(JSONObject([("id", .integer(id))] + values.keys.sorted().map { ($0, values[$0]!.json) }))
  }
}

extension Value {
  /// The value as JSON: numbers keep their exact stored text; a binary float is written as its shortest text.
  public var json: JSONValue {
    switch self {
    case .null: .null
    case .bool(let flag): .bool(flag)
    case .int(let int): .integer(int)
    case .double(let double) where double.isFinite: .number(JSONNumber("\(double)"))
    case .double(let double): .number(JSONNumber(double.isNaN ? "NaN" : double < 0 ? "-Infinity" : "Infinity"))
    case .decimal(let decimal) where decimal.isNaN: .number(JSONNumber("NaN"))
    case .decimal(let decimal): .number(JSONNumber(decimal.description))
    case .text(let text): .string(text)
    case .timestamp(let seconds): .string(Timestamp.iso8601(seconds))
    }
  }
}

extension RowChange {
  /// The change as JSON: `{"change": "added"|"removed"|"changed", "table", "row", "before"?}`.
  public var json: JSONValue {
    switch self {
    case .added(let table, let row):
      ["change": "added", "table": .string(table), "row": row.json]
    case .removed(let table, let row):
      ["change": "removed", "table": .string(table), "row": row.json]
    case .changed(let table, let before, let after):
      ["change": "changed", "table": .string(table), "before": before.json, "row": after.json]
    }
  }
}
