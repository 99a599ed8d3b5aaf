/// The committed rows of one table with their lookup indexes.
struct TableData: Sendable {
  let schema: TableSchema
  private(set) var rows: [Int: Row] = [:]
  /// Row ids in ascending order, so scans are deterministic.
  private(set) var order: [Int] = []
  /// For each indexed column set: key values to the ids of the rows holding them.
  private var indexes: [[String]: [[Value]: Set<Int>]]
  /// The indexed column sets, kept apart so that updating an index never iterates the dictionary it mutates
  /// (which would copy every index on every write).
  private let indexedColumns: [[String]]

  init(schema: TableSchema) {
    self.schema = schema
    indexes = Dictionary(schema.indexedColumnSets.map { ($0, [:]) }, uniquingKeysWith: { first, _ in first })
    indexedColumns = Array(indexes.keys)
  }

  var orderedRows: [Row] { order.map { rows[$0]! } }

  /// The ids of rows whose `columns` equal `key`, answered by an index when one covers exactly these columns.
  func ids(where columns: [String], equal key: [Value]) -> [Int] {
    if let index = indexes[columns] { return (index[key] ?? []).sorted() }
    return order.filter { id in zip(columns, key).allSatisfy { rows[id]![$0.0] == $0.1 } }
  }

  /// The rows whose columns equal `equalities`, ordered by id: by primary key, then by the widest index whose
  /// columns are all constrained, else by a scan.
  func rows(matching equalities: [String: Value]) -> [Row] {
    if case .int(let id)? = equalities["id"] {
      guard let row = rows[id], row.matches(equalities) else { return [] }
      return [row]
    }
    let usable = indexedColumns.filter { $0.allSatisfy { equalities[$0] != nil } }
    guard
      let columns = usable.max(by: { $0.count < $1.count || ($0.count == $1.count && $0.lexicographicallyPrecedes($1)) }
      )
    else {
      return orderedRows.filter { $0.matches(equalities) }
    }
    let ids = (indexes[columns]![columns.map { equalities[$0]! }] ?? []).sorted()
    return ids.map { rows[$0]! }.filter { $0.matches(equalities) }
  }

  /// Whether an index answers equality lookups on exactly `columns`.
  func hasIndex(on columns: [String]) -> Bool { indexes[columns] != nil }

  mutating func upsert(_ row: Row) {
    if let old = rows[row.id] {
      unindex(old)
    } else if let last = order.last, last > row.id {
      order.insert(row.id, at: order.partitionPoint { $0 > row.id })
    } else {
      order.append(row.id)
    }
    rows[row.id] = row
    for columns in indexedColumns {
      indexes[columns, default: [:]][columns.map { row[$0] }, default: []].insert(row.id)
    }
  }

  mutating func remove(id: Int) {
    guard let old = rows.removeValue(forKey: id) else { return }
    unindex(old)
    order.remove(at: order.partitionPoint { $0 >= id })
  }

  private mutating func unindex(_ row: Row) {
    for columns in indexedColumns { indexes[columns, default: [:]][columns.map { row[$0] }]?.remove(row.id) }
  }
}

extension Array {
  /// The first index whose element satisfies `predicate`, for a predicate false then true along the array.
  func partitionPoint(_ predicate: (Element) -> Bool) -> Int {
    var low = 0
    var high = count
    while low < high {
      let middle = (low + high) / 2
      if predicate(self[middle]) { high = middle } else { low = middle + 1 }
    }
    return low
  }
}
