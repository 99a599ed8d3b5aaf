import Store

/// Each declared constraint of a schema, violated on purpose: the evidence that the schema's rules are enforced,
/// not just documented. The report lists the outcome; the tests require every constraint to refuse.
///
/// Its JSON (`Encodable`) is `table`, `constraint`, `rule`, `refused` and `answer`.
public struct SchemaCheck: Sendable, Encodable {
  public let table: String
  public let constraint: String
  /// The rule as the schema states it.
  public let rule: String
  /// What the store answered to the violating row: the error, or `nil` when it accepted the row.
  public let refusal: String?
  /// Whether the store refused the row, naming this constraint.
  public let refusedByName: Bool

  enum CodingKeys: String, CodingKey {
    case table, constraint, rule
    case refusedByName = "refused"
    case refusal = "answer"
  }
}

/// Runs the violation of every constraint of a StockFlow schema with Part 2's tables.
public enum SchemaChecks {
  /// One row to insert: its table and its values.
  public typealias Insert = (table: String, values: [String: Value])

  /// The rows every check starts from, in order (ids 1, 2, ... per table): companies 1 and 2, user 1 (company 1's
  /// manager), warehouses 1 and 2
  /// (company 1) and 3 (company 2), product type 1, products 1 to 3 (company 1) and 4 (company 2), suppliers 1 and
  /// 2, inventory 1 (product 1 in warehouse 1), and bundle product 2 containing product 1.
  public static let seedRows: [Insert] =
    [
      ("companies", ["name": .text("Acme")]), ("companies", ["name": .text("Globex")]),
      ("users", ["company_id": .int(1), "name": .text("alice@acme.test"), "role": .text("manager")]),
      ("warehouses", ["company_id": .int(1), "name": .text("Main")]),
      ("warehouses", ["company_id": .int(1), "name": .text("Overflow")]),
      ("warehouses", ["company_id": .int(2), "name": .text("Globex Central")]),
      ("product_types", ["name": .text("hardware"), "low_stock_threshold": .int(20)]),
    ]
    + (1...4).map {
      (
        "products",
        [
          "name": .text("P\($0)"), "sku": .text("SKU-\($0)"), "price": .int(1), "company_id": .int($0 < 4 ? 1 : 2),
          "created_at": .timestamp(0), "updated_at": .timestamp(0),
        ]
      )
    }
    + [
      ("suppliers", ["name": .text("S1"), "contact_email": .text("s1@x.test")]),
      ("suppliers", ["name": .text("S2"), "contact_email": .text("s2@x.test")]),
      ("inventory", ["product_id": .int(1), "warehouse_id": .int(1), "quantity": .int(5)]),
      ("bundle_components", ["bundle_id": .int(2), "component_id": .int(1), "quantity": .int(2)]),
    ]

  /// A store of `schema` holding ``seedRows``.
  public static func store(_ schema: Schema) throws -> Store {
    let store = Store(schema: schema)
    for row in seedRows where schema.table(row.table) != nil { try store.seed(row.table, row.values) }
    return store
  }

  /// A row of `table` that the store above accepts.
  public static let valid: [String: [String: Value]] = [
    "companies": ["name": .text("Initech")],
    "users": ["company_id": .int(1), "name": .text("dave@acme.test"), "role": .text("staff")],
    "warehouses": ["company_id": .int(1), "name": .text("Annex")],
    "product_types": ["name": .text("fasteners"), "low_stock_threshold": .int(5)],
    "products": [
      "name": .text("New"), "sku": .text("NEW-1"), "price": .int(3), "company_id": .int(1), "product_type_id": .int(1),
      "created_at": .timestamp(0), "updated_at": .timestamp(60),
    ],
    "inventory": ["product_id": .int(3), "warehouse_id": .int(2), "quantity": .int(1)],
    "inventory_changes": [
      "inventory_id": .int(1), "change": .int(1), "quantity_after": .int(6), "reason": .text("restock"),
      "created_at": .timestamp(0), "user_id": .int(1),
    ],
    "idempotency_keys": [
      "company_id": .int(1), "key": .text("k1"), "request_fingerprint": .text("{}"), "product_id": .int(1),
      "created_at": .timestamp(0),
    ],
    "suppliers": ["name": .text("S3"), "contact_email": .text("s3@x.test")],
    "supplier_products": [
      "supplier_id": .int(1), "product_id": .int(3), "company_id": .int(1), "is_primary": .bool(true),
      "lead_time_days": .int(7), "unit_cost": .int(2), "min_order_quantity": .int(10),
    ],
    "bundle_components": ["bundle_id": .int(3), "component_id": .int(1), "quantity": .int(1)],
    "sales": ["product_id": .int(1), "warehouse_id": .int(1), "quantity": .int(1), "sold_at": .timestamp(0)],
  ]

  /// For each check and rule: the change to a valid row that breaks it (on the row's table); for a unique
  /// constraint, the change to the valid row's twin that still collides with it; for a foreign key, what else the
  /// row needs so that only the dangling reference is wrong.
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
    "supplier_products_one_primary_key": ["supplier_id": .int(2)],
    "users_role_check": ["role": .text("owner")],
    "products_updated_at_check": ["updated_at": .timestamp(-60)],
    "inventory_reserved_check": ["reserved": .int(2)],
    "inventory_changes_correction_check": ["reason": .text("correction")],
    "inventory_changes_corrects_id_fkey": ["reason": .text("correction")],
    "supplier_products_lead_time_days_check": ["lead_time_days": .int(-1)],
    "supplier_products_unit_cost_check": ["unit_cost": .int(-1)],
    "supplier_products_min_order_quantity_check": ["min_order_quantity": .int(0)],
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

  /// The inserts, after ``seedRows``, whose last breaks `name` (the ones before it, a valid twin for a unique
  /// constraint, are accepted); `nil` when the schema has no such table or no valid row of it is known.
  public static func violatingInserts(_ name: String, in table: String, _ schema: Schema) -> [Insert]? {
    guard let tableSchema = schema.table(table), var row = valid[table] else { return nil }
    if let foreignKey = tableSchema.foreignKeys.first(where: { $0.name == name }) {
      row.merge(breaking[name] ?? [:]) { $1 }
      row[foreignKey.column] = .int(9_999)
    } else if tableSchema.uniques.contains(where: { $0.name == name }) {
      let twin = row
      if let change = breaking[name] { row.merge(change) { $1 } }
      return [(table, twin), (table, row)]
    } else if let change = breaking[name] {
      row.merge(change) { $1 }
    }
    return [(table, row)]
  }

  /// Inserts the rows breaking `name` on a fresh store and returns the store's error for the last one (`nil` when
  /// it accepted it, or when an earlier one failed).
  static func violate(_ name: String, in table: String, _ schema: Schema) -> StoreError? {
    guard let store = try? store(schema), let inserts = violatingInserts(name, in: table, schema) else { return nil }
    for insert in inserts.dropLast() where self.insert(insert.table, insert.values, into: store) != nil { return nil }
    return insert(inserts.last!.table, inserts.last!.values, into: store)
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
