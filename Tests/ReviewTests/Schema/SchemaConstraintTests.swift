import Findings
import Fixed
import Foundation
import Store
import Testing

/// Every constraint of the fixed schema is enforced by the store and documented in `case-study/SCHEMA.md`: each
/// is violated and must be refused with its own name.
@Suite("The fixed schema's constraints, each violated")
struct SchemaConstraintTests {
  static let names = SchemaChecks.constraints(of: Fixed.schema).map(\.name)

  @Test("Each constraint refuses a row that violates it", arguments: SchemaChecks.run(on: Fixed.schema))
  func violates(_ check: SchemaCheck) {
    #expect(check.refusedByName, "\(check.constraint) (\(check.rule)): \(check.refusal ?? "the row was accepted")")
  }

  @Test func refusesACycleThroughSeveralBundles() throws {
    let store = try SchemaChecks.store(Fixed.schema)
    try store.seed("bundle_components", ["bundle_id": .int(3), "component_id": .int(2), "quantity": .int(1)])
    let error = SchemaChecks.insert(
      "bundle_components", ["bundle_id": .int(1), "component_id": .int(3), "quantity": .int(1)], into: store)
    #expect(error?.constraintName == "bundle_components_no_cycle")
  }

  @Test func acceptsABundleOfBundles() throws {
    let store = try SchemaChecks.store(Fixed.schema)
    let error = SchemaChecks.insert(
      "bundle_components", ["bundle_id": .int(3), "component_id": .int(2), "quantity": .int(1)], into: store)
    #expect(error == nil)
  }

  @Test func keepsPricesExact() throws {
    let store = try SchemaChecks.store(Fixed.schema)
    try store.seed(
      "products", SchemaChecks.valid["products"]!.merging(["price": .decimal(Decimal(string: "19.99")!)]) { $1 })
    #expect(store.snapshot().rows("products").last?["price"] == .decimal(Decimal(string: "19.99")!))
  }

  @Test func ddlNamesEveryConstraintAndEveryDeleteRule() {
    let ddl = Fixed.schema.postgresDDL
    for name in Self.names {
      #expect(
        ddl.contains("CONSTRAINT \(name) ") || ddl.contains("INDEX \(name) ") || ddl.contains("TRIGGER \(name) "),
        "\(name)")
    }
    for table in Fixed.schema.tables {
      for foreignKey in table.foreignKeys {
        #expect(foreignKey.onDelete != .noAction, "\(foreignKey.name) has no chosen ON DELETE rule")
      }
      for rule in table.rules { #expect(rule.trigger != nil, "\(rule.name) has no trigger for PostgreSQL") }
    }
    #expect(ddl.hasPrefix("-- The fixed schema") && ddl.hasSuffix("COMMIT;\n"))
  }

  @Test func deletingABundleCascadesToItsRecipeAndATypeClearsItsProducts() throws {
    let store = try SchemaChecks.store(Fixed.schema)
    let session = store.openSession()
    try session.update("products", id: 1, set: ["product_type_id": .int(1)])
    try session.delete("products", id: 2)  // bundle 2 contains product 1: its bundle_components row goes with it
    try session.delete("product_types", id: 1)
    try session.commit()
    let snapshot = store.snapshot()
    #expect(snapshot.rows("bundle_components").isEmpty)
    #expect(snapshot.rows("products").first?["product_type_id"] == .null)
  }

  @Test func deletingAStockedProductIsRefused() throws {
    let store = try SchemaChecks.store(Fixed.schema)
    let session = store.openSession()
    try session.delete("products", id: 1)
    #expect(throws: StoreError.self) { try session.commit() }
  }

  @Test func schemaDocumentListsExactlyTheEnforcedConstraints() throws {
    let document = try String(
      contentsOf: packageRoot.appendingPathComponent("case-study/SCHEMA.md"), encoding: .utf8)
    let section = document.components(separatedBy: "\n## ").first { $0.hasPrefix("Constraints") } ?? ""
    let listed = section.components(separatedBy: "\n").filter { $0.hasPrefix("| `") }.compactMap { line in
      line.split(separator: "`").dropFirst().first.map(String.init)
    }
    #expect(Set(listed) == Set(Self.names), "SCHEMA.md's constraint table and Fixed.schema disagree")
  }
}

extension SchemaConstraintTests {
  @Test func schemaDocumentStatesEachForeignKeysDeleteRule() throws {
    let document = try String(
      contentsOf: packageRoot.appendingPathComponent("case-study/SCHEMA.md"), encoding: .utf8)
    let section = document.components(separatedBy: "\n## ").first { $0.hasPrefix("Deleting rows") } ?? ""
    var stated: [String: String] = [:]
    for line in section.components(separatedBy: "\n") where line.hasPrefix("| `") {
      let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
      for name in cells[0].split(separator: "`") where name.hasSuffix("_fkey") { stated[String(name)] = cells[1] }
    }
    let declared = Fixed.schema.tables.flatMap(\.foreignKeys).map {
      ($0.name, $0.onDelete.rawValue.lowercased())
    }
    #expect(stated == Dictionary(uniqueKeysWithValues: declared), "SCHEMA.md's delete rules and Fixed.schema disagree")
  }
}

extension SchemaCheck: CustomTestStringConvertible {
  public var testDescription: String { constraint }
}
