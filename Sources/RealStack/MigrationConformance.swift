import Foundation
import Store

/// The migration from the original's schema to the fixed one (`case-study/migration/original-to-fixed.sql`) on a
/// real PostgreSQL: the original's DDL and rows exercising each case the migration handles, the migration, then
/// checks of what it left: the same constraints, indexes and triggers as the fixed schema's own DDL, every row
/// kept, and reports naming exactly the duplicate SKUs, changed prices and ownerless products.
public enum MigrationConformance {
  /// The migration script, relative to the package root.
  public static let scriptPath = "case-study/migration/original-to-fixed.sql"
  /// The markers around the fixed schema's DDL in the script.
  public static let generatedMarkers = (
    "-- BEGIN generated: review schema --sql", "-- END generated: review schema --sql"
  )

  /// One check of the migrated database.
  public struct Outcome: Sendable {
    /// What is checked.
    public let check: String
    /// The rows expected, one per line, columns separated by `|`.
    public let expected: String
    /// The rows PostgreSQL returned.
    public let actual: String

    /// The migrated database holds what was expected.
    public var agrees: Bool { expected == actual }
  }

  /// The original's rows: two companies, three warehouses; products W-1 twice (companies 1 and 2), B1 and b1,
  /// prices 19.999 and 0.1 + 0.2 that change at cents, a product stocked away from its warehouse, one with a
  /// warehouse and no stock row, one with stock and no warehouse, one with neither; two stock rows for one
  /// product and warehouse; a logged restock and a legacy correction.
  static let legacyRows = """
    INSERT INTO companies (id, name) VALUES (1, 'Acme Tools'), (2, 'Globex Supply');
    INSERT INTO warehouses (id, company_id, name) VALUES (1, 1, 'Acme Main'), (2, 1, 'Acme Overflow'),
      (3, 2, 'Globex Central');
    INSERT INTO products (id, name, sku, price, warehouse_id, low_stock_threshold) VALUES
      (1, 'Widget', 'W-1', 19.99, 1, 5),
      (2, 'Bolt', 'B1', 19.999, 1, NULL),
      (3, 'Small bolt', 'b1', 0.1::float8 + 0.2::float8, 2, NULL),
      (4, 'Gadget', 'G-9', 5, NULL, NULL),
      (5, 'Gizmo', 'W-1', 2.5, 3, NULL),
      (6, 'Orphan', 'O-1', 1.25, NULL, NULL),
      (7, 'Sprocket', 'S-7', 12.5, 1, 2);
    INSERT INTO inventory (id, product_id, warehouse_id, quantity) VALUES
      (1, 1, 1, 10), (2, 1, 1, 5), (3, 3, 2, 4), (4, 4, 3, 7), (5, 7, 2, 3), (6, 5, 3, 0);
    INSERT INTO inventory_changes (id, inventory_id, change, quantity_after, reason, user_id, created_at) VALUES
      (1, 1, 10, 10, 'restock', 7, '2025-03-01T09:00:00Z'),
      (2, 2, 5, 5, 'correction', NULL, '2025-03-02T09:00:00Z');
    """

  /// The checks: a query and the rows it must return.
  static let checks: [(check: String, query: String, expected: [String])] = [
    (
      "duplicate SKUs listed, the lowest id keeping each",
      "SELECT product_id, original_sku, migrated_sku, kept_product_id FROM migration.duplicate_skus ORDER BY product_id",
      ["1|W-1|W-1|1", "2|B1|B1|2", "3|b1|b1~dup3|2", "5|W-1|W-1~dup5|1"]
    ),
    (
      "changed prices listed",
      "SELECT product_id, original_price, migrated_price FROM migration.changed_prices ORDER BY product_id",
      ["2|19.999|20.00", "3|0.30000000000000004|0.30"]
    ),
    (
      "ownerless products listed, kept in legacy",
      "SELECT u.product_id, l.sku FROM migration.unplaced_products u JOIN legacy.products l ON l.id = u.product_id",
      ["6|O-1"]
    ),
    (
      "products: ids, SKUs, exact prices, owners",
      "SELECT id, sku, price, company_id, coalesce(low_stock_threshold::text, '-') FROM products ORDER BY id",
      [
        "1|W-1|19.99|1|5", "2|B1|20.00|1|-", "3|b1~dup3|0.30|1|-", "4|G-9|5.00|2|-", "5|W-1~dup5|2.50|2|-",
        "7|S-7|12.50|1|2",
      ]
    ),
    (
      "stock: one row per product and warehouse, each product's warehouse stocked",
      "SELECT product_id, warehouse_id, quantity, reserved FROM inventory ORDER BY product_id, warehouse_id",
      ["1|1|15|0", "2|1|0|0", "3|2|4|0", "4|3|7|0", "5|3|0|0", "7|1|0|0", "7|2|3|0"]
    ),
    (
      "the change log kept, and explaining every level",
      """
      SELECT i.product_id, i.warehouse_id, string_agg(ch.reason || ' ' || ch.change, ', ' ORDER BY ch.id),
        sum(ch.change) = i.quantity
      FROM inventory i JOIN inventory_changes ch ON ch.inventory_id = i.id
      GROUP BY i.id ORDER BY i.product_id, i.warehouse_id
      """,
      [
        "1|1|restock 10, legacy correction 5, migration 0|t", "2|1|migration 0|t", "3|2|migration 4|t",
        "4|3|migration 7|t", "5|3|migration 0|t", "7|1|migration 0|t", "7|2|migration 3|t",
      ]
    ),
    (
      "every legacy row still readable",
      """
      SELECT (SELECT count(*) FROM legacy.companies), (SELECT count(*) FROM legacy.warehouses),
        (SELECT count(*) FROM legacy.products), (SELECT count(*) FROM legacy.inventory),
        (SELECT count(*) FROM legacy.inventory_changes)
      """,
      ["2|3|7|6|2"]
    ),
    (
      "new ids follow the copied ones",
      "INSERT INTO products (name, sku, price, company_id, created_at, updated_at) "
        + "VALUES ('New', 'N-1', 1, 1, now(), now()) RETURNING id",
      ["8"]
    ),
  ]

  /// The fixed schema's constraints, indexes and triggers as PostgreSQL's catalog states them.
  static let catalogQuery = """
    SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ': ' || pg_get_constraintdef(oid)
    FROM pg_constraint WHERE connamespace = 'public'::regnamespace
    UNION ALL
    SELECT 'index ' || indexname || ': ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
    UNION ALL
    SELECT 'trigger ' || tgname || ': ' || pg_get_triggerdef(t.oid) FROM pg_trigger t
    JOIN pg_class c ON c.oid = t.tgrelid WHERE c.relnamespace = 'public'::regnamespace AND NOT t.tgisinternal
    UNION ALL
    SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' '
      || coalesce(column_default, '') || coalesce(generation_expression, '')
    FROM information_schema.columns WHERE table_schema = 'public'
    ORDER BY 1
    """

  /// Builds the original's schema (`original`'s DDL) with ``legacyRows`` on a fresh database, runs the script at
  /// `script`, and checks the result against `fixed`'s DDL applied to another fresh database and ``checks``.
  /// Throws when a step's SQL fails (the migration's failure included, with psql's output).
  public static func run(original: Schema, fixed: Schema, script: URL, on cluster: PostgresCluster) throws
    -> [Outcome]
  {
    let migrated = try cluster.createDatabase()
    try SchemaConformance.apply(original.postgresDDL, on: migrated, cluster, what: "the original schema's DDL")
    try SchemaConformance.apply(legacyRows, on: migrated, cluster, what: "the original's rows")
    try SchemaConformance.apply(
      try String(contentsOf: script, encoding: .utf8), on: migrated, cluster, what: "the migration")
    let fresh = try cluster.createDatabase()
    try SchemaConformance.apply(fixed.postgresDDL, on: fresh, cluster, what: "the fixed schema's DDL")
    var outcomes = [
      Outcome(
        check: "the fixed schema's columns, constraints, indexes and triggers, as its own DDL creates them",
        expected: try rows(catalogQuery, on: fresh, cluster), actual: try rows(catalogQuery, on: migrated, cluster))
    ]
    for (check, query, expected) in checks {
      outcomes.append(
        Outcome(
          check: check, expected: expected.joined(separator: "\n"), actual: try rows(query, on: migrated, cluster)))
    }
    return outcomes
  }

  /// The rows `query` returns on `url`, unaligned (`-At`), one per line.
  static func rows(_ query: String, on url: String, _ cluster: PostgresCluster) throws -> String {
    let (status, output) = try cluster.psql("\\pset format unaligned\n\\pset tuples_only on\n" + query + ";", on: url)
    guard status == 0 else {
      throw RealStackError.commandFailed(command: "psql (\(query.prefix(60))...)", status: status, output: output)
    }
    return output.trimmingCharacters(in: .newlines)
  }

  /// The outcomes as a markdown section: one line per check, then the count that hold.
  public static func markdown(_ outcomes: [Outcome]) -> String {
    var lines = [
      "## The migration from the original on PostgreSQL", "",
      "`\(scriptPath)` run on the original's schema holding rows that exercise each case it handles.", "",
      "| check | holds |", "|---|---|",
    ]
    for outcome in outcomes {
      lines.append("| \(outcome.check) | \(outcome.agrees ? "yes" : "**no**") |")
    }
    for outcome in outcomes where !outcome.agrees {
      lines += [
        "", "`\(outcome.check)`: expected", "", "```text", outcome.expected, "```", "", "got", "", "```text",
        outcome.actual, "```",
      ]
    }
    lines += ["", "\(outcomes.filter(\.agrees).count) of \(outcomes.count) checks hold.", ""]
    return lines.joined(separator: "\n")
  }
}
