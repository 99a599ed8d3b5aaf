import Foundation
import Store
import Testing

@Suite("Store constraints: typed errors at flush and again at commit")
struct ConstraintTests {
  private func flushing(_ values: [String: Value]) throws -> StoreError? {
    let session = try TestSchema.store().openSession()
    session.add("items", values)
    do {
      try session.flush()
      return nil
    } catch {
      return error
    }
  }

  @Test func rejectsAMissingForeignKeyTarget() throws {
    let error = try flushing(["owner_id": .int(2), "code": .text("A")])
    #expect(
      error
        == .foreignKeyViolation(table: "items", constraint: "items_owner_id_fkey", column: "owner_id", value: .int(2)))
  }

  @Test func rejectsNullInANotNullColumn() throws {
    #expect(try flushing(["owner_id": .int(1)]) == .notNullViolation(table: "items", column: "code"))
  }

  @Test func rejectsAFailedCheck() throws {
    let error = try flushing(["owner_id": .int(1), "code": .text("A"), "count": .int(-1)])
    #expect(error == .checkViolation(table: "items", constraint: "items_count_check", rule: "count >= 0"))
  }

  @Test func rejectsADuplicateWithinOneTransaction() throws {
    let session = try TestSchema.store().openSession()
    session.add("items", ["owner_id": .int(1), "code": .text("A")])
    session.add("items", ["owner_id": .int(1), "code": .text("A")])
    let error = #expect(throws: StoreError.self) { try session.flush() }
    #expect(error == .uniqueViolation(table: "items", constraint: "items_code_key", key: [.text("A")]))
  }

  @Test func rejectsAnUndeclaredColumn() throws {
    let error = try flushing(["owner_id": .int(1), "code": .text("A"), "colour": .text("red")])
    #expect(error == .undeclared("column \"colour\" of relation \"items\" does not exist"))
  }

  @Test(
    "Coerces what a driver sends as PostgreSQL does",
    arguments: [
      (Value.double(19.999), "amount", Value.decimal(Decimal(string: "20.00")!)),
      (.int(3), "amount", .decimal(3)),
      (.decimal(Decimal(string: "0.1")!), "ratio", .double(0.1)),
      (.double(2.5), "count", .int(3)),  // a float goes as a numeric literal, which rounds half away from zero
      (.text("7"), "count", .int(7)),
      (.int(42), "code", .text("42")),
      (.bool(true), "code", .text("true")),
    ])
  func coerces(_ sent: Value, column: String, stored: Value) throws {
    let store = try TestSchema.store()
    try store.seed("items", ["owner_id": .int(1), "code": .text("A")].merging([column: sent]) { $1 })
    #expect(store.snapshot().rows("items")[0][column] == stored)
  }

  @Test(
    "Refuses values the column type cannot hold",
    arguments: [
      ("count", Value.int(3_000_000_000)), ("code", .text("ELEVEN-CHAR")), ("amount", .int(10_000)),
      ("ratio", .text("abc")),
    ])
  func refuses(_ column: String, _ value: Value) throws {
    let error = try flushing(["owner_id": .int(1), "code": .text("A")].merging([column: value]) { $1 })
    guard case .invalidValue(table: "items", column: column, value: value, _, _)? = error else {
      Issue.record("expected invalidValue for \(column) = \(value), got \(String(describing: error))")
      return
    }
  }

  /// A type with no assignment cast to the column's is refused while the statement is planned: psycopg2 raises
  /// `ProgrammingError` (`DatatypeMismatch`), not `DataError`, as PostgreSQL showed.
  @Test func refusesABooleanOrAListInANumberColumnAsADatatypeMismatch() throws {
    for value in [Value.bool(true), .array([.int(10)])] {
      let error = try flushing(["owner_id": .int(1), "code": .text("A"), "count": value])
      #expect(error == .datatypeMismatch(table: "items", column: "count", value: value, type: .integer))
    }
  }

  @Test func storesAListInAStringColumnAsItsArrayText() throws {
    let store = try TestSchema.store()
    try store.seed("items", ["owner_id": .int(1), "code": .array([.text("W-1")])])
    #expect(store.snapshot().rows("items")[0]["code"] == .text("{W-1}"))
  }

  /// psycopg2 refuses to send a NUL character at all: a `ValueError` before anything reaches the database.
  @Test func refusesToSendANulCharacter() throws {
    let error = try flushing(["owner_id": .int(1), "code": .text("A\u{0}")])
    #expect(error == .unsendable("A string literal cannot contain NUL (0x00) characters."))
  }

  @Test func refusesComparingAStringColumnWithANumber() throws {
    let session = try TestSchema.store().openSession()
    let error = #expect(throws: StoreError.self) { try session.select("items", where: ["code": .int(42)]) }
    #expect(error == .undeclared("operator does not exist: varchar(10) = integer"))
    session.rollback()
    #expect(
      try session.select("items", where: ["count": .text("0")]).isEmpty, "a quoted literal compares with any type")
  }

  @Test func showsTheExactValueOfABinaryFloat() {
    #expect(
      Value.double(19.99).description
        == "19.99 (binary float, exactly 19.989999999999998436805981327779591083526611328125)")
    #expect(Value.double(0.5).description == "0.5")
  }

  @Test func answersEqualityLookupsThroughAnIndex() throws {
    let store = try TestSchema.store()
    try store.seed("owners", ["name": .text("second")])
    try store.seed("items", (1...50).map { ["owner_id": .int($0 % 2 + 1), "code": .text("C\($0)")] })
    let rows = try store.openSession().select("items", where: ["owner_id": .int(2)])
    #expect(rows.count == 25)
    #expect(rows.map(\.id) == rows.map(\.id).sorted())
  }
}
