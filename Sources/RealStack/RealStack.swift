import Foundation

/// The real stack the Python under review runs on: the project's Python environment (created and kept current
/// under `.build/`) and a PostgreSQL server (a throwaway cluster, removed at exit, unless `STOCKFLOW_DATABASE_URL`
/// names one).
///
/// ```swift
/// let stack = try RealStack.start(packageRoot: root)
/// let original = try PythonDeployment(name: "original", path: "apps/original", on: stack)
/// let observation = Catalog.all[0].probe.run(against: original)
/// ```
public final class RealStack: Sendable {
  public let environment: PythonEnvironment
  public let cluster: PostgresCluster

  init(environment: PythonEnvironment, cluster: PostgresCluster) {
    self.environment = environment
    self.cluster = cluster
  }

  /// Prepares the Python environment, then starts (or connects to) PostgreSQL.
  ///
  /// Throws ``RealStackError`` naming what is missing (python3, PostgreSQL's programs) and how to install it.
  public static func start(
    packageRoot: URL, options: PostgresCluster.Options = PostgresCluster.Options()
  ) throws -> RealStack {
    let environment = PythonEnvironment(packageRoot: packageRoot)
    try environment.prepare()
    return RealStack(environment: environment, cluster: try PostgresCluster.start(options: options))
  }

  /// Stops the cluster and removes it (a no-op for an external server's databases beyond dropping them).
  public func stop() {
    cluster.stop()
  }
}

extension RealStack {
  /// Runs the adapter's own tests (`python/tests`) on a fresh database; throws when any fails.
  public func testAdapter() throws {
    let database = try cluster.createDatabase()
    let python = environment.adapterDirectory.path
    try Subprocess.run(
      environment.python.path, ["-m", "unittest", "discover", "-s", python + "/tests"],
      environment: ProcessInfo.processInfo.environment.merging(
        ["STOCKFLOW_DATABASE_URL": database, "PYTHONPATH": python]
      ) { $1 },
      passThrough: true)
  }
}
