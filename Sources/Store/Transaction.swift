/// The uncommitted writes of one session: visible to that session only, applied all at once by commit.
struct Transaction: Sendable {
  /// Rows inserted or updated by this transaction, per table, by id.
  private(set) var written: [String: [Int: Row]] = [:]
  /// Ids deleted by this transaction, per table.
  private(set) var deleted: [String: Set<Int>] = [:]
  /// For each unique constraint, the keys the written rows hold: so a bulk insert checks its own rows in constant
  /// time per row, not by scanning them.
  private(set) var uniqueKeys: [String: [[Value]: Set<Int>]] = [:]

  var isEmpty: Bool { written.isEmpty && deleted.isEmpty }

  /// Records `row` as inserted or updated in its table.
  mutating func write(_ row: Row, in table: TableSchema) {
    if let old = written[table.name]?[row.id] { forgetKeys(of: old, in: table) }
    written[table.name, default: [:]][row.id] = row
    for unique in table.uniques where unique.appliesTo(row) {
      uniqueKeys[unique.name, default: [:]][unique.columns.map { row[$0] }, default: []].insert(row.id)
    }
  }

  /// Records the row with `id` as deleted.
  mutating func delete(_ id: Int, in table: TableSchema) {
    if let old = written[table.name]?.removeValue(forKey: id) { forgetKeys(of: old, in: table) }
    deleted[table.name, default: []].insert(id)
  }

  /// The ids of written rows holding `key` under `unique`.
  func written(holding key: [Value], under unique: UniqueConstraint) -> Set<Int> {
    uniqueKeys[unique.name]?[key] ?? []
  }

  private mutating func forgetKeys(of row: Row, in table: TableSchema) {
    for unique in table.uniques {
      uniqueKeys[unique.name, default: [:]][unique.columns.map { row[$0] }]?.remove(row.id)
    }
  }
}

/// The committed state of every table.
struct Database: Sendable {
  var tables: [String: TableData]

  init(schema: Schema) {
    tables = Dictionary(uniqueKeysWithValues: schema.tables.map { ($0.name, TableData(schema: $0)) })
  }

  func table(_ name: String) throws(StoreError) -> TableData {
    guard let table = tables[name] else { throw .undeclared("relation \"\(name)\" does not exist") }
    return table
  }

  /// Whether `id` exists in `table` as `transaction` sees it.
  func exists(_ table: String, id: Int, in transaction: Transaction) -> Bool {
    if transaction.written[table]?[id] != nil { return true }
    if transaction.deleted[table]?.contains(id) == true { return false }
    return tables[table]?.rows[id] != nil
  }

  /// The row as the database stores it: declared columns only, coerced, defaults filled in.
  /// `values` cast to `table`'s column types, every column present (a default where none was given): what the
  /// driver and the planner make of an `INSERT`'s values before it runs.
  func coerced(_ table: String, values: [String: Value]) throws(StoreError) -> [String: Value] {
    let schema = try self.table(table).schema
    if let unknown = values.keys.sorted().first(where: { schema.column($0) == nil }) {
      throw .undeclared("column \"\(unknown)\" of relation \"\(table)\" does not exist")
    }
    for value in values.values { try value.checkSendable() }
    var stored: [String: Value] = [:]
    for column in schema.columns.filter({ $0.generation == nil }) + schema.columns.filter({ $0.generation != nil }) {
      let given = column.generation.map { $0.compute(stored) } ?? values[column.name] ?? column.defaultValue
      switch column.type.coerce(given) {
      case .success(let value): stored[column.name] = value
      case .failure(let rejection) where rejection.mismatch:
        throw .datatypeMismatch(table: table, column: column.name, value: given, type: column.type)
      case .failure(let rejection):
        throw .invalidValue(
          table: table, column: column.name, value: given, type: column.type, reason: rejection.reason)
      }
    }
    return stored
  }

  /// The row `id` of `table` holding `values`, checked for `NULL` in a `NOT NULL` column.
  func normalized(_ table: String, id: Int, values: [String: Value]) throws(StoreError) -> Row {
    let stored = try coerced(table, values: values)
    for column in try self.table(table).schema.columns where stored[column.name] == .null && !column.nullable {
      throw .notNullViolation(table: table, column: column.name)
    }
    var scales: [String: Int] = [:]
    for column in try self.table(table).schema.columns {
      if case .decimal(_, let scale) = column.type { scales[column.name] = scale }
    }
    return Row(id: id, values: stored, scales: scales)
  }

  /// Checks `row`'s constraints against committed rows merged with `transaction`'s writes.
  func validate(_ row: Row, in table: String, with transaction: Transaction) throws(StoreError) {
    let schema = try self.table(table).schema
    for check in schema.checks where !check.isSatisfied(row) {
      throw .checkViolation(table: table, constraint: check.name, rule: check.rule)
    }
    for foreignKey in schema.foreignKeys {
      guard case .int(let target) = row[foreignKey.column] else { continue }
      if !exists(foreignKey.referencedTable, id: target, in: transaction) {
        throw .foreignKeyViolation(
          table: table, constraint: foreignKey.name, column: foreignKey.column, value: row[foreignKey.column])
      }
    }
    for unique in schema.uniques where unique.appliesTo(row) {
      let key = unique.columns.map { row[$0] }
      if key.contains(.null) { continue }
      if holder(of: key, in: unique, table: table, with: transaction, except: row.id) != nil {
        throw .uniqueViolation(table: table, constraint: unique.name, key: key)
      }
    }
    if !schema.rules.isEmpty {
      let lookup = RowLookup { table, equalities in visibleRows(table, equalities, with: transaction) }
      for rule in schema.rules where !rule.isSatisfied(row, lookup) {
        throw .checkViolation(table: table, constraint: rule.name, rule: rule.rule)
      }
    }
  }

  /// Committed rows overlaid with `transaction`'s writes, matching `equalities`, ordered by id.
  func visibleRows(_ table: String, _ equalities: [String: Value], with transaction: Transaction) -> [Row] {
    let written = transaction.written[table] ?? [:]
    let deleted = transaction.deleted[table] ?? []
    var byID: [Int: Row] = [:]
    for row in tables[table]?.rows(matching: equalities) ?? [] where written[row.id] == nil && !deleted.contains(row.id)
    {
      byID[row.id] = row
    }
    for row in written.values where row.matches(equalities) { byID[row.id] = row }
    return byID.keys.sorted().map { byID[$0]! }
  }

  /// A row other than `except` that holds `key` in `columns`, as `transaction` sees the table.
  private func holder(
    of key: [Value], in unique: UniqueConstraint, table: String, with transaction: Transaction, except: Int
  ) -> Int? {
    let columns = unique.columns
    let written = transaction.written[table] ?? [:]
    if let id = transaction.written(holding: key, under: unique).subtracting([except]).min() {
      return id
    }
    let deleted = transaction.deleted[table] ?? []
    guard let data = tables[table] else { return nil }
    return data.ids(where: columns, equal: key).first { id in
      id != except && !deleted.contains(id) && written[id] == nil && unique.appliesTo(data.rows[id]!)
    }
  }

  /// Re-checks every write against the latest committed state, then applies them all, or none.
  ///
  /// `revalidate: false` skips the re-check when the caller knows nothing was committed since the writes were
  /// checked at flush.
  mutating func commit(_ transaction: Transaction, revalidate: Bool = true) throws(StoreError) {
    if revalidate || !transaction.deleted.isEmpty { try check(transaction) }
    for (table, rows) in transaction.written {
      for row in rows.values { tables[table]!.upsert(row) }
    }
    for (table, ids) in transaction.deleted {
      for id in ids { tables[table]!.remove(id: id) }
    }
  }

  private func check(_ transaction: Transaction) throws(StoreError) {
    for table in transaction.written.keys.sorted() {
      for row in transaction.written[table]!.values.sorted(by: { $0.id < $1.id }) {
        try validate(row, in: table, with: transaction)
      }
    }
    for (table, ids) in transaction.deleted.sorted(by: { $0.key < $1.key }) {
      try checkNothingReferences(table, ids: ids, with: transaction)
    }
  }

  private func checkNothingReferences(_ table: String, ids: Set<Int>, with transaction: Transaction) throws(StoreError)
  {
    for data in tables.values.sorted(by: { $0.schema.name < $1.schema.name }) {
      for foreignKey in data.schema.foreignKeys where foreignKey.referencedTable == table {
        for row in data.orderedRows {
          guard case .int(let target) = row[foreignKey.column], ids.contains(target) else { continue }
          if transaction.deleted[data.schema.name]?.contains(row.id) == true { continue }
          throw .foreignKeyViolation(
            table: data.schema.name, constraint: foreignKey.name, column: foreignKey.column, value: .int(target))
        }
      }
    }
  }
}
