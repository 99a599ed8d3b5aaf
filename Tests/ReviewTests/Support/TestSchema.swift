import Store

/// A two-table schema that exercises every kind of constraint, for the store's own tests.
enum TestSchema {
  static let schema = Schema(
    name: "test",
    tables: [
      TableSchema("owners", columns: [Column("name", .text(maxLength: 10))]),
      TableSchema(
        "items",
        columns: [
          Column("owner_id", .integer),
          Column("code", .text(maxLength: 10)),
          Column("amount", .decimal(precision: 6, scale: 2), nullable: true),
          Column("ratio", .real, nullable: true),
          Column("count", .integer, default: .int(0)),
        ],
        uniques: [UniqueConstraint("items_code_key", ["code"])],
        foreignKeys: [ForeignKey("items_owner_id_fkey", "owner_id", references: "owners")],
        checks: [CheckConstraint("items_count_check", "count >= 0") { ($0["count"].int ?? 0) >= 0 }],
        indexes: [Index("items_owner_id_idx", ["owner_id"])]
      ),
    ])

  /// A store with owner 1 committed.
  static func store() throws -> Store {
    let store = Store(schema: schema)
    try store.seed("owners", ["name": .text("first")])
    return store
  }
}
