import Store
import Testing

@Suite("Store transactions: ids at flush, isolation until commit, all or nothing")
struct TransactionTests {
  @Test func assignsIDsAtFlushNotAtAdd() throws {
    let session = try TestSchema.store().openSession()
    let item = session.add("items", ["owner_id": .int(1), "code": .text("A")])
    #expect(try item.id == nil)
    try session.flush()
    #expect(try item.id == 1)
  }

  /// SQLAlchemy expires objects at commit: the first read of `product.id` afterwards is a `SELECT`, which can fail.
  @Test func readsAnIDBackWithASelectAfterTheCommitExpiredIt() throws {
    let store = try TestSchema.store()
    let session = store.openSession()
    let item = session.add("items", ["owner_id": .int(1), "code": .text("A")])
    try session.commit()
    store.inject(.failing(.select(table: "items")))
    #expect(throws: StoreError.self) { try item.id }
    session.rollback()
    #expect(try item.id == 1)
    #expect(store.count(of: .select(table: "items")) == 2)
  }

  @Test func hidesFlushedRowsFromOtherSessionsUntilCommit() throws {
    let store = try TestSchema.store()
    let writer = store.openSession()
    writer.add("items", ["owner_id": .int(1), "code": .text("A")])
    try writer.flush()
    #expect(try writer.select("items").count == 1)
    #expect(try store.openSession().select("items").isEmpty)
    try writer.commit()
    #expect(try store.openSession().select("items").count == 1)
  }

  @Test func rollbackDiscardsEverythingUncommitted() throws {
    let store = try TestSchema.store()
    let before = store.snapshot()
    let session = store.openSession()
    session.add("items", ["owner_id": .int(1), "code": .text("A")])
    try session.flush()
    session.rollback()
    try session.commit()
    #expect(store.snapshot() == before)
  }

  @Test func closeRollsBackLikeRequestTeardown() throws {
    let store = try TestSchema.store()
    let before = store.snapshot()
    let session = store.openSession()
    session.add("items", ["owner_id": .int(1), "code": .text("A")])
    try session.flush()
    session.close()
    #expect(store.snapshot() == before)
  }

  @Test func neverReusesAnIDAfterRollback() throws {
    let store = try TestSchema.store()
    let first = store.openSession()
    first.add("items", ["owner_id": .int(1), "code": .text("A")])
    try first.flush()
    first.rollback()
    let second = store.openSession()
    let item = second.add("items", ["owner_id": .int(1), "code": .text("A")])
    try second.commit()
    #expect(try item.id == 2)
  }

  @Test func commitAppliesAllWritesOrNone() throws {
    let store = try TestSchema.store()
    let other = store.openSession()
    other.add("items", ["owner_id": .int(1), "code": .text("TAKEN")])
    let session = store.openSession()
    session.add("items", ["owner_id": .int(1), "code": .text("FREE")])
    session.add("items", ["owner_id": .int(1), "code": .text("TAKEN")])
    try session.flush()
    try other.commit()
    let before = store.snapshot()
    #expect(throws: StoreError.self) { try session.commit() }
    #expect(store.snapshot() == before, "the FREE row must not survive its transaction's failure")
  }

  @Test func failedStatementAbortsTheTransactionUntilRollback() throws {
    let session = try TestSchema.store().openSession()
    session.add("items", ["owner_id": .int(99), "code": .text("A")])
    #expect(throws: StoreError.self) { try session.flush() }
    let error = #expect(throws: StoreError.self) { try session.select("items") }
    guard case .pendingRollback? = error else {
      Issue.record("expected pendingRollback, got \(String(describing: error))")
      return
    }
    session.rollback()
    #expect(try session.select("items").isEmpty)
  }

  @Test func updatesAndDeletesApplyAtCommit() throws {
    let store = try TestSchema.store()
    let ids = try store.seed(
      "items", [["owner_id": .int(1), "code": .text("A")], ["owner_id": .int(1), "code": .text("B")]])
    let session = store.openSession()
    try session.update("items", id: ids[0], set: ["count": .int(5)])
    try session.delete("items", id: ids[1])
    #expect(try store.openSession().select("items").count == 2)
    try session.commit()
    let rows = store.snapshot().rows("items")
    #expect(rows.map(\.id) == [ids[0]])
    #expect(rows[0]["count"] == .int(5))
  }

  @Test func snapshotChangesListWhatAddedChangedAndRemoved() throws {
    let store = try TestSchema.store()
    let before = store.snapshot()
    try store.seed("items", ["owner_id": .int(1), "code": .text("A")])
    let changes = store.snapshot().changes(since: before)
    #expect(
      changes.map(\.description) == ["+ items #1 {amount: null, code: \"A\", count: 0, owner_id: 1, ratio: null}"])
  }
}
