import Foundation
import Report
import Testing

/// How the bench keeps its figures: a run that measured only some sections keeps the others as the file had them,
/// the file's bytes depend only on the figures, and a stale rendering fails with the lines that changed.
@Suite("Evidence figures")
struct EvidenceFiguresTests {
  static let inMemory = EvidenceFigures.InMemoryCreateProduct(
    machine: "test machine", requestsPerRun: 10,
    scenarios: [.init(tasks: 1, collidingSkus: false, original: 100, fixed: 50)])
  static let realStack = EvidenceFigures.RealStackCreateProduct(
    machine: "test machine", requestsPerRun: 10, skusWhenColliding: 2,
    scenarios: [
      .init(
        clients: 8, collidingSkus: true,
        original: .init(
          requestsPerSecond: 20, statements: 60, statuses: [200: 10], rowsRead: 20, responseBytes: 400,
          cpuSeconds: 0.4),
        fixed: .init(
          requestsPerSecond: 30, statements: 34, statuses: [201: 2, 409: 8], rowsRead: 12, responseBytes: 500,
          cpuSeconds: 0.3))
    ], durableWriteMicroseconds: 74)

  @Test func aRunThatMeasuredOnlyTheRealStackKeepsTheInMemoryFigures() {
    let committed = EvidenceFigures(inMemoryCreateProduct: Self.inMemory)
    let merged = committed.merging(EvidenceFigures(realStackCreateProduct: Self.realStack))
    #expect(merged.inMemoryCreateProduct == Self.inMemory)
    #expect(merged.realStackCreateProduct == Self.realStack)
  }

  @Test func aSectionMeasuredAgainReplacesTheOldOne() {
    var faster = Self.inMemory
    faster.scenarios[0].fixed = 200
    let merged = EvidenceFigures(inMemoryCreateProduct: Self.inMemory).merging(
      EvidenceFigures(inMemoryCreateProduct: faster))
    #expect(merged.inMemoryCreateProduct?.scenarios[0].fixed == 200)
  }

  @Test func theFileHasSnakeCaseSortedKeysAndReadsBackTheSame() throws {
    let figures = EvidenceFigures(inMemoryCreateProduct: Self.inMemory, realStackCreateProduct: Self.realStack)
    let json = try figures.json()
    #expect(json.contains("\"skus_when_colliding\" : 2"))
    #expect(json.contains("\"in_memory_create_product\""))
    #expect(
      json.range(of: "\"in_memory_create_product\"")!.lowerBound
        < json.range(of: "\"real_stack_create_product\"")!.lowerBound)
    #expect(try EvidenceFigures(json: json) == figures)
    #expect(try EvidenceFigures(json: json).json() == json)
  }

  @Test func theRendererWritesTheFiguresIntoTables() {
    let lines = EvidenceFile.markdown(EvidenceFigures(realStackCreateProduct: Self.realStack)).split(separator: "\n")
    #expect(
      lines.contains("| 8 clients, colliding SKUs | 20 | 30 | 1.5 | 40.0 / 30.0 | 6.0; 200: 10 | 3.4; 201: 2, 409: 8 |")
    )
  }

  @Test func oneClientRunsSplitEachRequestsTimeBetweenTheDatabaseAndPython() {
    let lines = Self.markdown(adding: [Self.oneClientRun()]).split(separator: "\n")
    #expect(lines.contains("| 1 client, distinct SKUs | `original` | 5.0 | 1.7 | 3.3 | 6.0 | 2.0 |"))
    #expect(lines.contains("| 1 client, distinct SKUs | `fixed` | 6.25 | 2.0 | 4.25 | 7.0 | 1.0 |"))
    // With 8 clients the time in the driver holds the wait for the GIL too: not split.
    #expect(!lines.contains { $0.hasPrefix("| 8 clients, colliding SKUs | `") })
  }

  /// The evidence file of ``realStack`` with `scenarios` measured too.
  static func markdown(adding scenarios: [EvidenceFigures.RealStackCreateProduct.Scenario]) -> String {
    var figures = realStack
    figures.scenarios += scenarios
    return EvidenceFile.markdown(EvidenceFigures(realStackCreateProduct: figures))
  }

  /// One client, distinct SKUs: the original at 5 ms a request with 2 commits, the fix at 6.25 ms with 1, the
  /// candidate at 4.76 ms with 1.
  static func oneClientRun(
    original: Double = 200, fixed: Double = 160, originalDatabaseSeconds: Double = 0.017, standby: Bool? = nil,
    commitDelay: Int? = nil
  ) -> EvidenceFigures.RealStackCreateProduct.Scenario {
    .init(
      clients: 1, collidingSkus: false,
      original: .init(
        requestsPerSecond: original, statements: 60, statuses: [200: 10], rowsRead: 20, responseBytes: 400,
        cpuSeconds: 0.04, databaseSeconds: originalDatabaseSeconds, commits: 20),
      fixed: .init(
        requestsPerSecond: fixed, statements: 70, statuses: [201: 10], rowsRead: 20, responseBytes: 400,
        cpuSeconds: 0.05, databaseSeconds: 0.02, commits: 10),
      candidate: .init(
        requestsPerSecond: 210, statements: 50, statuses: [201: 10], rowsRead: 20, responseBytes: 400,
        cpuSeconds: 0.04, databaseSeconds: 0.015, commits: 10),
      synchronousStandby: standby, commitDelayMicroseconds: commitDelay)
  }

  @Test func theOneClientRunSaysHowDearACommitWouldHaveToBeForOneCommitToPayOff() {
    let lines = Self.markdown(adding: [Self.oneClientRun()]).split(separator: "\n")
    // 5 ms + 2 waits = 6.25 ms + 1 wait at 1.25 ms; 5 ms + 2 waits = 1.2 * (6.25 ms + 1 wait) at 3.13 ms.
    #expect(lines.contains("| `fixed` | 1.25 ms | 3.13 ms |"))
    // 4.76 ms already beats 5 ms; 5 + 2 waits = 1.2 * (4.76 + 1 wait) at 0.89 ms.
    #expect(lines.contains("| `candidate` | reached here | 0.89 ms |"))
    var everyCommit = Self.oneClientRun()
    everyCommit.fixed.commits = 20
    #expect(Self.markdown(adding: [everyCommit]).contains("| `fixed` | never | never |"))
  }

  @Test func theRunsWithDearerCommitsCheckThePredictionAtTheWaitTheyMeasured() {
    let markdown = Self.markdown(adding: [
      Self.oneClientRun(), Self.oneClientRun(original: 180, fixed: 150, originalDatabaseSeconds: 0.022, standby: true),
      Self.oneClientRun(original: 100, fixed: 110, originalDatabaseSeconds: 0.067, commitDelay: 2_000),
    ])
    #expect(markdown.contains("| 1 client, distinct SKUs, synchronous standby | 180 | 150 | 0.83 |"))
    #expect(markdown.contains("| 1 client, distinct SKUs, commits delayed 2 ms | 100 | 110 | 1.1 |"))
    #expect(markdown.contains("in the runs marked \"commits delayed\", PostgreSQL made every commit wait"))
    // The derivation still comes from the run whose commits waited for the disk alone.
    #expect(markdown.contains("| `fixed` | 1.25 ms | 3.13 ms |"))
    // Standby: (2.2 ms - 1.7 ms) in the driver over 2 commits; fixed (5 + 2 * 0.25) / (6.25 + 0.25), candidate
    // (5 + 2 * 0.25) / (4.76 + 0.25).
    #expect(markdown.contains("| 1 client, distinct SKUs, synchronous standby | 0.25 | 0.85 | 0.83 | 1.1 | 1.17 |"))
    // Delayed: (6.7 ms - 1.7 ms) over 2 commits; fixed (5 + 2 * 2.5) / (6.25 + 2.5), candidate 10 / (4.76 + 2.5).
    #expect(markdown.contains("| 1 client, distinct SKUs, commits delayed 2 ms | 2.5 | 1.14 | 1.1 | 1.38 | 2.1 |"))
  }

  @Test func aCommitDelayOfAFractionOfAMillisecondIsLabelledInHundredths() {
    let scenario = Self.oneClientRun(commitDelay: 1_500)
    #expect(scenario.label == "1 client, distinct SKUs, commits delayed 1.5 ms")
    #expect(scenario.commitsMadeDearer)
    #expect(!Self.oneClientRun().commitsMadeDearer)
  }

  @Test func aSectionNotMeasuredYetIsLeftOut() {
    let markdown = EvidenceFile.markdown(EvidenceFigures(inMemoryCreateProduct: Self.inMemory))
    #expect(markdown.contains("## Throughput in memory"))
    #expect(!markdown.contains("## Robustness"))
    #expect(!markdown.contains("real stack"))
  }

  @Test func aStaleEvidenceFileFailsWithTheRowThatChanged() throws {
    let old = EvidenceFile.markdown(EvidenceFigures(inMemoryCreateProduct: Self.inMemory))
    var faster = Self.inMemory
    faster.scenarios[0].fixed = 200
    let fresh = EvidenceFile.markdown(EvidenceFigures(inMemoryCreateProduct: faster))
    let message = try #require(GoldenFile.staleness(of: "EVIDENCE.md", committed: old, fresh: fresh))
    #expect(
      message.contains("\n-| 1 task, distinct SKUs | 100 | 50 | 0.5 |\n+| 1 task, distinct SKUs | 100 | 200 | 2.0 |"))
  }
}
