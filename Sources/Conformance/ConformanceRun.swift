import Findings
import RequestLayer
import Store

/// One port held to the real stack: every probe, the fault sweep and the adversarial corpus, run on both and
/// compared fact by fact.
public struct ConformanceRun: Sendable {
  /// A probe whose facts differ between the port and the real stack.
  public struct ProbeDisagreement: Sendable {
    public let finding: String
    public let port: Observation
    public let real: Observation
    public let differences: [String]
    /// The allow-list entry that explains it, if any.
    public let allowed: AllowList.Entry?
  }

  /// Corpus cases that differ in the same way: one cause, with its first case as the example.
  public struct CaseGroup: Sendable {
    public let label: String
    public let differences: [String]
    public let indices: [Int]
    /// What the first case's port and real stack answered, with the rows only one side holds.
    public let example: String
    public let allowed: AllowList.Entry?
  }

  /// The port's name, e.g. `original`; the real stack runs the Python it ports.
  public let implementation: String
  public let probesCompared: Int
  public let probeDisagreements: [ProbeDisagreement]
  /// The statements each side sent for a valid create, and how the sweeps differ (empty when they agree).
  public let sweepStatements: (port: [String], real: [String])
  public let sweepDifferences: [String]
  /// The same concurrent creates on each side: the port's threads on one store, the adapter's client threads on
  /// their own PostgreSQL connections.
  public let concurrency: (port: ConcurrentCreates, real: ConcurrentCreates)
  /// How the two concurrent runs differ in what they must agree on (empty when they agree).
  public let concurrencyDifferences: [String]
  public let corpusSize: Int
  public let corpusSeed: UInt64
  public let caseGroups: [CaseGroup]

  /// Corpus cases on which both sides agreed.
  public var corpusAgreed: Int { corpusSize - caseGroups.map(\.indices.count).reduce(0, +) }

  /// Differences that no allow-list entry explains: any makes `review conform` fail.
  public var unexplained: Int {
    probeDisagreements.filter { $0.allowed == nil }.count + caseGroups.filter { $0.allowed == nil }.count
      + (sweepDifferences.isEmpty ? 0 : 1) + (concurrencyDifferences.isEmpty ? 0 : 1)
  }

  /// Runs `findings`' probes, the fault sweep and `corpus` on `port` and `real`, reporting progress as it goes.
  public static func perform(
    port: some Deployment, real: some Deployment, findings: [Finding], corpus: AdversarialCorpus,
    allowList: AllowList, progress: @Sendable (String) -> Void = { _ in }
  ) throws -> ConformanceRun {
    let name = port.name
    var probeDisagreements: [ProbeDisagreement] = []
    for finding in findings {
      progress("\(name): probe \(finding.id)")
      let (mine, theirs) = (finding.probe.run(against: port), finding.probe.run(against: real))
      let differences = ObservationFacts(mine).differences(from: ObservationFacts(theirs))
      if !differences.isEmpty {
        probeDisagreements.append(
          ProbeDisagreement(
            finding: finding.id, port: mine, real: theirs, differences: differences,
            allowed: allowList.entry(name, "probe", finding.id)))
      }
    }

    progress("\(name): fault sweep")
    let portSweep = try FaultSweep.perform(against: port)
    let realSweep = try FaultSweep.perform(against: real)
    let sweepDifferences = compare(portSweep, realSweep)

    progress("\(name): concurrent creates")
    let concurrency = (
      port: try ConcurrentCreates.perform(against: port), real: try ConcurrentCreates.perform(against: real)
    )

    var groups: [String: (label: String, differences: [String], indices: [Int], example: String)] = [:]
    var order: [String] = []
    let fixture = (port: try port.start(with: .demo).snapshot(), real: try real.start(with: .demo).snapshot())
    for item in corpus.cases {
      if item.index % 500 == 0 { progress("\(name): corpus \(item.index)/\(corpus.cases.count)") }
      let mine = try facts(item.request, on: port, from: fixture.port)
      let theirs = try facts(item.request, on: real, from: fixture.real)
      let differences = mine.differences(from: theirs)
      guard !differences.isEmpty else { continue }
      let key = "\(item.label)\u{0}\(differences.joined(separator: ", "))"
      if groups[key] == nil {
        order.append(key)
        let rows = differences.contains { $0 == "stored values" || $0 == "row counts" }
        groups[key] = (
          item.label, differences, [],
          "case \(item.index): port \(mine.status) \(mine.kind)\(mine.errorClass.map { " (\($0))" } ?? ""), "
            + "real \(theirs.status) \(theirs.kind)\(theirs.errorClass.map { " (\($0))" } ?? "")"
            + (rows ? "; rows " + mine.rowDifference(from: theirs) : "")
        )
      }
      groups[key]!.indices.append(item.index)
    }
    return ConformanceRun(
      implementation: name, probesCompared: findings.count, probeDisagreements: probeDisagreements,
      sweepStatements: (
        portSweep.outcomes.map(\.statement.description), realSweep.outcomes.map(\.statement.description)
      ),
      sweepDifferences: sweepDifferences, concurrency: concurrency,
      concurrencyDifferences: compare(concurrency.port, concurrency.real), corpusSize: corpus.cases.count,
      corpusSeed: corpus.seed,
      caseGroups: order.map { key in
        let group = groups[key]!
        return CaseGroup(
          label: group.label, differences: group.differences, indices: group.indices, example: group.example,
          allowed: allowList.entry(name, "corpus", group.label))
      })
  }

  /// One request on a fresh start of `deployment`, whose rows are then `fixture`'s.
  static func facts(_ request: Request, on deployment: some Deployment, from fixture: Snapshot) throws -> CaseFacts {
    CaseFacts(try deployment.start(with: .demo).send(request), before: fixture)
  }

  /// How two concurrent runs of the same code differ in what does not depend on timing: the rows kept, the
  /// duplicates and how many requests succeeded. How the refusals split between a 409 and a 500 can depend on
  /// which request reached the database first (the candidate's check-then-insert), so it is not compared.
  static func compare(_ port: ConcurrentCreates, _ real: ConcurrentCreates) -> [String] {
    let facts: [(String, (ConcurrentCreates) -> Int)] = [
      ("products", \.products), ("inventory rows", \.inventoryRows), ("duplicate products", \.duplicates),
      ("2xx answers", \.succeeded),
    ]
    return facts.compactMap { label, fact in
      fact(port) == fact(real) ? nil : "\(label): \(fact(port)) vs \(fact(real))"
    }
  }

  /// How two sweeps of the same code differ: the statements swept, then each statement's outcome.
  ///
  /// The Python apps that authenticate read the caller from `users` (`SELECT users`) where the Swift request layer
  /// hands the port its principal; that read is the authentication's, not the handler's, so it is left out when
  /// the port does not send it.
  static func compare(_ port: FaultSweep, _ real: FaultSweep) -> [String] {
    let callerRead = Statement.select(table: "users")
    let realOutcomes =
      port.outcomes.contains { $0.statement == callerRead }
      ? real.outcomes : real.outcomes.filter { $0.statement != callerRead }
    let (mine, theirs) = (port.outcomes.map(\.statement), realOutcomes.map(\.statement))
    guard mine == theirs else {
      return ["statements \(mine.map(\.description)) vs \(theirs.map(\.description))"]
    }
    return zip(port.outcomes, realOutcomes).compactMap { mine, theirs in
      let facts = (
        "\(mine.response.status), \(mine.changes.map(\.description))",
        "\(theirs.response.status), \(theirs.changes.map(\.description))"
      )
      return facts.0 == facts.1 ? nil : "failing \(mine.statement): \(facts.0) vs \(facts.1)"
    }
  }
}
