import Store

/// Part 2's additions to the schema, kept apart so that the schema's diff against the original shows only what
/// fixes Part 1: product types (a default low-stock threshold), suppliers and which of them supplies a product for
/// a company (one primary each), bundles of products (never containing themselves) and sales, which the low-stock
/// alerts read.
enum SupplySchema {
  /// The roles a user may hold, most powerful first; ``mayCreateProducts`` says which of them may add to the
  /// catalog.
  static let roles = ["admin", "manager", "staff", "viewer"]
  /// The roles that may create products: the people who own the catalog. Staff move stock, viewers only read.
  static let mayCreateProducts: Set<String> = ["admin", "manager"]

  /// The people who act for a company, each with one role; the change log names who changed stock.
  static let users =
    TableSchema(
      "users",
      columns: [
        Column("company_id", .integer), Column("name", .text(maxLength: 255)),
        Column("role", .text(maxLength: 16)),
      ],
      uniques: [UniqueConstraint("users_name_key", ["name"])],
      foreignKeys: [ForeignKey("users_company_id_fkey", "company_id", references: "companies", onDelete: .restrict)],
      checks: [
        CheckConstraint(
          "users_role_check", "role IN (" + roles.map { "'\($0)'" }.joined(separator: ", ") + ")"
        ) { $0["role"].text.map(roles.contains) ?? true }
      ],
      indexes: [Index("users_company_id_idx", ["company_id"])]
    )

  /// Product types, each with the low-stock threshold its products default to; `products` references it.
  static let productTypes =
    TableSchema(  // finding: alerts-ignores-product-type
      "product_types",
      columns: [Column("name", .text(maxLength: 64)), Column("low_stock_threshold", .integer)],
      uniques: [UniqueConstraint("product_types_name_key", ["name"])],
      checks: [
        CheckConstraint("product_types_low_stock_threshold_check", "low_stock_threshold >= 0") {
          ($0["low_stock_threshold"].int ?? 0) >= 0
        }
      ]
    )

  /// Suppliers, the products they supply per company, bundle contents and sales, after the Part 1 tables.
  static let tables: [TableSchema] = [
    TableSchema(
      "suppliers",
      columns: [Column("name", .text(maxLength: 255)), Column("contact_email", .text(maxLength: 255))]
    ),
    TableSchema(  // finding: alerts-placeholder-supplier
      "supplier_products",
      columns: [
        Column("supplier_id", .integer), Column("product_id", .integer), Column("company_id", .integer),
        Column("is_primary", .bool, default: .bool(false)),
        Column("lead_time_days", .integer, nullable: true),
        Column("unit_cost", .decimal(precision: 12, scale: 4), nullable: true),
        Column("min_order_quantity", .integer, default: .int(1)),
      ],
      uniques: [
        UniqueConstraint("supplier_products_key", ["supplier_id", "product_id", "company_id"]),
        UniqueConstraint("supplier_products_one_primary_key", ["product_id", "company_id"], where: "is_primary") {
          $0["is_primary"] == .bool(true)
        },
      ],
      foreignKeys: [
        ForeignKey("supplier_products_supplier_id_fkey", "supplier_id", references: "suppliers", onDelete: .cascade),
        ForeignKey("supplier_products_product_id_fkey", "product_id", references: "products", onDelete: .cascade),
        ForeignKey("supplier_products_company_id_fkey", "company_id", references: "companies", onDelete: .cascade),
      ],
      checks: [
        CheckConstraint("supplier_products_lead_time_days_check", "lead_time_days >= 0") {
          ($0["lead_time_days"].int ?? 0) >= 0
        },
        CheckConstraint("supplier_products_unit_cost_check", "unit_cost >= 0") { ($0["unit_cost"].decimal ?? 0) >= 0 },
        CheckConstraint("supplier_products_min_order_quantity_check", "min_order_quantity > 0") {
          ($0["min_order_quantity"].int ?? 1) > 0
        },
      ],
      rules: [SameCompany.rule("supplier_products_same_company", "product_id", companyColumn: "company_id")],
      indexes: [Index("supplier_products_product_id_idx", ["product_id"])]
    ),
    TableSchema(
      "bundle_components",
      columns: [Column("bundle_id", .integer), Column("component_id", .integer), Column("quantity", .integer)],
      uniques: [UniqueConstraint("bundle_components_key", ["bundle_id", "component_id"])],
      foreignKeys: [
        ForeignKey("bundle_components_bundle_id_fkey", "bundle_id", references: "products", onDelete: .cascade),
        ForeignKey("bundle_components_component_id_fkey", "component_id", references: "products", onDelete: .restrict),
      ],
      checks: [
        CheckConstraint("bundle_components_quantity_check", "quantity > 0") { ($0["quantity"].int ?? 0) > 0 },
        CheckConstraint("bundle_components_not_self_check", "bundle_id <> component_id") {
          $0["bundle_id"] != $0["component_id"]
        },
      ],
      rules: [
        RowRule(
          "bundle_components_no_cycle", "a bundle never contains itself, directly or through other bundles",
          trigger: BundleGraph.noCycleTrigger
        ) { row, lookup in !BundleGraph.reaches(from: row["component_id"], to: row["bundle_id"], lookup) },
        SameCompany.rule("bundle_components_same_company", "bundle_id", "component_id"),
      ],
      indexes: [
        Index("bundle_components_bundle_id_idx", ["bundle_id"]),
        Index("bundle_components_component_id_idx", ["component_id"]),
      ]
    ),
    TableSchema(  // finding: alerts-no-recent-sales-filter, alerts-fake-sales-rate
      "sales",
      columns: [
        Column("product_id", .integer), Column("warehouse_id", .integer), Column("quantity", .integer),
        Column("sold_at", .timestamp),
      ],
      foreignKeys: [
        ForeignKey("sales_product_id_fkey", "product_id", references: "products", onDelete: .restrict),
        ForeignKey("sales_warehouse_id_fkey", "warehouse_id", references: "warehouses", onDelete: .restrict),
      ],
      checks: [CheckConstraint("sales_quantity_check", "quantity > 0") { ($0["quantity"].int ?? 0) > 0 }],
      rules: [SameCompany.rule("sales_same_company", "product_id", "warehouse_id")],
      indexes: [Index("sales_product_id_idx", ["product_id"])]
    ),
  ]
}

/// Walks the bundle graph (`bundle_components`: bundle contains component) for the no-cycle rule.
enum BundleGraph {
  /// The no-cycle rule on PostgreSQL: walks down from the new component with a recursive query, the new edge left
  /// out. A transaction-level advisory lock serialises writers of bundles, so two transactions adding the two halves
  /// of a cycle at once cannot both pass (under READ COMMITTED each statement sees the other's committed edge).
  static let noCycleTrigger = RowRule.Trigger(
    violatedWhen: """
      EXISTS (
          WITH RECURSIVE reached(product_id) AS (
            SELECT NEW.component_id
            UNION
            SELECT edge.component_id FROM bundle_components edge JOIN reached ON edge.bundle_id = reached.product_id
            WHERE edge.id <> NEW.id
          )
          SELECT 1 FROM reached WHERE product_id = NEW.bundle_id
        )
      """,
    message: "'bundle ' || NEW.bundle_id || ' would contain itself through component ' || NEW.component_id",
    preamble: "PERFORM pg_advisory_xact_lock(hashtext('bundle_components_no_cycle'));")

  /// Whether `target` is `start` or a component of `start`, at any depth.
  static func reaches(from start: Value, to target: Value, _ lookup: RowLookup) -> Bool {
    var seen: Set<Value> = []
    var frontier = [start]
    while let product = frontier.popLast() {
      if product == target { return true }
      guard seen.insert(product).inserted else { continue }
      frontier += lookup.rows("bundle_components", where: ["bundle_id": product]).map { $0["component_id"] }
    }
    return false
  }
}
