import Fixed
import Foundation
import RealStack
import Testing

/// The migration script embeds the fixed schema's DDL verbatim, so it cannot drift from the declaration; it runs
/// on PostgreSQL in `review conform`, not here.
@Suite("The migration from the original's schema")
struct MigrationScriptTests {
  @Test func embedsTheFixedSchemasCurrentDDL() throws {
    let script = try String(
      contentsOf: packageRoot.appendingPathComponent(MigrationConformance.scriptPath), encoding: .utf8)
    let (begin, end) = MigrationConformance.generatedMarkers
    let embedded = script.components(separatedBy: begin + "\n").dropFirst().first?.components(separatedBy: end)
      .first
    let ddl = Fixed.schema.postgresDDL.components(separatedBy: "\n").filter {
      !$0.hasPrefix("-- The fixed schema, generated") && $0 != "BEGIN;" && $0 != "COMMIT;"
    }.joined(separator: "\n")
    #expect(
      embedded?.trimmingCharacters(in: .newlines) == ddl.trimmingCharacters(in: .newlines),
      "\(MigrationConformance.scriptPath): replace the lines between its markers with `review schema --sql`'s body")
  }

  @Test func runsInOneTransaction() throws {
    let script = try String(
      contentsOf: packageRoot.appendingPathComponent(MigrationConformance.scriptPath), encoding: .utf8)
    let lines = script.components(separatedBy: "\n")
    #expect(lines.filter { $0 == "BEGIN;" }.count == 1)
    #expect(lines.filter { $0 == "COMMIT;" }.count == 1)
  }
}
