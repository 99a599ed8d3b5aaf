import Findings
import Fixed
import RequestLayer
import Store
import Submissions
import Testing

/// The alerts scenario puts a product's threshold where the schema keeps it, so that answers keeping it per
/// warehouse or per product type are graded on their alerts rather than left unchecked.
@Suite("The alerts scenario writes a threshold where the schema keeps it")
struct ThresholdHomeTests {
  /// The fix's schema with `products.low_stock_threshold` moved onto `inventory`, or dropped (leaving the types',
  /// which may belong to a company).
  private static func schema(movingThresholdTo table: String?, typesPerCompany: Bool = false) -> Schema {
    let tables = Fixed.schema.tables.map { schema -> TableSchema in
      var columns = schema.columns
      if schema.name == "products" { columns.removeAll { $0.name == "low_stock_threshold" } }
      if schema.name == table { columns.append(Column("low_stock_threshold", .integer, nullable: true)) }
      if schema.name == "product_types", typesPerCompany { columns.append(Column("company_id", .integer)) }
      return TableSchema(schema.name, columns: columns, foreignKeys: schema.foreignKeys)
    }
    return Schema(name: "threshold-elsewhere", tables: tables)
  }

  private static func scenario(movingThresholdTo table: String?, typesPerCompany: Bool = false) throws
    -> AlertsScenario
  {
    let submission = Implementation(
      name: "threshold-elsewhere", summary: "The fix's handlers over a schema keeping thresholds elsewhere.",
      role: .submission, sourceFolder: "fixed",
      schema: schema(movingThresholdTo: table, typesPerCompany: typesPerCompany), createProduct: Fixed.createProduct)
    return AlertsScenario(try Trial(submission))
  }

  @Test func onStockRowsEveryRowOfTheProductCarriesIt() throws {
    let alerts = try Self.scenario(movingThresholdTo: "inventory")
    #expect(alerts.thresholdHome == .inventory)
    let bolt = try alerts.product("Bolt", sku: "B-1", threshold: 10)
    let nut = try alerts.product("Nut", sku: "N-1", threshold: nil)
    try alerts.stock(bolt, in: 1, 2)
    try alerts.stock(bolt, in: 2, 30)
    try alerts.stock(nut, in: 1, 2)
    let rows = try alerts.trial.snapshot().rows("inventory")
    #expect(rows.map { $0["low_stock_threshold"] } == [.int(10), .int(10), .null])
  }

  @Test func onTypesOnlyAProductGetsATypeMadeForItsThresholdOnce() throws {
    let alerts = try Self.scenario(movingThresholdTo: nil)
    #expect(alerts.thresholdHome == .productType)
    let bolt = try alerts.product("Bolt", sku: "B-1", threshold: 10)
    let screw = try alerts.product("Screw", sku: "S-1", threshold: 10)
    let snapshot = try alerts.trial.snapshot()
    let types = snapshot.rows("product_types")
    #expect(types.map { $0["low_stock_threshold"] } == [.int(10)])
    let products = snapshot.rows("products").filter { [bolt, screw].contains($0.id) }
    #expect(products.map { $0["product_type_id"] } == [.int(types[0].id), .int(types[0].id)])
  }

  @Test func aTypeMadeForAThresholdBelongsToTheProductsCompanyWhereTypesDo() throws {
    let alerts = try Self.scenario(movingThresholdTo: nil, typesPerCompany: true)
    try alerts.product("Bolt", sku: "B-1", company: 2, threshold: 10)
    let types = try alerts.trial.snapshot().rows("product_types")
    #expect(types.map { $0["company_id"] } == [.int(2)])
    #expect(types.map { $0["name"] } == [.text("Threshold 10 (company 2)")])
  }

  @Test func onTheProductAsTheCaseStudyKeepsIt() throws {
    #expect(AlertsScenario(try Trial(Registry.fixed)).thresholdHome == .product)
  }
}
