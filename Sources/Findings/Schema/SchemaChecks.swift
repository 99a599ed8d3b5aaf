import Store

/// Each declared constraint of a schema, violated on purpose: the evidence that the schema's rules are enforced,
/// not just documented. The report lists the outcome; the tests require every constraint to refuse.
public struct SchemaCheck: Sendable {
  public let table: String
  public let constraint: String
  /// The rule as the schema states it.
  public let rule: String
  /// What the store answered to the violating row: the error, or `nil` when it accepted the row.
  public let refusal: String?
  /// Whether the store refused the row, naming this constraint.
  public let refusedByName: Bool
}

/// Runs the violation of every constraint of a StockFlow schema with Part 2's tables.
public enum SchemaChecks {
  /// A store of Part 2's schema with companies 1 and 2, warehouses 1 and 2 (company 1) and 3 (company 2), product
  /// type 1, products 1 to 3 (company 1) and 4 (company 2), suppliers 1 and 2, inventory 1 (product 1 in warehouse
  /// 1), and bundle product 2 containing product 1.
  public static func store(_ schema: Schema) throws -> Store {
    let store = Store(schema: schema)
    try store.seed("companies", [["name": .text("Acme")], ["name": .text("Globex")]])
    try store.seed(
      "warehouses",
      [
        ["company_id": .int(1), "name": .text("Main")], ["company_id": .int(1), "name": .text("Overflow")],
        ["company_id": .int(2), "name": .text("Globex Central")],
      ])
    try store.seed("product_types", ["name": .text("hardware"), "low_stock_threshold": .int(20)])
    try store.seed(
      "products",
      (1...4).map {
        ["name": .text("P\($0)"), "sku": .text("SKU-\($0)"), "price": .int(1), "company_id": .int($0 < 4 ? 1 : 2)]
      })
    try store.seed(
      "suppliers",
      [
        ["name": .text("S1"), "contact_email": .text("s1@x.test")],
        ["name": .text("S2"), "contact_email": .text("s2@x.test")],
      ])
    try store.seed("inventory", ["product_id": .int(1), "warehouse_id": .int(1), "quantity": .int(5)])
    try store.seed("bundle_components", ["bundle_id": .int(2), "component_id": .int(1), "quantity": .int(2)])
    return store
  }

  /// A row of `table` that the store above accepts.
  public static let valid: [String: [String: Value]] = [
    "companies": ["name": .text("Initech")],
    "warehouses": ["company_id": .int(1), "name": .text("Annex")],
    "product_types": ["name": .text("fasteners"), "low_stock_threshold": .int(5)],
    "products": [
      "name": .text("New"), "sku": .text("NEW-1"), "price": .int(3), "company_id": .int(1), "product_type_id": .int(1),
    ],
    "inventory": ["product_id": .int(3), "warehouse_id": .int(2), "quantity": .int(1)],
    "inventory_changes": [
      "inventory_id": .int(1), "change": .int(1), "quantity_after": .int(6), "reason": .text("restock"),
      "created_at": .timestamp(0),
    ],
    "idempotency_keys": [
      "company_id": .int(1), "key": .text("k1"), "request_fingerprint": .text("{}"), "product_id": .int(1),
      "created_at": .timestamp(0),
    ],
    "suppliers": ["name": .text("S3"), "contact_email": .text("s3@x.test")],
    "supplier_products": [
      "supplier_id": .int(1), "product_id": .int(3), "company_id": .int(1), "is_primary": .bool(true),
    ],
    "bundle_components": ["bundle_id": .int(3), "component_id": .int(1), "quantity": .int(1)],
    "sales": ["product_id": .int(1), "warehouse_id": .int(1), "quantity": .int(1), "sold_at": .timestamp(0)],
  ]

  /// For each check and rule: the change to a valid row that breaks it (on the row's table).
  public static let breaking: [String: [String: Value]] = [
    "product_types_low_stock_threshold_check": ["low_stock_threshold": .int(-1)],
    "products_price_check": ["price": .int(-1)],
    "products_low_stock_threshold_check": ["low_stock_threshold": .int(-1)],
    "inventory_quantity_check": ["quantity": .int(-1)],
    "inventory_changes_quantity_after_check": ["quantity_after": .int(-1)],
    "bundle_components_quantity_check": ["quantity": .int(0)],
    "bundle_components_not_self_check": ["bundle_id": .int(1), "component_id": .int(1)],
    "bundle_components_no_cycle": ["bundle_id": .int(1), "component_id": .int(2)],
    "sales_quantity_check": ["quantity": .int(0)],
    "inventory_same_company": ["warehouse_id": .int(3)],
    "sales_same_company": ["warehouse_id": .int(3)],
    "supplier_products_same_company": ["company_id": .int(2)],
    "bundle_components_same_company": ["component_id": .int(4)],
  ]

  /// Every constraint of `schema`: table, name and rule.
  public static func constraints(of schema: Schema) -> [(table: String, name: String, rule: String)] {
    var result: [(table: String, name: String, rule: String)] = []
    for table in schema.tables {
      for unique in table.uniques {
        let condition = unique.condition.map { " where \($0)" } ?? ""
        result.append((table.name, unique.name, "(\(unique.columns.joined(separator: ", "))) unique\(condition)"))
      }
      for foreignKey in table.foreignKeys {
        result.append((table.name, foreignKey.name, "\(foreignKey.column) references \(foreignKey.referencedTable)"))
      }
      for check in table.checks { result.append((table.name, check.name, check.rule)) }
      for rule in table.rules { result.append((table.name, rule.name, rule.rule)) }
    }
    return result
  }

  /// Violates each constraint of `schema` on a fresh store and records what the store answered.
  public static func run(on schema: Schema) -> [SchemaCheck] {
    constraints(of: schema).map { table, name, rule in
      let error = violate(name, in: table, schema)
      return SchemaCheck(
        table: table, constraint: name, rule: rule, refusal: error.map(String.init(describing:)),
        refusedByName: error?.constraintName == name)
    }
  }

  /// Inserts a row breaking `name` (after a valid twin, for a unique constraint) and returns the store's error.
  static func violate(_ name: String, in table: String, _ schema: Schema) -> StoreError? {
    guard let store = try? store(schema), let tableSchema = schema.table(table), var row = valid[table] else {
      return nil
    }
    if let foreignKey = tableSchema.foreignKeys.first(where: { $0.name == name }) {
      row[foreignKey.column] = .int(9_999)
    } else if tableSchema.uniques.contains(where: { $0.name == name }) {
      guard insert(table, row, into: store) == nil else { return nil }
      if name == "supplier_products_one_primary_key" { row["supplier_id"] = .int(2) }
    } else if let change = breaking[name] {
      row.merge(change) { $1 }
    }
    return insert(table, row, into: store)
  }

  /// The store's error for inserting `values`, or `nil` when it accepted them.
  public static func insert(_ table: String, _ values: [String: Value], into store: Store) -> StoreError? {
    do {
      try store.seed(table, values)
      return nil
    } catch let error as StoreError {
      return error
    } catch {
      return nil
    }
  }
}

extension StoreError {
  /// The constraint an integrity error names.
  public var constraintName: String? {
    switch self {
    case .uniqueViolation(_, let name, _), .foreignKeyViolation(_, let name, _, _), .checkViolation(_, let name, _):
      name
    default: nil
    }
  }
}
