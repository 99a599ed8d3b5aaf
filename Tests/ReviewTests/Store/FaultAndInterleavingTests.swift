import Store
import Synchronization
import Testing

@Suite("Store faults and interleavings: deterministic failures and races")
struct FaultAndInterleavingTests {
  @Test func failsTheChosenInsertAndKeepsNothing() throws {
    let store = try TestSchema.store()
    store.inject(.failing(.insert(table: "items")))
    let before = store.snapshot()
    let session = store.openSession()
    session.add("items", ["owner_id": .int(1), "code": .text("A")])
    let error = #expect(throws: StoreError.self) { try session.commit() }
    guard case .injectedFault(let event)? = error else {
      Issue.record("expected an injected fault, got \(String(describing: error))")
      return
    }
    #expect(event.statement == .insert(table: "items"))
    #expect(store.snapshot() == before)
  }

  @Test func failsTheNthCommitCountedFromInjection() throws {
    let store = try TestSchema.store()
    store.inject(.failingCommit(number: 2))
    try store.seed("items", ["owner_id": .int(1), "code": .text("A")])
    #expect(throws: StoreError.self) { try store.seed("items", ["owner_id": .int(1), "code": .text("B")]) }
    try store.seed("items", ["owner_id": .int(1), "code": .text("C")])
    #expect(store.snapshot().rows("items").map { $0["code"] } == [.text("A"), .text("C")])
  }

  @Test func failsAStatementByOrdinal() throws {
    let store = try TestSchema.store()
    store.recordStatements()
    store.inject(.failingStatement(number: 3))
    let session = store.openSession()
    session.add("items", ["owner_id": .int(1), "code": .text("A")])
    #expect(throws: StoreError.self) { try session.commit() }
    #expect(store.statementLog.map(\.statement) == [.flush, .insert(table: "items"), .commit])
  }

  @Test func hookRunsAnotherSessionBetweenACheckAndAnInsert() throws {
    let store = try TestSchema.store()
    let fired = Mutex(false)
    store.interleave { _, statement in
      guard statement == .insert(table: "items"),
        fired.withLock({ fired in
          defer { fired = true }
          return !fired
        })
      else {
        return
      }
      let rival = store.openSession()
      rival.add("items", ["owner_id": .int(1), "code": .text("SAME")])
      try? rival.commit()
    }
    let session = store.openSession()
    #expect(try session.first("items", where: ["code": .text("SAME")]) == nil)
    session.add("items", ["owner_id": .int(1), "code": .text("SAME")])
    let error = #expect(throws: StoreError.self) { try session.commit() }
    #expect(error == .uniqueViolation(table: "items", constraint: "items_code_key", key: [.text("SAME")]))
    #expect(store.snapshot().rows("items").count == 1)
  }

  @Test func staysConsistentUnderConcurrentSessions() async throws {
    let store = try TestSchema.store()
    await withTaskGroup(of: Void.self) { group in
      for index in 0..<200 {
        group.addTask {
          let session = store.openSession()
          session.add("items", ["owner_id": .int(1), "code": .text("C\(index % 20)")])
          try? session.commit()
        }
      }
    }
    let codes = store.snapshot().rows("items").map { $0["code"] }
    #expect(codes.count == 20)
    #expect(Set(codes).count == 20)
  }
}
