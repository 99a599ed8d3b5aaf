import Foundation
import Testing

@testable import RealStack

@Suite("PostgresCluster: a throwaway server in a temporary folder")
struct PostgresClusterTests {
  @Test func databaseURLsKeepTheSocketHostAndNameTheNewDatabase() {
    #expect(
      PostgresCluster.url("postgresql://postgres@/postgres?host=/tmp/x", withDatabase: "stockflow_1")
        == "postgresql://postgres@/stockflow_1?host=/tmp/x")
    #expect(
      PostgresCluster.url("postgresql://u:p@db.example:5433/main", withDatabase: "a_b")
        == "postgresql://u:p@db.example:5433/a_b")
    #expect(PostgresCluster.isPlainIdentifier("stockflow_12"))
    #expect(!PostgresCluster.isPlainIdentifier("Robert\"; DROP"))
    #expect(!PostgresCluster.isPlainIdentifier("1abc"))
  }

  @Test func durableWriteCostIsPgTestFsyncsFdatasyncFigureForOneWrite() {
    let output = """
      Compare file sync methods using one 8kB write:
      (in wal_sync_method preference order, except fdatasync is Linux's default)
              open_datasync                      6024.750 ops/sec     166 usecs/op
              fdatasync                         13444.866 ops/sec      74 usecs/op
              fsync                             14642.795 ops/sec      68 usecs/op

      Compare file sync methods using two 8kB writes:
              fdatasync                          8597.328 ops/sec     116 usecs/op
      """
    #expect(PostgresCluster.fdatasyncMicroseconds(in: output) == 74)
    #expect(PostgresCluster.fdatasyncMicroseconds(in: "pg_test_fsync: could not open") == nil)
  }

  @Test(
    "Debian's Perl pg_wrapper is passed over for the versioned program it would run",
    .enabled(
      if: FileManager.default.fileExists(atPath: "/usr/share/postgresql-common/pg_wrapper")
        && FileManager.default.fileExists(atPath: "/usr/lib/postgresql")))
  func debiansPerlWrapperIsPassedOver() throws {
    let psql = try PostgresCluster.tool("psql")
    #expect(URL(fileURLWithPath: psql).resolvingSymlinksInPath().lastPathComponent == "psql")
    #expect(psql.hasPrefix("/usr/lib/postgresql/"))
  }

  @Test(
    "Opt-in (STOCKFLOW_REAL_STACK=1): a started cluster creates databases and stop removes its folder",
    .realStackOptIn)
  func startedClusterCreatesDatabasesAndStopRemovesItsFolder() throws {
    let cluster = try PostgresCluster.start(environment: [:])
    let directory = try #require(cluster.directory)
    #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("data/PG_VERSION").path))
    let url = try cluster.createDatabase("realstack_check")
    #expect(url == "postgresql://postgres@/realstack_check?host=\(directory.path)")
    let listed = try Subprocess.run(
      PostgresCluster.tool("psql"), ["-X", "-At", "-d", url, "-c", "SELECT current_database()"])
    #expect(listed.output.trimmingCharacters(in: .whitespacesAndNewlines) == "realstack_check")
    #expect(throws: RealStackError.self) { try cluster.createDatabase("realstack_check") }
    // Fresh names carry no process id on a throwaway cluster, so a grade naming them reads the same on every run.
    #expect(try cluster.createDatabase() == "postgresql://postgres@/stockflow_1?host=\(directory.path)")
    cluster.stop()
    #expect(!FileManager.default.fileExists(atPath: directory.path))
  }

  @Test(
    "Opt-in (STOCKFLOW_REAL_STACK=1): an attached standby is synchronous until detached, and only a throwaway cluster takes one",
    .realStackOptIn)
  func attachedStandbyIsSynchronousUntilDetached() throws {
    let cluster = try PostgresCluster.start(options: .init(durable: true), environment: [:])
    defer { cluster.stop() }
    let directory = try #require(cluster.directory)
    let standby = try SynchronousStandby.attach(to: cluster)
    #expect(try cluster.query("SELECT sync_state FROM pg_stat_replication") == "sync")
    let standbyURL = "postgresql://postgres@/postgres?host=\(directory.path)&port=\(SynchronousStandby.port)"
    let recovering = try Subprocess.run(
      PostgresCluster.tool("psql"), ["-X", "-At", "-d", standbyURL, "-c", "SELECT pg_is_in_recovery()"])
    #expect(recovering.output.trimmingCharacters(in: .whitespacesAndNewlines) == "t")
    _ = try cluster.createDatabase("committed_with_a_standby")

    standby.detach()
    #expect(try cluster.query("SHOW synchronous_standby_names") == "")
    #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("standby").path))
    _ = try cluster.createDatabase("committed_without_it")  // would wait forever if commits still waited for it

    let external = try PostgresCluster.start(
      environment: [PostgresCluster.externalServerVariable: cluster.maintenanceURL])
    #expect(throws: RealStackError.self) { try SynchronousStandby.attach(to: external) }
  }

  @Test(
    "Opt-in (STOCKFLOW_REAL_STACK=1): a commit delay holds every flush, even with one client, until lifted",
    .realStackOptIn)
  func commitDelayHoldsEveryFlushUntilLifted() throws {
    let cluster = try PostgresCluster.start(options: .init(durable: true), environment: [:])
    defer { cluster.stop() }
    try CommitDelay.set(2_000, on: cluster)
    #expect(try cluster.query("SHOW commit_delay") == "2000")  // microseconds
    #expect(try cluster.query("SHOW commit_siblings") == "0")  // so one client's commit waits too
    _ = try cluster.createDatabase("committed_slowly")

    try CommitDelay.set(nil, on: cluster)
    #expect(try cluster.query("SHOW commit_delay") == "0")
    #expect(try cluster.query("SHOW commit_siblings") == "5")
    #expect(throws: RealStackError.self) { try CommitDelay.set(0, on: cluster) }

    let external = try PostgresCluster.start(
      environment: [PostgresCluster.externalServerVariable: cluster.maintenanceURL])
    #expect(throws: RealStackError.self) { try CommitDelay.set(2_000, on: external) }
  }
}
