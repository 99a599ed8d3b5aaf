import Findings
import RequestLayer
import Store
import Submissions
import Testing

/// The fix answers a database failure by its cause, writes nothing, and ties every server failure to its log line.
@Suite("The fix's answers to database failures")
struct FailureAnswerTests {

  static let transient: [Fault.Failure] = [
    .connectionLost, .serializationFailure, .deadlockDetected, .lockNotAvailable,
  ]

  static let refusals: [StoreError] = [
    .foreignKeyViolation(
      table: "inventory", constraint: "inventory_warehouse_id_fkey", column: "warehouse_id", value: .int(1)),
    .checkViolation(table: "inventory", constraint: "inventory_same_company", rule: "same company"),
    .checkViolation(table: "products", constraint: "products_price_check", rule: "price >= 0"),
    .checkViolation(table: "inventory", constraint: "inventory_quantity_check", rule: "quantity >= 0"),
    .uniqueViolation(table: "inventory", constraint: "inventory_product_warehouse_key", key: [.int(1), .int(1)]),
    .notNullViolation(table: "products", column: "name"),
    .invalidValue(
      table: "products", column: "price", value: .int(1), type: .decimal(precision: 12, scale: 2), reason: "overflow"),
    .undeclared("column \"colour\" does not exist"),
    .pendingRollback(cause: "an earlier error"),
  ]

  private func create(failing failure: Fault.Failure) throws -> (Exchange, [RowChange]) {
    let trial = try Trial(Registry.fixed)
    try trial.inject(Fault.failing(.insert(table: "inventory")).raising(failure))
    return try trial.exchange(.post("/api/products", body: ProductBody.json(), as: Fixture.acmeUser))
  }

  @Test("A transient failure is a 503 with Retry-After", arguments: transient)
  func transientFailureIsRetriable(_ failure: Fault.Failure) throws {
    let (exchange, changes) = try create(failing: failure)
    #expect(exchange.response.status == 503)
    #expect(exchange.response.headers["Retry-After"] == "1")
    #expect(changes.isEmpty)
  }

  @Test("Nothing but a transient failure is a 503", arguments: refusals)
  func refusalIsNeverRetriable(_ error: StoreError) throws {
    let (exchange, changes) = try create(failing: .refusal(error))
    #expect(exchange.response.status != 503, "\(error) answered \(exchange.response.brief)")
    #expect(exchange.response.status >= 400)
    #expect(changes.isEmpty)
  }

  @Test func aRefusedValueNamesItsField() throws {
    let (exchange, _) = try create(
      failing: .refusal(.checkViolation(table: "inventory", constraint: "inventory_same_company", rule: "same company"))
    )
    #expect(exchange.response.status == 403)
    #expect(exchange.response.rejects(field: "warehouse_id"))
  }

  @Test func aServerFailureCarriesTheRequestIDItsOneLogLineNames() throws {
    let (exchange, _) = try create(failing: .refusal(.undeclared("column \"colour\" does not exist")))
    let requestID = try #require(exchange.response.requestID)
    #expect(exchange.response.status == 500)
    #expect(exchange.response.headers["X-Request-Id"] == requestID)
    #expect(exchange.log.filter { $0.level >= .error && $0.message.contains(requestID) }.count == 1)
  }

  @Test func aClientMistakeIsNotLoggedAsAnError() throws {
    let exchange = try Trial(Registry.fixed).exchange(
      .post("/api/products", body: ProductBody.json(["price": "-1"]), as: Fixture.acmeUser)
    ).exchange
    #expect(exchange.response.status == 400)
    #expect(!exchange.log.contains { $0.level >= .error })
  }

  @Test func requestIDsAreNumberedPerSystemFromOne() throws {
    let trial = try Trial(Registry.fixed)
    for expected in ["req-1", "req-2"] {
      try trial.inject(.failing(.insert(table: "products")))
      #expect(try trial.createProduct(ProductBody.json()).requestID == expected)
    }
  }
}
