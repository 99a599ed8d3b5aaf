import Foundation

/// Keeps each submission to its own database on a throwaway cluster this process started as root.
///
/// The cluster is made to accept its superuser `postgres` only from the harness's own system users (`peer`
/// authentication mapped from `root` and `postgres`) and every other role only with its password; each submission
/// then gets a database owned by a role of its own, which is the only role allowed to connect to it. A submission
/// running as `stockflow-sub` can neither claim `postgres` nor reach another submission's database.
public enum DatabaseIsolation {
  /// Whether isolation can be applied: this process is root and started the cluster itself.
  public static func isAvailable(on cluster: PostgresCluster) -> Bool {
    Subprocess.isRoot && cluster.directory != nil
  }

  /// Rewrites the cluster's `pg_hba.conf` and `pg_ident.conf` as described above and reloads it; the cluster's
  /// folder becomes traversable (not listable) so that the submission's user can reach the socket.
  public static func enable(on cluster: PostgresCluster) throws {
    guard isAvailable(on: cluster), let directory = cluster.directory else { return }
    let data = directory.appendingPathComponent("data")
    try "stockflow_harness root postgres\nstockflow_harness postgres postgres\n".write(
      to: data.appendingPathComponent("pg_ident.conf"), atomically: false, encoding: .utf8)
    try "local all postgres peer map=stockflow_harness\nlocal all all scram-sha-256\n".write(
      to: data.appendingPathComponent("pg_hba.conf"), atomically: false, encoding: .utf8)
    chmod(directory.path, 0o711)
    try run(cluster, "SELECT pg_reload_conf()")
    try run(cluster, "REVOKE CONNECT ON DATABASE postgres FROM PUBLIC")
  }

  /// A new database for `submission`, owned by and open only to a new role with a random password; its URL.
  public static func database(for submission: String, on cluster: PostgresCluster) throws -> String {
    let url = try cluster.createDatabase()
    guard isAvailable(on: cluster) else { return url }
    let database = String(url.split(separator: "?")[0].split(separator: "/").last!)
    let role = "sub_" + database
    let password = UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    for sql in [
      "CREATE ROLE \(role) LOGIN PASSWORD '\(password)'", "ALTER DATABASE \(database) OWNER TO \(role)",
      "REVOKE CONNECT ON DATABASE \(database) FROM PUBLIC", "GRANT CONNECT ON DATABASE \(database) TO \(role)",
    ] {
      try run(cluster, sql)
    }
    return url.replacingOccurrences(of: "postgresql://postgres@", with: "postgresql://\(role):\(password)@")
  }

  private static func run(_ cluster: PostgresCluster, _ sql: String) throws {
    try Subprocess.run(
      try PostgresCluster.tool("psql"), ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", cluster.maintenanceURL, "-c", sql])
  }
}
