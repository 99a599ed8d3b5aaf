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
      corpusSeed = String(run.corpusSeed)
      corpusSize = run.corpusSize
      corpusAgreed = run.corpusAgreed
      corpusDisagreements = run.caseGroups.map(CaseGroup.init)
      unexplained = run.unexplained
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
