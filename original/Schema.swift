import Store

/// The schema the original code implies: what its SQLAlchemy models would create on PostgreSQL.
///
/// Products carry a warehouse id, nothing makes a SKU unique, the price is a binary float, and inventory may hold
/// several rows for one product in one warehouse. Foreign keys are declared, as the models' relationships would.
public let schema = Schema(
  name: "original",
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
        Column("sku", .text(maxLength: 64)),  // finding: sku-race

        Column("price", .real),  // finding: float-price

        Column("warehouse_id", .integer, nullable: true),  // finding: product-tied-to-warehouse

        Column("low_stock_threshold", .integer, nullable: true),
      ],
      foreignKeys: [  // finding: product-tied-to-warehouse
        ForeignKey("products_warehouse_id_fkey", "warehouse_id", references: "warehouses")
      ]
    ),
    TableSchema(
      "inventory",
      columns: [
        Column("product_id", .integer),
        Column("warehouse_id", .integer),
        Column("quantity", .integer),
      ],
      foreignKeys: [
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
