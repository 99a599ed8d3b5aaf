import CommandLineTable
import Conformance
import Findings
import Foundation
import RealStack
import Report
import Submissions
import Synchronization

/// `review conform`: the real-stack check. Runs the Python under review on real Flask and PostgreSQL and holds
/// each Swift port to it, probe by probe and request by request.
enum ConformCommand {
  /// Each port with the Python app it ports, relative to `python/`.
  static let counterparts = [("original", "apps/original"), ("candidate", "apps/candidate"), ("fixed", "apps/fixed")]

  static let command = Command(
    "conform", abstract: "hold the Swift ports to the Python on a real PostgreSQL",
    discussion: """
      Sets up the real stack (a virtual environment under .build/ with python/requirements.txt, a throwaway
      PostgreSQL cluster removed at exit, or the server STOCKFLOW_DATABASE_URL names) and runs the adapter's own
      tests. Then it applies the fixed schema's generated DDL to a fresh database and violates each constraint
      there, expecting PostgreSQL to refuse each row by the name the store refuses it by; runs the migration
      (case-study/migration/original-to-fixed.sql) on a database in the original's schema and checks what it
      leaves; and for each port runs every probe, the fault sweep, 1,000 concurrent creates over 100 SKUs (8
      clients, each on its own connection) and the seeded adversarial corpus (each request starting from the
      fixture) on the port and on the Python it ports, comparing statuses, response kinds, uncaught error classes
      and stored rows. Exits 1 on any difference not in python/allowed-differences.json, 2 when python3 or
      PostgreSQL is missing.
      """,
    options: [
      .repeatable(
        "--to", "NAME", help: "a port to check: " + counterparts.map(\.0).joined(separator: ", "),
        whenAbsent: "every port"),
      .value("--corpus", "N", help: "how many corpus requests to send", default: "10000"),
      .flag("--skip-adapter-tests", help: "do not run the adapter's own tests first"),
      .flag("--schema-only", help: "only check the fixed schema and the migration on PostgreSQL, no port"),
      SharedOptions.documentFormat,
    ])

  @Sendable static func run(_ parsed: ParsedArguments, _ environment: CommandEnvironment) throws -> CommandResult {
    let started = ContinuousClock.now
    let names = parsed.values("--to").isEmpty ? counterparts.map(\.0) : parsed.values("--to")
    for name in names where !counterparts.contains(where: { $0.0 == name }) {
      throw UsageError(
        "no Python counterpart for \(name); valid ports: " + counterparts.map(\.0).joined(separator: ", "))
    }
    guard let size = Int(parsed.value("--corpus")!), size >= 0 else {
      throw UsageError("--corpus takes a number of requests")
    }
    let root = try PackageRoot.locate(from: environment.currentDirectory)
    let stack: RealStack
    do {
      stack = try RealStack.start(packageRoot: root)
    } catch let error as RealStackError {
      return CommandResult(exitCode: error.exitStatus, errors: "error: \(error)\n")
    }
    defer { stack.stop() }
    if !parsed.flag("--skip-adapter-tests") && !parsed.flag("--schema-only") {
      environment.progress("running the adapter's own tests (python/tests)")
      try stack.testAdapter()
    }
    environment.progress("checking the fixed schema's constraints on PostgreSQL")
    let schemaOutcomes = try SchemaConformance.run(Registry.fixed.schema, on: stack.cluster)
    environment.progress("migrating a database in the original's schema to the fixed one")
    let migrationOutcomes = try MigrationConformance.run(
      original: Registry.original.schema, fixed: Registry.fixed.schema,
      script: root.appendingPathComponent(MigrationConformance.scriptPath), on: stack.cluster)
    let schemaSection =
      SchemaConformance.markdown(schemaOutcomes, schema: Registry.fixed.name) + "\n"
      + MigrationConformance.markdown(migrationOutcomes)
    let schemaDisagreements =
      schemaOutcomes.filter { !$0.agrees }.count + migrationOutcomes.filter { !$0.agrees }.count
    if parsed.flag("--schema-only") {
      return CommandResult(exitCode: schemaDisagreements == 0 ? 0 : 1, output: schemaSection)
    }
    let allowList = try AllowList.load(root.appendingPathComponent("python/allowed-differences.json"))
    let corpus = AdversarialCorpus(count: size)
    // Each port runs on its own thread, adapter and database, all at once (not limited to one per core): much of
    // the time goes to waiting on PostgreSQL and the adapters.
    let selected = counterparts.filter { names.contains($0.0) }
    let results = Mutex([Result<ConformanceRun, any Error>?](repeating: nil, count: selected.count))
    let ports = DispatchGroup()
    for index in selected.indices {
      ports.enter()
      Thread.detachNewThread {
        defer { ports.leave() }
        let (name, path) = selected[index]
        let result = Result { () throws -> ConformanceRun in
          // This repository's own apps: their SELECTs only read, so an untouched fixture may be reused.
          let real = try PythonDeployment(name: name, path: path, on: stack, reusingUntouchedDatabase: true)
          defer { real.close() }
          return try ConformanceRun.perform(
            port: Registry.implementation(named: name)!, real: real, findings: Catalog.all, corpus: corpus,
            allowList: allowList, progress: environment.progress)
        }
        results.withLock { $0[index] = result }
      }
    }
    ports.wait()
    let runs = try results.withLock { $0 }.map { try $0!.get() }
    let seconds = (ContinuousClock.now - started).seconds
    let unexplained = runs.map(\.unexplained).reduce(0, +) + schemaDisagreements
    return CommandResult(
      exitCode: unexplained == 0 ? 0 : 1,
      output: parsed.value("--format") == "json"
        ? ConformanceReport.json(runs, seconds: seconds)
        : ConformanceReport.markdown(runs, seconds: seconds) + "\n" + schemaSection,
      errors: schemaDisagreements == 0 || parsed.value("--format") != "json"
        ? "" : "error: \(schemaDisagreements) schema constraint(s) or migration check(s) failed on PostgreSQL\n")
  }
}

extension Duration {
  /// The duration in seconds, as a `Double`.
  var seconds: Double {
    Double(components.seconds) + Double(components.attoseconds) / 1e18
  }
}
