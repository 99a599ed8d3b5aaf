import Findings
import Foundation
import Store

/// The schema on a real PostgreSQL: its generated DDL applied to a fresh database, then each constraint the store
/// checks (`SchemaChecks`) violated there with the same rows, and the constraint PostgreSQL names in its error
/// compared with the store's.
public enum SchemaConformance {
  /// What one constraint's violation did in the store and on PostgreSQL.
  public struct Outcome: Sendable {
    public let table: String
    public let constraint: String
    /// The constraint the store named refusing the row (`nil`: it accepted it).
    public let store: String?
    /// The constraint PostgreSQL named refusing the row (`nil`: it accepted it, or named none).
    public let postgres: String?
    /// PostgreSQL's error line, or `accepted`.
    public let postgresError: String

    /// Both refused the row, naming this constraint.
    public var agrees: Bool { store == constraint && postgres == constraint }
  }

  /// Applies `schema`'s DDL to a fresh database of `cluster`, seeds `SchemaChecks.seedRows`, and violates each
  /// constraint in a transaction rolled back afterwards. Throws when the DDL or the seed rows are refused.
  public static func run(_ schema: Schema, on cluster: PostgresCluster) throws -> [Outcome] {
    let url = try cluster.createDatabase()
    try apply(schema.postgresDDL, on: url, cluster, what: "the \(schema.name) schema's DDL")
    let seeds = SchemaChecks.seedRows.filter { schema.table($0.table) != nil }
    try apply(
      seeds.map { Value.insertStatement($0.table, $0.values) }.joined(separator: "\n"), on: url, cluster,
      what: "the schema checks' seed rows")
    let store = Dictionary(
      SchemaChecks.run(on: schema).map { ($0.constraint, $0) }, uniquingKeysWith: { first, _ in first })
    return try SchemaChecks.constraints(of: schema).map { table, name, _ in
      let inserts = SchemaChecks.violatingInserts(name, in: table, schema) ?? []
      let script =
        (["\\set VERBOSITY verbose", "BEGIN;"] + inserts.map { Value.insertStatement($0.table, $0.values) }
        + ["ROLLBACK;"]).joined(separator: "\n")
      let (status, output) = try cluster.psql(script, on: url)
      let storeCheck = store[name]
      return Outcome(
        table: table, constraint: name,
        store: storeCheck?.refusedByName == true ? name : nil,
        postgres: status == 0 ? nil : field("CONSTRAINT NAME:", in: output),
        postgresError: status == 0 ? "accepted" : (firstLine(startingWith: "ERROR:", in: output) ?? output))
    }
  }

  /// Runs `script` on `url`, throwing psql's output when it fails.
  static func apply(_ script: String, on url: String, _ cluster: PostgresCluster, what: String) throws {
    let (status, output) = try cluster.psql(script, on: url)
    guard status == 0 else {
      throw RealStackError.commandFailed(command: "psql (\(what))", status: status, output: output)
    }
  }

  /// The value of a verbose error field, e.g. `CONSTRAINT NAME:  products_price_check`.
  static func field(_ name: String, in output: String) -> String? {
    firstLine(startingWith: name, in: output).map {
      String($0.dropFirst(name.count)).trimmingCharacters(in: .whitespaces)
    }
  }

  private static func firstLine(startingWith prefix: String, in output: String) -> String? {
    output.split(separator: "\n").map(String.init).first { $0.hasPrefix(prefix) }
  }
}
