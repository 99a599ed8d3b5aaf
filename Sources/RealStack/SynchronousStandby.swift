import Foundation
import Synchronization

/// A streaming replica of a throwaway cluster that every commit waits for, as a high-availability deployment runs
/// (`synchronous_standby_names`): a commit returns once the standby has written it to its own disk too, so each
/// costs more than the primary's durable write alone. The bench attaches one to measure the apps where a commit is
/// dearer; nothing else uses it.
///
/// The standby lives in the cluster's folder (its data in `standby/`, its socket beside the primary's on port
/// 5433, so still no TCP), is copied from the primary by `pg_basebackup`, and is stopped and deleted by
/// ``detach()``, or at process exit with the cluster.
public final class SynchronousStandby: Sendable {
  static let port = 5433
  private let cluster: PostgresCluster
  private let dataPath: String
  private let pgCtl: String
  private let cleanupToken: Mutex<Int?>

  /// Copies the cluster into a standby, starts it and makes every commit on the cluster wait for it; returns once
  /// PostgreSQL reports the standby as synchronous.
  ///
  /// Throws ``RealStackError/invalidDatabase(_:)`` for an external server (its disk is not this process's to copy)
  /// and ``RealStackError/commandFailed(command:status:output:)`` when a step fails or the standby does not become
  /// synchronous within a minute.
  public static func attach(to cluster: PostgresCluster) throws -> SynchronousStandby {
    guard let directory = cluster.directory else {
      throw RealStackError.invalidDatabase("a synchronous standby can only be attached to a throwaway cluster")
    }
    let standby = SynchronousStandby(
      cluster: cluster, dataPath: directory.appendingPathComponent("standby").path,
      pgCtl: try PostgresCluster.tool("pg_ctl"))
    do {
      try standby.start(socketDirectory: directory.path)
    } catch {
      standby.detach()
      throw error
    }
    return standby
  }

  private init(cluster: PostgresCluster, dataPath: String, pgCtl: String) {
    self.cluster = cluster
    self.dataPath = dataPath
    self.pgCtl = pgCtl
    cleanupToken = Mutex(
      ExitCleanup.register { PostgresCluster.stopServer(pgCtl: pgCtl, dataPath: dataPath, mode: "immediate") })
  }

  private func start(socketDirectory: String) throws {
    let (copy, copyArguments) = try Subprocess.asDatabaseOwner(
      try PostgresCluster.tool("pg_basebackup"),
      ["-D", dataPath, "-R", "-X", "stream", "-d", "host=\(socketDirectory) user=postgres"])
    try Subprocess.run(copy, copyArguments)
    let log = dataPath + ".log"
    let (startCommand, startArguments) = try Subprocess.asDatabaseOwner(
      pgCtl,
      [
        "-D", dataPath, "-l", log, "-w", "-t", "60", "-s", "-o",
        "-c listen_addresses='' -k \(socketDirectory) -c port=\(Self.port)", "start",
      ])
    try Subprocess.run(startCommand, startArguments)
    try cluster.setServerSetting("synchronous_standby_names", to: "*")
    let deadline = Date().addingTimeInterval(60)
    while try cluster.query("SELECT count(*) FROM pg_stat_replication WHERE sync_state = 'sync'") != "1" {
      guard Date() < deadline else {
        throw RealStackError.commandFailed(
          command: "waiting for the standby to become synchronous", status: 1,
          output: Subprocess.tail(of: (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""))
      }
      Thread.sleep(forTimeInterval: 0.05)
    }
  }

  /// Makes commits stop waiting for the standby, then stops it and deletes its folder. Idempotent.
  public func detach() {
    let token = cleanupToken.withLock { token in
      defer { token = nil }
      return token
    }
    guard let token else { return }
    ExitCleanup.unregister(token)
    // First, so that no commit is left waiting for a standby that is gone.
    try? cluster.setServerSetting("synchronous_standby_names", to: nil)
    PostgresCluster.stopServer(pgCtl: pgCtl, dataPath: dataPath, mode: "fast")
    try? FileManager.default.removeItem(atPath: dataPath)
    try? FileManager.default.removeItem(atPath: dataPath + ".log")
  }

  deinit {
    detach()
  }
}
