import Findings
import Submissions

/// Renders a run as JSON for machines: the same content as the markdown report, through `ReportJSON`.
public enum JSONReport {
  public static func render(_ run: ReviewRun) -> String {
    ReportJSON.text(Document(run))
  }

  /// The whole report: summary, implementations, findings with their observations and code, the schema's checks,
  /// and what the review assumes and asks.
  struct Document: Encodable {
    let summary: Summary
    let implementations: [ImplementationEntry]
    let findings: [FindingEntry]
    let schemaChecks: [SchemaCheck]
    let assumptions: [String]
    let questions: [String]

    init(_ run: ReviewRun) {
      summary = Summary(run)
      implementations = run.implementations.map { ImplementationEntry(run, $0) }
      findings = run.findings.map { FindingEntry(run, $0) }
      schemaChecks = run.implementations.first { $0.role == .fixed }.map { SchemaChecks.run(on: $0.schema) } ?? []
      assumptions = ProductOwnerQuestions.assumptions
      questions = ProductOwnerQuestions.questions
    }
  }

  /// How many findings there are, in all and per severity.
  struct Summary: Encodable {
    let findings: Int
    let bySeverity: [String: Int]

    init(_ run: ReviewRun) {
      findings = run.findings.count
      bySeverity = Dictionary(
        uniqueKeysWithValues: Severity.allCases.map { severity in
          (severity.rawValue, run.findings.filter { $0.severity == severity }.count)
        })
    }
  }

  /// One implementation and how many findings got each verdict on it, keyed by the verdict's word.
  struct ImplementationEntry: Encodable {
    let name: String
    let role: Implementation.Role
    let summary: String
    let sourceFolder: String
    let verdicts: [String: Int]

    init(_ run: ReviewRun, _ implementation: Implementation) {
      name = implementation.name
      role = implementation.role
      summary = implementation.summary
      sourceFolder = implementation.sourceFolder
      verdicts = Dictionary(
        uniqueKeysWithValues: Observation.Verdict.allCases.map { ($0.rawValue, run.count($0, on: implementation)) })
    }
  }

  /// One finding: the catalog's words, what each implementation showed, and the code that carries it.
  struct FindingEntry: Encodable {
    let id: String
    let title: String
    let severity: Severity
    let category: Category
    let endpoint: Endpoint
    let candidateItems: [Int]
    let problem: String
    let impact: String
    let fix: String
    let scenario: String
    let observations: [String: Observation]
    let code: [CodeEntry]

    init(_ run: ReviewRun, _ finding: Finding) {
      id = finding.id
      title = finding.title
      severity = finding.severity
      category = finding.category
      endpoint = finding.endpoint
      candidateItems = finding.candidateItems
      problem = finding.problem
      impact = finding.impact
      fix = finding.fix
      scenario = finding.probe.scenario
      observations = Dictionary(
        uniqueKeysWithValues: run.implementations.map { ($0.name, run.observation(finding, $0)) })
      code = run.implementations.flatMap { implementation in
        run.code(of: finding, in: implementation).map { CodeEntry(implementation: implementation.name, $0) }
      }
    }
  }

  /// A marked construct of one implementation's source.
  struct CodeEntry: Encodable {
    let implementation: String
    let file: String
    let startLine: Int
    let endLine: Int
    let code: String

    init(implementation: String, _ marker: SourceMarker) {
      self.implementation = implementation
      file = marker.file
      startLine = marker.line
      endLine = marker.endLine
      code = marker.code.joined(separator: "\n")
    }
  }
}
