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
    // Who was refused what: every line of the server's log names the role and the database asked for.
    try cluster.setServerSetting("log_line_prefix", to: logLinePrefix)
    for database in ["postgres", "template1"] {
      try cluster.runSQL("REVOKE CONNECT ON DATABASE \(database) FROM PUBLIC")
    }
  }

  /// What each line of the server's log starts with once isolation is enabled.
  static let logLinePrefix = "%m [%p] user=%u db=%d "

  /// Where the server's log ends now: pass it to ``refusals(on:since:)`` once the submission has run.
  public static func logPosition(on cluster: PostgresCluster) -> UInt64 {
    guard isAvailable(on: cluster), let log = serverLog(of: cluster),
      let size = (try? FileManager.default.attributesOfItem(atPath: log.path))?[.size] as? NSNumber
    else { return 0 }
    return size.uint64Value
  }

  /// The connections the server refused since `position`, one sentence each (``refusal(fromLogLine:)``).
  ///
  /// Submissions are graded one after another, so what the server refused while one ran was refused to it. This is
  /// the server's own account, read by the harness from a log the submission's user cannot reach: a submission
  /// cannot hide a refused attempt the way it could silence a hook in its own process.
  public static func refusals(on cluster: PostgresCluster, since position: UInt64) -> [String] {
    guard isAvailable(on: cluster), let log = serverLog(of: cluster),
      let handle = try? FileHandle(forReadingFrom: log)
    else { return [] }
    defer { try? handle.close() }
    guard (try? handle.seek(toOffset: position)) != nil, let data = try? handle.readToEnd() else { return [] }
    var found: [String] = []
    for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
      if let sentence = refusal(fromLogLine: String(line)), !found.contains(sentence) { found.append(sentence) }
    }
    return found
  }

  /// The sentence for one line of the server's log when it is a refused connection, e.g. `was refused a connection
  /// to database stockflow_1_2 as role sub_stockflow_1_6: permission denied for database "stockflow_1_2"`.
  static func refusal(fromLogLine line: String) -> String? {
    guard let user = line.range(of: " user="), let fatal = line.range(of: " FATAL:  ") else { return nil }
    let message = String(line[fatal.upperBound...])
    guard !message.hasPrefix("terminating connection") else { return nil }
    let fields = line[user.upperBound..<fatal.lowerBound].split(separator: " ", omittingEmptySubsequences: false)
    guard fields.count >= 2, fields[1].hasPrefix("db=") else { return nil }
    let role = fields[0].isEmpty ? "?" : String(fields[0])
    let database = fields[1].dropFirst(3).isEmpty ? "?" : String(fields[1].dropFirst(3))
    return "was refused a connection to database \(database) as role \(role): \(message)"
  }

  private static func serverLog(of cluster: PostgresCluster) -> URL? {
    cluster.directory?.appendingPathComponent("server.log")
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
      try cluster.runSQL(sql)
    }
    return url.replacingOccurrences(of: "postgresql://postgres@", with: "postgresql://\(role):\(password)@")
  }
}
