import Store

/// The corrected schema: a SKU is unique platform-wide whatever its letter case, a price is an exact decimal, a
/// product belongs to a company rather than to a warehouse, inventory has one row per product and warehouse, every
/// stock change is logged, and a create's idempotency key is kept with the product it made. Part 2's product
/// types, suppliers, bundles and sales are in `SupplySchema`. `case-study/SCHEMA.md` explains each constraint.
public let schema = Schema(
  name: "fixed",
  tables: [
    TableSchema("companies", columns: [Column("name", .text(maxLength: 255))]),
    SupplySchema.users,  // finding: no-role-check
    TableSchema(
      "warehouses",
      columns: [Column("company_id", .integer), Column("name", .text(maxLength: 255))],
      foreignKeys: [
        ForeignKey("warehouses_company_id_fkey", "company_id", references: "companies", onDelete: .restrict)
      ],
      indexes: [Index("warehouses_company_id_idx", ["company_id"])]  // finding: alerts-query-per-row
    ),
    SupplySchema.productTypes,  // finding: alerts-ignores-product-type
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
        Column("created_at", .timestamp), Column("updated_at", .timestamp),
      ],
      uniques: [  // finding: duplicate-sku, sku-race
        UniqueConstraint("products_sku_normalized_key", ["sku_normalized"])
      ],
      foreignKeys: [  // finding: product-tied-to-warehouse
        ForeignKey("products_company_id_fkey", "company_id", references: "companies", onDelete: .restrict),
        ForeignKey("products_product_type_id_fkey", "product_type_id", references: "product_types", onDelete: .setNull),
      ],
      checks: [  // finding: no-range-checks
        CheckConstraint("products_price_check", "price >= 0") { ($0["price"].decimal ?? 0) >= 0 },
        CheckConstraint("products_low_stock_threshold_check", "low_stock_threshold >= 0") {
          ($0["low_stock_threshold"].int ?? 0) >= 0
        },
        CheckConstraint("products_updated_at_check", "updated_at >= created_at") {
          ($0["updated_at"].timestampSeconds ?? 0) >= ($0["created_at"].timestampSeconds ?? 0)
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
        Column("reserved", .integer, default: .int(0)),
      ],
      uniques: [  // finding: duplicate-inventory-row
        UniqueConstraint("inventory_product_warehouse_key", ["product_id", "warehouse_id"])
      ],
      foreignKeys: [
        ForeignKey("inventory_product_id_fkey", "product_id", references: "products", onDelete: .restrict),
        ForeignKey("inventory_warehouse_id_fkey", "warehouse_id", references: "warehouses", onDelete: .restrict),
      ],
      checks: [  // finding: no-range-checks
        CheckConstraint("inventory_quantity_check", "quantity >= 0") { ($0["quantity"].int ?? 0) >= 0 },
        CheckConstraint("inventory_reserved_check", "reserved >= 0 AND reserved <= quantity") {
          guard let reserved = $0["reserved"].int, let quantity = $0["quantity"].int else { return true }
          return reserved >= 0 && reserved <= quantity
        },
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
        Column("corrects_id", .integer, nullable: true),  // finding: no-change-log
      ],
      foreignKeys: [
        ForeignKey("inventory_changes_inventory_id_fkey", "inventory_id", references: "inventory", onDelete: .restrict),
        ForeignKey("inventory_changes_user_id_fkey", "user_id", references: "users", onDelete: .restrict),
        ForeignKey(
          "inventory_changes_corrects_id_fkey", "corrects_id", references: "inventory_changes", onDelete: .restrict),
      ],
      checks: [
        CheckConstraint("inventory_changes_quantity_after_check", "quantity_after >= 0") {  // finding: no-change-log
          ($0["quantity_after"].int ?? 0) >= 0
        },
        CheckConstraint(
          "inventory_changes_correction_check", "(reason = 'correction') = (corrects_id IS NOT NULL)"
        ) { ($0["reason"] == .text("correction")) == !$0["corrects_id"].isNull },
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
        ForeignKey("idempotency_keys_company_id_fkey", "company_id", references: "companies", onDelete: .cascade),
        ForeignKey("idempotency_keys_product_id_fkey", "product_id", references: "products", onDelete: .cascade),
      ]
    ),
  ]
    + SupplySchema.tables  // finding: alerts-placeholder-supplier, alerts-fake-sales-rate
)
