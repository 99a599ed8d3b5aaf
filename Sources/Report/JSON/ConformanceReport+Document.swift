import Conformance
import Findings
import RequestLayer

extension ConformanceReport {
  /// `review conform --format json`: the wall time and one entry per port.
  struct Document: Encodable {
    let wallSeconds: JSONNumber
    let ports: [Port]
  }

  /// One port held to its Python app: probes, fault sweep and corpus, with every disagreement.
  struct Port: Encodable {
    let implementation: String
    let probesCompared: Int
    let probeDisagreements: [ProbeDisagreement]
    let sweepStatements: [String]
    let sweepDifferences: [String]
    let concurrency: Concurrency
    let corpusSeed: String
    let corpusSize: Int
    let corpusAgreed: Int
    let corpusDisagreements: [CaseGroup]
    let unexplained: Int

    init(_ run: ConformanceRun) {
      implementation = run.implementation
      probesCompared = run.probesCompared
      probeDisagreements = run.probeDisagreements.map(ProbeDisagreement.init)
      sweepStatements = run.sweepStatements.real
      sweepDifferences = run.sweepDifferences
      concurrency = Concurrency(run)
      corpusSeed = String(run.corpusSeed)
      corpusSize = run.corpusSize
      corpusAgreed = run.corpusAgreed
      corpusDisagreements = run.caseGroups.map(CaseGroup.init)
      unexplained = run.unexplained
    }
  }

  /// The same concurrent creates on both sides, and how they differ in what does not depend on timing.
  struct Concurrency: Encodable {
    let clients: Int
    let requests: Int
    let distinctSkus: Int
    let port: Outcome
    let real: Outcome
    let differences: [String]

    init(_ run: ConformanceRun) {
      clients = run.concurrency.real.clients
      requests = run.concurrency.real.requests
      distinctSkus = run.concurrency.real.distinctSKUs
      port = Outcome(run.concurrency.port)
      real = Outcome(run.concurrency.real)
      differences = run.concurrencyDifferences
    }
  }

  /// What one side's concurrent run kept and answered.
  struct Outcome: Encodable {
    let products: Int
    let inventoryRows: Int
    let duplicates: Int
    /// How many requests got each status, by status code.
    let statuses: [String: Int]

    init(_ run: ConcurrentCreates) {
      products = run.products
      inventoryRows = run.inventoryRows
      duplicates = run.duplicates
      statuses = Dictionary(uniqueKeysWithValues: run.statuses.map { (String($0.key), $0.value) })
    }
  }

  /// A probe whose port and real observations differ: both observations, in their one JSON shape.
  struct ProbeDisagreement: Encodable {
    let finding: String
    let differences: [String]
    let port: Observation
    let real: Observation
    let allowedBecause: String?

    init(_ probe: ConformanceRun.ProbeDisagreement) {
      finding = probe.finding
      differences = probe.differences
      port = probe.port
      real = probe.real
      allowedBecause = probe.allowed?.reason
    }
  }

  /// Corpus cases that differ the same way, with one example.
  struct CaseGroup: Encodable {
    let label: String
    let differences: [String]
    let cases: [Int]
    let example: String
    let allowedBecause: String?

    init(_ group: ConformanceRun.CaseGroup) {
      label = group.label
      differences = group.differences
      cases = group.indices
      example = group.example
      allowedBecause = group.allowed?.reason
    }
  }
}
