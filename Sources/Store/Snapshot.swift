/// Every committed row of every table at one moment, for "nothing changed" comparisons and evidence.
public struct Snapshot: Hashable, Sendable {
  /// Rows per table, ordered by `id`; every declared table is present.
  public let tables: [String: [Row]]

  public init(tables: [String: [Row]]) {
    self.tables = tables
  }

  /// The rows of `table`, ordered by `id`.
  public func rows(_ table: String) -> [Row] {
    tables[table] ?? []
  }

  /// What changed from `before` to this snapshot, table by table in name order, then by `id`.
  public func changes(since before: Snapshot) -> [RowChange] {
    var changes: [RowChange] = []
    for table in Set(tables.keys).union(before.tables.keys).sorted() {
      let old = Dictionary(uniqueKeysWithValues: before.rows(table).map { ($0.id, $0) })
      let new = Dictionary(uniqueKeysWithValues: rows(table).map { ($0.id, $0) })
      for id in Set(old.keys).union(new.keys).sorted() {
        switch (old[id], new[id]) {
        case (nil, let row?): changes.append(.added(table: table, row: row))
        case (let row?, nil): changes.append(.removed(table: table, row: row))
        case (let was?, let now?) where was != now: changes.append(.changed(table: table, before: was, after: now))
        default: break
        }
      }
    }
    return changes
  }
}

/// One row's difference between two snapshots.
public enum RowChange: Hashable, Sendable, CustomStringConvertible {
  case added(table: String, row: Row)
  case removed(table: String, row: Row)
  case changed(table: String, before: Row, after: Row)

  public var description: String {
    switch self {
    case .added(let table, let row): "+ \(table) \(row)"
    case .removed(let table, let row): "- \(table) \(row)"
    case .changed(let table, let before, let after): "~ \(table) \(before) -> \(after.valuesDescription)"
    }
  }
}

extension Row: CustomStringConvertible {
  /// `#id {column: value, ...}` with columns in name order.
  public var description: String { "#\(id) \(valuesDescription)" }

  /// `{column: value, ...}` with columns in name order.
  public var valuesDescription: String {
    "{" + values.keys.sorted().map { "\($0): \(text($0))" }.joined(separator: ", ") + "}"
  }
}
