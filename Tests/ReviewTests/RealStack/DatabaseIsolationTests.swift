import Testing

@testable import RealStack

/// How a refused connection in the server's log becomes an incident in the grade.
struct DatabaseIsolationTests {
  @Test func aRefusedConnectionBecomesASentence() {
    let line =
      "2026-12-01 23:20:41.123 UTC [4242] user=sub_stockflow_9_6 db=stockflow_9_2 FATAL:  "
      + "permission denied for database \"stockflow_9_2\""
    #expect(
      DatabaseIsolation.refusal(fromLogLine: line)
        == "was refused a connection to database stockflow_9_2 as role sub_stockflow_9_6: "
        + "permission denied for database \"stockflow_9_2\"")
  }

  @Test func otherLinesAreNotRefusals() {
    for line in [
      "2026-12-01 23:20:41.123 UTC [4242] user=sub_a db=stockflow_9_2 DETAIL:  User does not have CONNECT privilege.",
      "2026-12-01 23:20:41.123 UTC [4242] user=sub_a db=stockflow_9_2 FATAL:  terminating connection due to "
        + "administrator command",
      "2026-12-01 23:20:41.123 UTC [4242] user= db= LOG:  database system is ready to accept connections",
      "2026-12-01 23:20:41.123 UTC [4242] FATAL:  the old log line prefix",
    ] {
      #expect(DatabaseIsolation.refusal(fromLogLine: line) == nil)
    }
  }
}
