import Store

/// The schema the candidate's correction implies: what its answer changes in the original's models, and no more.
///
/// The answer adds a unique index on `sku` (a duplicate under a race "surfaces as the generic 500"), stores the
/// price as `numeric(10, 2)` (a `Decimal` column, which rounds a third decimal place away, as PostgreSQL does) and
/// drops `warehouse_id` from products. It adds no check constraints, no unique `(product_id, warehouse_id)` on
/// inventory, and no company on products; the change-log table exists but nothing writes to it.
public let schema = Schema(
  name: "candidate",
  tables: [
    TableSchema("companies", columns: [Column("name", .text(maxLength: 255))]),
    TableSchema(
      "warehouses",
      columns: [Column("company_id", .integer), Column("name", .text(maxLength: 255))],
      foreignKeys: [ForeignKey("warehouses_company_id_fkey", "company_id", references: "companies")]
    ),
    TableSchema(
      "products",
      columns: [
        Column("name", .text(maxLength: 255)),
        Column("sku", .text(maxLength: 64)),
        Column("price", .decimal(precision: 10, scale: 2)),  // finding: float-price
        Column("low_stock_threshold", .integer, nullable: true),
      ],
      uniques: [UniqueConstraint("products_sku_key", ["sku"])]  // finding: duplicate-sku
    ),
    TableSchema(
      "inventory",
      columns: [
        Column("product_id", .integer),
        Column("warehouse_id", .integer),
        Column("quantity", .integer),
      ],
      foreignKeys: [  // finding: duplicate-inventory-row
        ForeignKey("inventory_product_id_fkey", "product_id", references: "products"),
        ForeignKey("inventory_warehouse_id_fkey", "warehouse_id", references: "warehouses"),
      ]
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
      foreignKeys: [ForeignKey("inventory_changes_inventory_id_fkey", "inventory_id", references: "inventory")]
    ),
  ]
)
