import Foundation
import RequestLayer
import Store
import Testing

@testable import RealStack

@Suite("Protocol values read as the Store's values")
struct ProtocolValueTests {
  @Test func aNumericReadBackPrintsLikeTheInMemoryStoresNumeric() throws {
    let store = Store(
      schema: Schema(
        name: "t", tables: [TableSchema("products", columns: [Column("price", .decimal(precision: 10, scale: 2))])]))
    try store.seed("products", [["price": .int(5)], ["price": .text("19.90")]])
    let inMemory = store.snapshot().rows("products").map(\.description)
    let dump: JSONValue = [
      "products": [
        "columns": ["id": "integer", "price": "numeric(10,2)"],
        "rows": [
          ["id": .integer(1), "price": ["numeric": "5.00"]], ["id": .integer(2), "price": ["numeric": "19.90"]],
        ],
      ]
    ]
    let fromPostgres = try RealDump(protocolTables: dump).snapshot.rows("products").map(\.description)
    #expect(fromPostgres == inMemory)
    #expect(inMemory == ["#1 {price: 5.00}", "#2 {price: 19.90}"], "a numeric(10,2) reads with its two decimals")
    #expect(try Value(protocolValue: ["numeric": "19.99"]) == .decimal(Decimal(string: "19.99")!))
    #expect(try Value(protocolValue: ["numeric": "NaN"]).description == "NaN")
  }

  @Test func floatsKeepPythonsReprAndTheNonFiniteValues() throws {
    #expect(try Value(protocolValue: ["float": "19.99"]) == .double(19.99))
    #expect(try Value(protocolValue: ["float": "nan"]).description == "NaN")
    #expect(try Value(protocolValue: ["float": "inf"]) == .double(.infinity))
    #expect(try Value(protocolValue: ["float": "-inf"]) == .double(-.infinity))
    #expect(try Value(protocolValue: ["float": "1e-05"]) == .double(0.00001))
  }

  @Test func timestampsAreUTCSecondsAndRoundTrip() throws {
    #expect(try Value(protocolValue: ["timestamp": "2026-01-15T12:00:00Z"]) == .timestamp(Request.defaultTime))
    #expect(try Value(protocolValue: ["timestamp": "1969-12-31T23:59:59Z"]) == .timestamp(-1))
    for seconds in [0, 951_782_400, 4_102_444_799] {
      #expect(try Value(protocolValue: Value.timestamp(seconds).protocolValue) == .timestamp(seconds))
    }
    #expect(throws: ProtocolDecodingError.self) { try Value(protocolValue: ["timestamp": "yesterday"]) }
  }

  @Test func plainScalarsAndRoundTrips() throws {
    #expect(try Value(protocolValue: nil) == .null)
    #expect(try Value(protocolValue: .integer(42)) == .int(42))
    #expect(try Value(protocolValue: "Acme") == .text("Acme"))
    #expect(try Value(protocolValue: true) == .bool(true))
    for value: Value in [.decimal(Decimal(string: "-0.05")!), .double(19.99), .int(-3), .text("x")] {
      #expect(try Value(protocolValue: value.protocolValue) == value)
    }
    #expect(throws: ProtocolDecodingError.self) { try Value(protocolValue: .number("1.5")) }
  }

  @Test func statementsAndFaultsSpeakTheProtocol() throws {
    #expect(try Statement(protocolStatement: ["kind": "INSERT", "table": "products"]) == .insert(table: "products"))
    #expect(try Statement(protocolStatement: ["kind": "COMMIT"]) == .commit)
    // What a real app may send beyond what the store models (`begin_nested()`, `SELECT 1`) is understood too.
    #expect(try Statement(protocolStatement: ["kind": "SAVEPOINT"]) == .other(kind: "SAVEPOINT"))
    #expect(try Statement(protocolStatement: ["kind": "SELECT"]) == .other(kind: "SELECT"))
    #expect(Statement.other(kind: "RELEASE").protocolStatement == ["kind": "RELEASE"])
    #expect(throws: ProtocolDecodingError.self) { try Statement(protocolStatement: ["table": "products"]) }
    #expect(try Fault.failingCommit(number: 2).protocolCommand() == ["op": "fault", "commit": .integer(2)])
    #expect(
      try Fault.failing(.insert(table: "inventory")).protocolCommand()
        == ["op": "fault", "statement": ["kind": "INSERT", "table": "inventory"], "occurrence": .integer(1)])
    #expect(try Fault.failingStatement(number: 3).protocolCommand() == ["op": "fault", "ordinal": .integer(3)])
  }

  @Test func aRequestAnswerBecomesAResponseWithTheUncaughtErrorAsThePortsWriteIt() throws {
    let request = Request.post("/api/products", body: #"{"name":"Widget"}"#, as: Principal(userID: 1, companyID: 1))
    let command = request.protocolCommand(dump: false)
    guard case .object(let sent) = command else { throw ProtocolDecodingError("not an object") }
    #expect(sent["body_b64"] == .string(Data(#"{"name":"Widget"}"#.utf8).base64EncodedString()))
    #expect(sent["user_id"] == .integer(1))
    #expect(sent["headers"] == ["Content-Type": "application/json"])

    let answer: JSONValue = [
      "id": .integer(1), "ok": true, "status": .integer(500),
      "headers": ["Content-Type": "text/html; charset=utf-8"],
      "body_b64": .string(Data("oops".utf8).base64EncodedString()),
      "exception": ["type": "KeyError", "message": "'initial_quantity'", "traceback": "Traceback ..."],
      "statements": [["kind": "INSERT", "table": "products"], ["kind": "COMMIT"]],
      "tables": [
        "products": [
          "columns": ["id": "integer", "price": "numeric"],
          "rows": [["id": .integer(4), "price": ["numeric": "5.00"]]],
        ]
      ],
    ]
    guard case .object(let object) = answer else { throw ProtocolDecodingError("not an object") }
    let real = try RealResponse(protocolAnswer: object)
    #expect(real.response.status == 500 && real.response.body == "oops")
    #expect(real.response.uncaughtError == PythonError.keyError("initial_quantity").description)
    #expect(real.statements == [.insert(table: "products"), .commit])
    #expect(
      real.tables?.snapshot.rows("products") == [Row(id: 4, values: ["price": .decimal(5)], scales: ["price": 2])])
    #expect(
      RealException(type: "InvalidOperation", message: "[<class 'decimal.ConversionSyntax'>]").description
        == PythonError.invalidOperation("[<class 'decimal.ConversionSyntax'>]").description)
  }
}
