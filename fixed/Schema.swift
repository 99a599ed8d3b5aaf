import Store

/// The corrected schema: a SKU is unique platform-wide whatever its letter case, a price is an exact decimal, a product belongs to a company
/// rather than to a warehouse, inventory has one row per product and warehouse, every stock change is logged, and
/// a create's idempotency key is kept with the product it made; with Part 2's product types, suppliers, bundles and sales. `case-study/SCHEMA.md` explains each constraint.
public let schema = Schema(
  name: "fixed",
  tables: [
    TableSchema("companies", columns: [Column("name", .text(maxLength: 255))]),
    TableSchema(
      "warehouses",
      columns: [Column("company_id", .integer), Column("name", .text(maxLength: 255))],
      foreignKeys: [ForeignKey("warehouses_company_id_fkey", "company_id", references: "companies")],
      indexes: [Index("warehouses_company_id_idx", ["company_id"])]
    ),
    TableSchema(  // finding: alerts-ignores-product-type
      "product_types",
      columns: [Column("name", .text(maxLength: 64)), Column("low_stock_threshold", .integer)],
      uniques: [UniqueConstraint("product_types_name_key", ["name"])],
      checks: [
        CheckConstraint("product_types_low_stock_threshold_check", "low_stock_threshold >= 0") {
          ($0["low_stock_threshold"].int ?? 0) >= 0
        }
      ]
    ),
    TableSchema(
      "products",
      columns: [
        Column("name", .text(maxLength: 255)),
        Column("sku", .text(maxLength: 64)),
        Column("sku_normalized", .text(maxLength: 64), generatedAs: "lower(sku)") {  // finding: sku-case-variants
          .text($0["sku"]?.text?.lowercased() ?? "")
        },
        Column("price", .decimal(precision: 12, scale: 2)),  // finding: float-price
        Column("company_id", .integer),  // finding: product-tied-to-warehouse, no-tenant-check
        Column("product_type_id", .integer, nullable: true),  // finding: alerts-ignores-product-type
        Column("low_stock_threshold", .integer, nullable: true),
      ],
      uniques: [  // finding: duplicate-sku, sku-race, sku-case-variants
        UniqueConstraint("products_sku_normalized_key", ["sku_normalized"])
      ],
      foreignKeys: [  // finding: product-tied-to-warehouse
        ForeignKey("products_company_id_fkey", "company_id", references: "companies"),
        ForeignKey("products_product_type_id_fkey", "product_type_id", references: "product_types"),
      ],
      checks: [  // finding: no-range-checks
        CheckConstraint("products_price_check", "price >= 0") { ($0["price"].decimal ?? 0) >= 0 },
        CheckConstraint("products_low_stock_threshold_check", "low_stock_threshold >= 0") {
          ($0["low_stock_threshold"].int ?? 0) >= 0
        },
      ],
      indexes: [Index("products_company_id_idx", ["company_id"])]
    ),
    TableSchema(
      "inventory",
      columns: [
        Column("product_id", .integer),
        Column("warehouse_id", .integer),
        Column("quantity", .integer),
      ],
      uniques: [  // finding: duplicate-inventory-row
        UniqueConstraint("inventory_product_warehouse_key", ["product_id", "warehouse_id"])
      ],
      foreignKeys: [
        ForeignKey("inventory_product_id_fkey", "product_id", references: "products"),
        ForeignKey("inventory_warehouse_id_fkey", "warehouse_id", references: "warehouses"),
      ],
      checks: [  // finding: no-range-checks
        CheckConstraint("inventory_quantity_check", "quantity >= 0") { ($0["quantity"].int ?? 0) >= 0 }
      ],
      rules: [SameCompany.rule("inventory_same_company", "product_id", "warehouse_id")],  // finding: no-tenant-check
      indexes: [Index("inventory_warehouse_id_idx", ["warehouse_id"])]
    ),
    TableSchema(
      "inventory_changes",
      columns: [
        Column("inventory_id", .integer),
        Column("change", .integer),
        Column("quantity_after", .integer),
        Column("reason", .text(maxLength: 64)),
        Column("user_id", .integer, nullable: true),
        Column("created_at", .timestamp),
      ],
      foreignKeys: [ForeignKey("inventory_changes_inventory_id_fkey", "inventory_id", references: "inventory")],
      checks: [
        CheckConstraint("inventory_changes_quantity_after_check", "quantity_after >= 0") {  // finding: no-change-log
          ($0["quantity_after"].int ?? 0) >= 0
        }
      ],
      indexes: [Index("inventory_changes_inventory_id_idx", ["inventory_id"])]  // finding: no-change-log
    ),
    TableSchema(  // finding: non-idempotent-retry
      "idempotency_keys",
      columns: [
        Column("company_id", .integer), Column("key", .text(maxLength: 255)),
        Column("request_fingerprint", .text(maxLength: nil)), Column("product_id", .integer),
        Column("created_at", .timestamp),
      ],
      uniques: [UniqueConstraint("idempotency_keys_company_key_key", ["company_id", "key"])],
      foreignKeys: [
        ForeignKey("idempotency_keys_company_id_fkey", "company_id", references: "companies"),
        ForeignKey("idempotency_keys_product_id_fkey", "product_id", references: "products"),
      ]
    ),
    TableSchema(
      "suppliers",
      columns: [Column("name", .text(maxLength: 255)), Column("contact_email", .text(maxLength: 255))]
    ),
    TableSchema(  // finding: alerts-placeholder-supplier
      "supplier_products",
      columns: [
        Column("supplier_id", .integer), Column("product_id", .integer), Column("company_id", .integer),
        Column("is_primary", .bool, default: .bool(false)),
      ],
      uniques: [
        UniqueConstraint("supplier_products_key", ["supplier_id", "product_id", "company_id"]),
        UniqueConstraint("supplier_products_one_primary_key", ["product_id", "company_id"], where: "is_primary") {
          $0["is_primary"] == .bool(true)
        },
      ],
      foreignKeys: [
        ForeignKey("supplier_products_supplier_id_fkey", "supplier_id", references: "suppliers"),
        ForeignKey("supplier_products_product_id_fkey", "product_id", references: "products"),
        ForeignKey("supplier_products_company_id_fkey", "company_id", references: "companies"),
      ],
      rules: [SameCompany.rule("supplier_products_same_company", "product_id", companyColumn: "company_id")],
      indexes: [Index("supplier_products_product_id_idx", ["product_id"])]
    ),
    TableSchema(
      "bundle_components",
      columns: [Column("bundle_id", .integer), Column("component_id", .integer), Column("quantity", .integer)],
      uniques: [UniqueConstraint("bundle_components_key", ["bundle_id", "component_id"])],
      foreignKeys: [
        ForeignKey("bundle_components_bundle_id_fkey", "bundle_id", references: "products"),
        ForeignKey("bundle_components_component_id_fkey", "component_id", references: "products"),
      ],
      checks: [
        CheckConstraint("bundle_components_quantity_check", "quantity > 0") { ($0["quantity"].int ?? 0) > 0 },
        CheckConstraint("bundle_components_not_self_check", "bundle_id <> component_id") {
          $0["bundle_id"] != $0["component_id"]
        },
      ],
      rules: [
        RowRule("bundle_components_no_cycle", "a bundle never contains itself, directly or through other bundles") {
          row, lookup in !BundleGraph.reaches(from: row["component_id"], to: row["bundle_id"], lookup)
        },
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
        ForeignKey("sales_product_id_fkey", "product_id", references: "products"),
        ForeignKey("sales_warehouse_id_fkey", "warehouse_id", references: "warehouses"),
      ],
      checks: [CheckConstraint("sales_quantity_check", "quantity > 0") { ($0["quantity"].int ?? 0) > 0 }],
      rules: [SameCompany.rule("sales_same_company", "product_id", "warehouse_id")],
      indexes: [Index("sales_product_id_idx", ["product_id"])]
    ),
  ]
)

/// Walks the bundle graph (`bundle_components`: bundle contains component) for the no-cycle rule.
enum BundleGraph {
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

/// Rules that keep a row's references inside one company, a second line of defence behind the handlers' checks.
enum SameCompany {
  /// The table a reference column points to.
  static let referenced = [
    "product_id": "products", "bundle_id": "products", "component_id": "products", "warehouse_id": "warehouses",
  ]

  /// The rows that `first` and `second` reference belong to the same company.
  static func rule(_ name: String, _ first: String, _ second: String) -> RowRule {
    RowRule(name, "\(first) and \(second) belong to the same company") { row, lookup in
      guard let left = company(first, row, lookup), let right = company(second, row, lookup) else { return true }
      return left == right
    }
  }

  /// The row that `column` references belongs to the company in `companyColumn`.
  static func rule(_ name: String, _ column: String, companyColumn: String) -> RowRule {
    RowRule(name, "\(column) belongs to \(companyColumn)") { row, lookup in
      company(column, row, lookup).map { $0 == row[companyColumn] } ?? true
    }
  }

  /// The company of the row `column` references; `nil` when it does not exist (its foreign key refuses that).
  private static func company(_ column: String, _ row: Row, _ lookup: RowLookup) -> Value? {
    lookup.rows(referenced[column]!, where: ["id": row[column]]).first?["company_id"]
  }
}
