/// One unit of work against a `Store`, like a SQLAlchemy session: add, flush, commit, rollback.
///
/// A session is used by one request at a time and is not shared between tasks. Its writes are invisible to other
/// sessions until `commit()`. After any failed statement the transaction is aborted: every later statement throws
/// `StoreError.pendingRollback` until `rollback()` is called, as in SQLAlchemy.
public final class Session {
  /// The session's number, from 1 in the order sessions are opened on the store.
  public let id: Int
  let store: Store
  private var pending: [PendingRow] = []
  /// Every row this session has flushed (its identity map): each commit expires them all, as SQLAlchemy's
  /// `expire_on_commit` does.
  private var flushed: [PendingRow] = []
  private var transaction = Transaction()
  private var abortedBy: StoreError?
  /// The store's commit count when this transaction's writes were checked; `nil` when unchecked or when they were
  /// checked at different counts, so the commit must re-check them.
  private var checkedAtCommit: Int?
  private var checkedAtDifferentCommits = false

  init(store: Store, id: Int) {
    self.store = store
    self.id = id
  }

  /// Stages a new row; it is sent as an `INSERT` and gets its id at the next flush.
  @discardableResult
  public func add(_ table: String, _ values: [String: Value]) -> PendingRow {
    let row = PendingRow(table: table, values: values, session: self)
    pending.append(row)
    return row
  }

  /// Sends the staged inserts, assigning their ids, without committing.
  public func flush() throws(StoreError) {
    try checkUsable()
    guard !pending.isEmpty else { return }
    try guarded { () throws(StoreError) in
      try store.send(.flush, from: id)
      for row in pending {
        try store.send(.insert(table: row.table), from: id)
        // Values are cast before the id is drawn, as PostgreSQL casts literals while planning the INSERT: a value
        // of the wrong type uses up no id, a constraint violation does.
        let values = try store.state.withLock { state throws(StoreError) in
          try state.database.coerced(row.table, values: row.values)
        }
        let rowID = store.nextID(row.table)
        let (stored, commits) = try store.state.withLock { state throws(StoreError) in
          let stored = try state.database.normalized(row.table, id: rowID, values: values)
          try state.database.validate(stored, in: row.table, with: transaction)
          return (stored, state.commits)
        }
        noteChecked(at: commits)
        transaction.write(stored, in: store.schema.table(row.table)!)
        row.assignedID = rowID
        flushed.append(row)
      }
      pending.removeAll()
    }
  }

  /// Flushes, then makes every write of this transaction visible to all sessions, or none of them.
  public func commit() throws(StoreError) {
    try flush()
    try guarded { () throws(StoreError) in
      try store.send(.commit, from: id)
      let transaction = self.transaction
      let checkedAt = checkedAtDifferentCommits ? nil : checkedAtCommit
      try store.state.withLock { state throws(StoreError) in
        try state.database.commit(transaction, revalidate: checkedAt != state.commits)
        state.commits += 1
      }
      for row in flushed { row.expired = true }
      resetTransaction()
    }
  }

  /// Discards every uncommitted write and clears an aborted transaction.
  public func rollback() {
    resetTransaction()
    abortedBy = nil
  }

  private func resetTransaction() {
    pending.removeAll()
    transaction = Transaction()
    checkedAtCommit = nil
    checkedAtDifferentCommits = false
  }

  /// Records the commit count a write was checked at.
  private func noteChecked(at commits: Int) {
    if checkedAtCommit == nil { checkedAtCommit = commits }
    if checkedAtCommit != commits { checkedAtDifferentCommits = true }
  }

  /// Ends the session, rolling back whatever was not committed (what Flask-SQLAlchemy does at teardown).
  public func close() {
    rollback()
  }

  /// Reads an expired row back from the database, as SQLAlchemy does on the first attribute access after a commit.
  func refresh(_ row: PendingRow) throws(StoreError) {
    try checkUsable()
    try guarded { () throws(StoreError) in try store.send(.select(table: row.table), from: id) }
  }

  /// The row of `table` with this id, as this session sees it.
  public func get(_ table: String, id rowID: Int) throws(StoreError) -> Row? {
    try select(table, where: ["id": .int(rowID)]).first
  }

  /// The rows of `table` whose columns equal `equalities` and that pass `filter`, ordered by id.
  ///
  /// An index answers the equalities when one covers them; otherwise the table is scanned.
  public func select(
    _ table: String, where equalities: [String: Value] = [:], filter: ((Row) -> Bool)? = nil
  ) throws(StoreError) -> [Row] {
    try select(table, matching: [equalities], filter: filter)
  }

  /// The rows of `table` whose `column` is one of `values`, in one statement, ordered by id.
  public func select(
    _ table: String, where column: String, in values: [Value], filter: ((Row) -> Bool)? = nil
  ) throws(StoreError) -> [Row] {
    try select(table, matching: values.map { [column: $0] }, filter: filter)
  }

  /// The first row, by id, that `select` would return.
  public func first(_ table: String, where equalities: [String: Value] = [:]) throws(StoreError) -> Row? {
    try select(table, where: equalities).first
  }

  /// Changes columns of an existing row within this transaction.
  public func update(_ table: String, id rowID: Int, set values: [String: Value]) throws(StoreError) {
    try flush()
    try guarded { () throws(StoreError) in
      try store.send(.update(table: table), from: id)
      guard let current = try visibleRows(table, matching: [["id": .int(rowID)]]).first else { return }
      let (stored, commits) = try store.state.withLock { state throws(StoreError) in
        let stored = try state.database.normalized(
          table, id: rowID, values: current.values.merging(values) { $1 })
        try state.database.validate(stored, in: table, with: transaction)
        return (stored, state.commits)
      }
      noteChecked(at: commits)
      transaction.write(stored, in: store.schema.table(table)!)
    }
  }

  /// Deletes a row within this transaction, applying each referencing foreign key's `ON DELETE` rule: `CASCADE`
  /// deletes the referencing rows, `SET NULL` clears their reference, and any other rule makes the commit fail
  /// while a row still references it.
  public func delete(_ table: String, id rowID: Int) throws(StoreError) {
    try flush()
    try guarded { () throws(StoreError) in
      try store.send(.delete(table: table), from: id)
      guard let schema = store.schema.table(table) else { throw .undeclared("relation \"\(table)\" does not exist") }
      transaction.delete(rowID, in: schema)
    }
    for referencing in store.schema.tables {
      for foreignKey in referencing.foreignKeys where foreignKey.referencedTable == table {
        guard foreignKey.onDelete == .cascade || foreignKey.onDelete == .setNull else { continue }
        let rows = try guarded { () throws(StoreError) in
          try visibleRows(referencing.name, matching: [[foreignKey.column: .int(rowID)]])
        }
        for row in rows {
          if foreignKey.onDelete == .cascade {
            try delete(referencing.name, id: row.id)
          } else {
            try update(referencing.name, id: row.id, set: [foreignKey.column: .null])
          }
        }
      }
    }
  }

  private func select(
    _ table: String, matching alternatives: [[String: Value]], filter: ((Row) -> Bool)?
  ) throws(StoreError) -> [Row] {
    try flush()
    return try guarded { () throws(StoreError) in
      try store.send(.select(table: table), from: id)
      try checkComparable(table, alternatives)
      let rows = try visibleRows(table, matching: alternatives)
      guard let filter else { return rows }
      return rows.filter(filter)
    }
  }

  /// Committed rows overlaid with this transaction's writes, matching any of `alternatives`, ordered by id.
  private func visibleRows(_ table: String, matching alternatives: [[String: Value]]) throws(StoreError) -> [Row] {
    let transaction = self.transaction
    let rows = try store.state.withLock { state throws(StoreError) in
      _ = try state.database.table(table)
      return alternatives.flatMap { state.database.visibleRows(table, $0, with: transaction) }
    }
    guard alternatives.count > 1 else { return rows }
    var byID: [Int: Row] = [:]
    for row in rows { byID[row.id] = row }
    return byID.keys.sorted().map { byID[$0]! }
  }

  /// Refuses a comparison PostgreSQL would refuse, such as a varchar column against an integer.
  private func checkComparable(_ table: String, _ alternatives: [[String: Value]]) throws(StoreError) {
    guard let schema = store.schema.table(table) else { throw .undeclared("relation \"\(table)\" does not exist") }
    for equalities in alternatives {
      for (name, value) in equalities.sorted(by: { $0.key < $1.key }) where name != "id" {
        guard let column = schema.column(name) else {
          throw .undeclared("column \"\(name)\" of relation \"\(table)\" does not exist")
        }
        try value.checkSendable()
        guard value.isComparable(with: column.type) else {
          throw .undeclared("operator does not exist: \(column.type) = \(value.typeName)")
        }
      }
    }
  }

  private func checkUsable() throws(StoreError) {
    if let abortedBy { throw .pendingRollback(cause: abortedBy.description) }
  }

  /// Runs `body`; if it throws, the whole transaction is aborted, as a failed statement aborts it in PostgreSQL.
  private func guarded<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
    try checkUsable()
    do {
      return try body()
    } catch {
      resetTransaction()
      abortedBy = error
      throw error
    }
  }
}

/// A row staged by `Session.add`; `id` is set when a flush sends it.
public final class PendingRow {
  public let table: String
  public let values: [String: Value]
  /// The primary key assigned at flush; `nil` before.
  var assignedID: Int?
  /// Whether a commit expired the row, so the next read of its id refreshes it first.
  var expired = false
  private weak var session: Session?

  init(table: String, values: [String: Value], session: Session) {
    self.table = table
    self.values = values
    self.session = session
  }

  /// The primary key, as SQLAlchemy's `product.id` reads it: assigned at flush (`nil` before), and after a commit
  /// read back with a `SELECT`, which can fail like any statement, because the commit expired the object.
  public var id: Int? {
    get throws(StoreError) {
      if expired, let session {
        try session.refresh(self)
        expired = false
      }
      return assignedID
    }
  }
}

extension Row {
  func matches(_ equalities: [String: Value]) -> Bool {
    equalities.allSatisfy { self[$0.key] == $0.value }
  }
}
