import Foundation
import Synchronization

/// A throwaway PostgreSQL server for one run, or the server named by `STOCKFLOW_DATABASE_URL`.
///
/// The real-stack checks need a real PostgreSQL (real locks, real constraint errors, real `numeric`), but must not
/// touch anyone's data or need any configuration. So by default the cluster lives in a fresh temporary folder
/// (`initdb` with trust authentication for the `postgres` user), listens only on a unix socket in that folder (no TCP
/// port to collide with), runs without durability for speed unless asked, and is stopped and deleted by ``stop()``,
/// by `deinit`, or at process exit, Ctrl-C included. PostgreSQL refuses to run as root, so when this process is
/// root the server's commands run as the `postgres` user and the folder is handed to it.
///
/// With `STOCKFLOW_DATABASE_URL` set, that server is used instead and nothing is started; databases are still
/// created per use (and dropped by ``stop()``).
public final class PostgresCluster: Sendable {
  /// How the server runs.
  public struct Options: Hashable, Sendable {
    /// Keep `fsync`, `synchronous_commit` and `full_page_writes` on, for benchmarks that should pay for durability.
    public var durable: Bool

    public init(durable: Bool = false) {
      self.durable = durable
    }
  }

  /// The environment variable naming an existing server to use instead of starting one.
  public static let externalServerVariable = "STOCKFLOW_DATABASE_URL"

  /// The cluster's folder (data, socket, log) when this process started the server; `nil` for an external server.
  public let directory: URL?
  /// A URL of the server's `postgres` database (or the external URL), used to create and drop databases.
  public let maintenanceURL: String
  private let psql: String
  private let pgCtl: String?
  private let state: Mutex<State>

  private struct State {
    var stopped = false
    var createdDatabases: [String] = []
    var nextDatabaseNumber = 1
    var cleanupToken: Int?
  }

  /// Starts a throwaway cluster, or connects to `STOCKFLOW_DATABASE_URL` when it is set.
  ///
  /// Throws ``RealStackError/missingTool(_:remedy:)`` when `initdb`, `pg_ctl` or `psql` is not installed, and
  /// ``RealStackError/commandFailed(command:status:output:)`` (with the server log) when the server does not start.
  public static func start(
    options: Options = Options(), environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws -> PostgresCluster {
    let psql = try tool("psql")
    if let external = environment[externalServerVariable], !external.isEmpty {
      return PostgresCluster(directory: nil, maintenanceURL: external, psql: psql, pgCtl: nil)
    }
    let initdb = try tool("initdb")
    let pgCtl = try tool("pg_ctl")
    var owner: passwd?
    if Subprocess.isRoot {
      guard let entry = getpwnam("postgres") else {
        throw RealStackError.missingUser(
          "postgres",
          remedy: "PostgreSQL refuses to run as root, so the server runs as postgres; apt-get install postgresql "
            + "creates that user (or: useradd --system postgres)")
      }
      owner = entry.pointee
    }

    var template = Array("/tmp/stockflow-pg-XXXXXX".utf8CString)
    guard let created = mkdtemp(&template) else {
      throw RealStackError.commandFailed(command: "mkdtemp /tmp/stockflow-pg-XXXXXX", status: errno, output: "")
    }
    let folder = String(cString: created)
    let directory = URL(fileURLWithPath: folder, isDirectory: true)
    if let owner { chown(folder, owner.pw_uid, owner.pw_gid) }
    let cluster = PostgresCluster(
      directory: directory, maintenanceURL: "postgresql://postgres@/postgres?host=\(folder)", psql: psql,
      pgCtl: pgCtl)
    do {
      try cluster.initializeAndStart(initdb: initdb, options: options)
    } catch {
      cluster.stop()
      throw error
    }
    return cluster
  }

  private init(directory: URL?, maintenanceURL: String, psql: String, pgCtl: String?) {
    self.directory = directory
    self.maintenanceURL = maintenanceURL
    self.psql = psql
    self.pgCtl = pgCtl
    state = Mutex(State())
    guard let directory, let pgCtl else { return }
    let dataPath = directory.appendingPathComponent("data").path
    let token = ExitCleanup.register {
      PostgresCluster.stopServer(pgCtl: pgCtl, dataPath: dataPath, mode: "immediate")
      try? FileManager.default.removeItem(at: directory)
    }
    state.withLock { $0.cleanupToken = token }
  }

  deinit {
    stop()
  }

  /// The unix socket folder clients connect through (the `host` of every URL), when this process runs the server.
  public var socketDirectory: String? { directory?.path }

  private var dataPath: String { directory!.appendingPathComponent("data").path }

  private func initializeAndStart(initdb: String, options: Options) throws {
    guard let directory, let pgCtl else { return }
    var initArguments = [
      "-D", dataPath, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-instructions",
    ]
    if !options.durable { initArguments.append("--no-sync") }
    let (initCommand, initCommandArguments) = try Subprocess.asDatabaseOwner(initdb, initArguments)
    try Subprocess.run(initCommand, initCommandArguments)

    var serverOptions = "-c listen_addresses='' -k \(directory.path)"
    if !options.durable { serverOptions += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off" }
    let log = directory.appendingPathComponent("server.log").path
    let (startCommand, startArguments) = try Subprocess.asDatabaseOwner(
      pgCtl, ["-D", dataPath, "-l", log, "-w", "-t", "60", "-s", "-o", serverOptions, "start"])
    let (status, output) = try Subprocess.run(startCommand, startArguments, allowFailure: true)
    if status != 0 {
      let serverLog = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
      throw RealStackError.commandFailed(
        command: ([startCommand] + startArguments).joined(separator: " "), status: status,
        output: Subprocess.tail(of: output + serverLog))
    }
  }

  /// Creates an empty database and returns its URL, e.g. `postgresql://postgres@/stockflow_1?host=/tmp/...`.
  ///
  /// `name` must be a plain lower-case SQL identifier (letters, digits, `_`, at most 63 characters).
  public func createDatabase(_ name: String) throws -> String {
    guard Self.isPlainIdentifier(name) else {
      throw RealStackError.invalidDatabase("\"\(name)\" is not a plain lower-case database name")
    }
    try state.withLock { state in
      guard !state.stopped else { throw RealStackError.invalidDatabase("the PostgreSQL cluster was stopped") }
      try runSQL("CREATE DATABASE \"\(name)\"")
      state.createdDatabases.append(name)
    }
    return Self.url(maintenanceURL, withDatabase: name)
  }

  /// Creates an empty database with a fresh name and returns its URL: `stockflow_<n>` on a throwaway cluster, whose
  /// databases are this process's alone, so that what a run reports naming them (a submission refused another's
  /// database) is the same on every run; `stockflow_<pid>_<n>` on an external server that other runs may share.
  public func createDatabase() throws -> String {
    let number = state.withLock { state in
      defer { state.nextDatabaseNumber += 1 }
      return state.nextDatabaseNumber
    }
    return try createDatabase(directory == nil ? "stockflow_\(getpid())_\(number)" : "stockflow_\(number)")
  }

  /// Stops the server and deletes its folder; on an external server, drops the databases created here.
  /// Idempotent, and safe to call from several threads.
  public func stop() {
    let (alreadyStopped, databases, token) = state.withLock { state in
      defer { state.stopped = true }
      return (state.stopped, state.createdDatabases, state.cleanupToken)
    }
    guard !alreadyStopped else { return }
    if let token { ExitCleanup.unregister(token) }
    if let directory, let pgCtl {
      Self.stopServer(pgCtl: pgCtl, dataPath: dataPath, mode: "fast")
      try? FileManager.default.removeItem(at: directory)
    } else {
      for database in databases.reversed() {
        try? runSQL("DROP DATABASE IF EXISTS \"\(database)\" WITH (FORCE)")
      }
    }
  }

  /// Runs `script` (SQL and psql meta-commands) on the database at `url` through `psql`, stopping at the first
  /// error; returns psql's exit status (0 when every statement succeeded, 3 when one failed) and its output, errors
  /// included.
  public func psql(_ script: String, on url: String) throws -> (status: Int32, output: String) {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("psql-\(UUID().uuidString).sql")
    try script.write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    return try Subprocess.run(
      psql, ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-f", file.path], allowFailure: true)
  }

  /// How long the cluster's file system takes to make one 8 kB write durable (`pg_test_fsync`'s `fdatasync`, the
  /// method PostgreSQL commits with on Linux), in microseconds: what a durable commit pays beyond its work. `nil`
  /// for an external server, whose disk this process cannot reach.
  public func durableWriteMicroseconds() throws -> Double? {
    guard let directory else { return nil }
    let probe = directory.appendingPathComponent("fsync-probe").path
    let (command, arguments) = try Subprocess.asDatabaseOwner(
      try Self.tool("pg_test_fsync"), ["-s", "1", "-f", probe])
    let output = try Subprocess.run(command, arguments).output
    return Self.fdatasyncMicroseconds(in: output)
  }

  /// The `fdatasync` figure of `pg_test_fsync`'s first section (one 8 kB write), e.g. 74 from
  /// `fdatasync    13444.866 ops/sec      74 usecs/op`.
  static func fdatasyncMicroseconds(in output: String) -> Double? {
    for line in output.split(separator: "\n") {
      let words = line.split(separator: " ")
      if words.first == "fdatasync", let index = words.firstIndex(of: "usecs/op"), index > 0 {
        return Double(words[index - 1])
      }
    }
    return nil
  }

  /// Runs one SQL command on the maintenance database through `psql`.
  func runSQL(_ sql: String) throws {
    _ = try query(sql)
  }

  /// The answer of one SQL query on the maintenance database, unaligned and trimmed, e.g. `1`.
  func query(_ sql: String) throws -> String {
    try Subprocess.run(psql, ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", maintenanceURL, "-c", sql])
      .output.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Sets a server setting (`ALTER SYSTEM`), or resets it to its default with `nil`, and reloads the configuration,
  /// so that a setting a reload applies holds from the next statement on.
  func setServerSetting(_ name: String, to value: String?) throws {
    try runSQL(
      value.map { "ALTER SYSTEM SET \(name) = '\($0.replacingOccurrences(of: "'", with: "''"))'" }
        ?? "ALTER SYSTEM RESET \(name)")
    try runSQL("SELECT pg_reload_conf()")
  }

  /// Stops the server in `dataPath` if one runs there; errors are ignored (there may be nothing to stop).
  static func stopServer(pgCtl: String, dataPath: String, mode: String) {
    guard FileManager.default.fileExists(atPath: dataPath + "/postmaster.pid"),
      let (command, arguments) = try? Subprocess.asDatabaseOwner(
        pgCtl, ["-D", dataPath, "-m", mode, "-w", "-s", "stop"])
    else { return }
    _ = try? Subprocess.run(command, arguments, allowFailure: true)
  }

  /// The full path of a PostgreSQL program: on `PATH`, or in Debian's `/usr/lib/postgresql/<version>/bin`.
  static func tool(_ name: String) throws -> String {
    let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
    let debianDirectories = versions.sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }.map { "/usr/lib/postgresql/\($0)/bin" }
    var found = Subprocess.locate(name, extraDirectories: debianDirectories)
    // Debian's /usr/bin/psql is `pg_wrapper`, a Perl script that picks a version and runs it: a Perl start for
    // every call. The versioned program is the one it would run (the newest installed).
    if let wrapper = found, URL(fileURLWithPath: wrapper).resolvingSymlinksInPath().lastPathComponent == "pg_wrapper",
      let direct = debianDirectories.map({ "\($0)/\(name)" }).first(where: FileManager.default.isExecutableFile)
    {
      found = direct
    }
    guard let path = found else {
      throw RealStackError.missingTool(
        name,
        remedy: "the real stack needs PostgreSQL's programs (initdb, pg_ctl, psql): install them with "
          + "`apt-get install postgresql` (or your system's PostgreSQL server package), or set "
          + "\(externalServerVariable) to a server you run")
    }
    return path
  }

  /// Whether `name` is safe to use unquoted-equivalent as a database name.
  static func isPlainIdentifier(_ name: String) -> Bool {
    guard let first = name.utf8.first, name.utf8.count <= 63, first < UInt8(ascii: "0") || first > UInt8(ascii: "9")
    else { return false }
    return name.utf8.allSatisfy {
      ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9"))
        || $0 == UInt8(ascii: "_")
    }
  }

  /// `url` with its database (the path after the authority) replaced by `database`, the query kept.
  static func url(_ url: String, withDatabase database: String) -> String {
    let (base, query) =
      url.firstIndex(of: "?").map { (String(url[..<$0]), String(url[$0...])) } ?? (url, "")
    guard let scheme = base.range(of: "://") else { return base + "/" + database + query }
    let authorityEnd = base[scheme.upperBound...].firstIndex(of: "/") ?? base.endIndex
    return String(base[..<authorityEnd]) + "/" + database + query
  }
}
