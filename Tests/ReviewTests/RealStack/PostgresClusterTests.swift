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
    .enabled(if: ProcessInfo.processInfo.environment["STOCKFLOW_REAL_STACK"] == "1"))
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
    cluster.stop()
    #expect(!FileManager.default.fileExists(atPath: directory.path))
  }
}
