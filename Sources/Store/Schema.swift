/// The declared shape of a database: its tables and every constraint the store enforces on them.
///
/// Each implementation runs on the schema its code implies, so the original's missing unique index is a real
/// absence in the store, not a comment.
public struct Schema: Sendable {
  /// A name for evidence, e.g. `original` or `fixed`.
  public let name: String
  /// The tables, in dependency order (a table appears after the tables it references).
  public let tables: [TableSchema]

  public init(name: String, tables: [TableSchema]) {
    self.name = name
    self.tables = tables
  }

  /// The table named `name`, if declared.
  public func table(_ name: String) -> TableSchema? {
    tables.first { $0.name == name }
  }
}

/// One table: an integer primary key `id` assigned at flush, columns, and constraints.
public struct TableSchema: Sendable {
  public let name: String
  public let columns: [Column]
  public let uniques: [UniqueConstraint]
  public let foreignKeys: [ForeignKey]
  public let checks: [CheckConstraint]
  public let rules: [RowRule]
  /// Secondary indexes for lookups; unique constraints are indexed too.
  public let indexes: [Index]

  public init(
    _ name: String,
    columns: [Column],
    uniques: [UniqueConstraint] = [],
    foreignKeys: [ForeignKey] = [],
    checks: [CheckConstraint] = [],
    rules: [RowRule] = [],
    indexes: [Index] = []
  ) {
    self.name = name
    self.columns = columns
    self.uniques = uniques
    self.foreignKeys = foreignKeys
    self.checks = checks
    self.rules = rules
    self.indexes = indexes
  }

  /// The column named `name`, if declared.
  public func column(_ name: String) -> Column? {
    columns.first { $0.name == name }
  }

  /// Every set of columns that can answer an equality lookup without a scan.
  var indexedColumnSets: [[String]] {
    uniques.map(\.columns) + indexes.map(\.columns)
  }
}

/// A column with its storage type and nullability.
public struct Column: Sendable {
  public let name: String
  public let type: ColumnType
  public let nullable: Bool
  /// Used when an insert leaves the column out.
  public let defaultValue: Value
  /// For a generated column, how the database computes it from the row's other columns.
  public let generation: Generation?

  public init(_ name: String, _ type: ColumnType, nullable: Bool = false, default defaultValue: Value = .null) {
    self.name = name
    self.type = type
    self.nullable = nullable
    self.defaultValue = defaultValue
    generation = nil
  }

  /// A stored generated column (`GENERATED ALWAYS AS (expression) STORED`): the database computes it on every
  /// insert and update, whatever a statement sends, so a constraint on it holds for every writer.
  public init(
    _ name: String, _ type: ColumnType, generatedAs expression: String,
    _ compute: @escaping @Sendable ([String: Value]) -> Value
  ) {
    self.name = name
    self.type = type
    nullable = true
    defaultValue = .null
    generation = Generation(expression: expression, compute: compute)
  }

  /// The expression of a generated column and its evaluation over the row's stored values.
  public struct Generation: Sendable {
    /// The SQL expression as a reviewer reads it, e.g. `lower(sku)`.
    public let expression: String
    let compute: @Sendable ([String: Value]) -> Value
  }
}

/// A storage type, coerced the way PostgreSQL coerces what a driver sends.
public enum ColumnType: Sendable, Hashable, CustomStringConvertible {
  case integer
  /// `double precision`: a binary float.
  case real
  /// `numeric(precision, scale)`: an exact decimal, rounded to `scale` digits on store.
  case decimal(precision: Int, scale: Int)
  /// `varchar(maxLength)`, or `text` when there is no limit.
  case text(maxLength: Int?)
  case bool
  case timestamp

  public var description: String {
    switch self {
    case .integer: "integer"
    case .real: "double precision"
    case .decimal(let precision, let scale): "numeric(\(precision),\(scale))"
    case .text(let maxLength?): "varchar(\(maxLength))"
    case .text(nil): "text"
    case .bool: "boolean"
    case .timestamp: "timestamp"
    }
  }
}

/// No two committed rows may share these columns' values (rows with a `NULL` among them are exempt, as in SQL).
///
/// With a `where` predicate it is a partial unique index: only rows satisfying it take part, e.g. "one primary
/// supplier per product and company".
public struct UniqueConstraint: Sendable {
  public let name: String
  public let columns: [String]
  /// The partial index's condition as a reviewer reads it, e.g. `is_primary`; `nil` for a plain constraint.
  public let condition: String?
  let appliesTo: @Sendable (Row) -> Bool

  public init(_ name: String, _ columns: [String]) {
    self.name = name
    self.columns = columns
    condition = nil
    appliesTo = { _ in true }
  }

  public init(
    _ name: String, _ columns: [String], where condition: String, _ appliesTo: @escaping @Sendable (Row) -> Bool
  ) {
    self.name = name
    self.columns = columns
    self.condition = condition
    self.appliesTo = appliesTo
  }
}

/// A rule over a row and the rows around it, checked at flush and again at commit: what a trigger would enforce.
///
/// `isSatisfied` gets the new row and a lookup of the rows the transaction sees, e.g. to refuse a bundle that would
/// contain itself through other bundles.
public struct RowRule: Sendable {
  public let name: String
  /// The rule as a reviewer reads it.
  public let rule: String
  /// The same rule for PostgreSQL, as a constraint trigger (see ``Schema/postgresDDL``); `nil` when it has none.
  public let trigger: Trigger?
  public let isSatisfied: @Sendable (Row, RowLookup) -> Bool

  public init(
    _ name: String, _ rule: String, trigger: Trigger? = nil,
    _ isSatisfied: @escaping @Sendable (Row, RowLookup) -> Bool
  ) {
    self.name = name
    self.rule = rule
    self.trigger = trigger
    self.isSatisfied = isSatisfied
  }

  /// A row rule as PostgreSQL enforces it: a constraint trigger after each insert or update of the row that raises
  /// `check_violation` (SQLSTATE 23514) naming the rule as its constraint, as a check constraint would.
  public struct Trigger: Sendable, Hashable {
    /// A boolean SQL expression over `NEW` (the written row) that is true when the row breaks the rule; `NULL`
    /// counts as kept, so a reference to a missing row is left to its foreign key.
    public let violatedWhen: String
    /// A SQL text expression over `NEW` for the error message.
    public let message: String
    /// Statements run before the test, e.g. taking a lock that serialises concurrent writers.
    public let preamble: String?

    public init(violatedWhen: String, message: String, preamble: String? = nil) {
      self.violatedWhen = violatedWhen
      self.message = message
      self.preamble = preamble
    }
  }
}

/// The rows a transaction sees, for row rules.
public struct RowLookup {
  let rows: (String, [String: Value]) -> [Row]

  /// The rows of `table` whose columns equal `equalities`, ordered by id.
  public func rows(_ table: String, where equalities: [String: Value]) -> [Row] {
    rows(table, equalities)
  }
}

/// A column whose non-null value must be the `id` of an existing row of another table.
public struct ForeignKey: Sendable {
  public let name: String
  public let column: String
  public let referencedTable: String
  /// What deleting the referenced row does to the rows holding this reference.
  public let onDelete: OnDelete

  public init(_ name: String, _ column: String, references referencedTable: String, onDelete: OnDelete = .noAction) {
    self.name = name
    self.column = column
    self.referencedTable = referencedTable
    self.onDelete = onDelete
  }

  /// What deleting a referenced row does to the rows that reference it, as PostgreSQL's `ON DELETE` says it.
  public enum OnDelete: String, Sendable, Hashable, CaseIterable {
    /// The delete fails while a row references it (checked at the end of the statement): PostgreSQL's default,
    /// left implicit.
    case noAction = "NO ACTION"
    /// The delete fails while a row references it, checked at once: the rule chosen on purpose.
    case restrict = "RESTRICT"
    /// The referencing rows are deleted too.
    case cascade = "CASCADE"
    /// The reference becomes `NULL` (the column must be nullable).
    case setNull = "SET NULL"
  }
}

/// A row-level predicate that every stored row must satisfy.
public struct CheckConstraint: Sendable {
  public let name: String
  /// The rule as a reviewer reads it, e.g. `quantity >= 0`.
  public let rule: String
  public let isSatisfied: @Sendable (Row) -> Bool

  public init(_ name: String, _ rule: String, _ isSatisfied: @escaping @Sendable (Row) -> Bool) {
    self.name = name
    self.rule = rule
    self.isSatisfied = isSatisfied
  }
}

/// A non-unique lookup index over one or more columns.
public struct Index: Sendable {
  public let name: String
  public let columns: [String]

  public init(_ name: String, _ columns: [String]) {
    self.name = name
    self.columns = columns
  }
}
