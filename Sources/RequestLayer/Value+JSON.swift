import Store

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
    .object(JSONObject([("id", .integer(id))] + values.keys.sorted().map { ($0, json(of: $0)) }))
  }

  /// A column's value as JSON, a decimal written to its column's scale (`5.00`).
  private func json(of column: String) -> JSONValue {
    guard case .decimal(let decimal) = self[column], !decimal.isNaN, scales[column] != nil else {
      return self[column].json
    }
    return .number(JSONNumber(text(column)))
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
    case .array(let elements): .array(elements.map(\.json))
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

extension Value {
  /// The Python type a driver hands back for this value: `NoneType`, `int`, `float`, `Decimal`, `str`, ...
  public var pythonTypeName: String {
    switch self {
    case .null: "NoneType"
    case .bool: "bool"
    case .int: "int"
    case .double: "float"
    case .decimal: "Decimal"
    case .text: "str"
    case .timestamp: "datetime"
    case .array: "list"
    }
  }
}
