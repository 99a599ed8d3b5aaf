import CommandLineTable
import Report
import Store
import Submissions

/// `review schema`: an implementation's schema, as the constraints the store enforces or as PostgreSQL DDL.
enum SchemaCommand {
  static let command = Command(
    "schema", abstract: "print a schema's constraints, or its PostgreSQL DDL",
    discussion: """
      Prints each constraint of the schema (table, name, rule), or with --sql the schema as PostgreSQL DDL generated
      from the same declaration: tables, column types, NOT NULL, defaults, unique and partial unique indexes,
      foreign keys with their ON DELETE rules, checks, indexes, and each row rule as a constraint trigger. The DDL
      runs in one transaction on an empty database: `review schema --sql | psql -v ON_ERROR_STOP=1 URL`.
      """,
    options: [
      .value(
        "--of", "NAME", help: "the implementation whose schema to print", allowed: Registry.all.map(\.name),
        default: Registry.fixed.name),
      .flag("--sql", help: "print PostgreSQL DDL"),
    ])

  @Sendable static func run(_ parsed: ParsedArguments, _ environment: CommandEnvironment) throws -> CommandResult {
    let schema = Registry.implementation(named: parsed.value("--of")!)!.schema
    if parsed.flag("--sql") { return CommandResult(output: schema.postgresDDL) }
    return CommandResult(output: CommandText.constraintsTable(schema))
  }
}
