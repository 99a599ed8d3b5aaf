import Findings
import RequestLayer

/// Renders a run as JSON for machines: the same content as the markdown report, keys sorted, pretty-printed.
public enum JSONReport {
  public static func render(_ run: ReviewRun) -> String {
    let document: JSONValue = [
      "summary": [
        "findings": .integer(run.findings.count),
        "by_severity": .object(
          JSONObject(
            Severity.allCases.map { severity in
              (severity.rawValue, .integer(run.findings.filter { $0.severity == severity }.count))
            })),
      ],
      "implementations": .array(
        run.implementations.map { implementation in
          [
            "name": .string(implementation.name), "role": .string(implementation.role.rawValue),
            "summary": .string(implementation.summary), "source_folder": .string(implementation.sourceFolder),
            "verdicts": .object(
              JSONObject(
                Observation.Verdict.allCases.map { ($0.rawValue, .integer(run.count($0, on: implementation))) })),
          ]
        }),
      "findings": .array(run.findings.map { finding(run, $0) }),
      "schema_checks": .array(
        (run.implementations.first { $0.role == .fixed }.map { SchemaChecks.run(on: $0.schema) } ?? []).map { check in
          [
            "table": .string(check.table), "constraint": .string(check.constraint), "rule": .string(check.rule),
            "refused": .bool(check.refusedByName), "answer": check.refusal.map(JSONValue.string) ?? .null,
          ]
        }),
      "assumptions": .array(ProductOwnerQuestions.assumptions.map { .string($0) }),
      "questions": .array(ProductOwnerQuestions.questions.map { .string($0) }),
    ]
    return document.encoded(pretty: true) + "\n"
  }

  static func finding(_ run: ReviewRun, _ finding: Finding) -> JSONValue {
    [
      "id": .string(finding.id), "title": .string(finding.title), "severity": .string(finding.severity.rawValue),
      "category": .string(finding.category.rawValue), "endpoint": .string(finding.endpoint.rawValue),
      "candidate_items": .array(finding.candidateItems.map { .integer($0) }),
      "problem": .string(finding.problem), "impact": .string(finding.impact), "fix": .string(finding.fix),
      "scenario": .string(finding.probe.scenario),
      "observations": .object(
        JSONObject(run.implementations.map { ($0.name, observation(run.observation(finding, $0))) })),
      "code": .array(
        run.implementations.flatMap { implementation in
          run.code(of: finding, in: implementation).map { marker in
            [
              "implementation": .string(implementation.name), "file": .string(marker.file),
              "start_line": .integer(marker.line), "end_line": .integer(marker.endLine),
              "code": .string(marker.code.joined(separator: "\n")),
            ]
          }
        }),
    ]
  }

  static func observation(_ observation: Observation) -> JSONValue {
    [
      "verdict": .string(observation.verdict.rawValue), "summary": .string(observation.summary),
      "steps": .array(
        observation.steps.map { step in
          var members: [(String, JSONValue)] = [("action", .string(step.action))]
          if let body = step.requestBody { members.append(("request_body", .string(body))) }
          if let status = step.status { members.append(("status", .integer(status))) }
          if !step.responseHeaders.isEmpty {
            members.append(
              ("response_headers", .object(JSONObject(step.responseHeaders.map { ($0.key, .string($0.value)) }))))
          }
          if let body = step.responseBody { members.append(("response_body", .string(body))) }
          if let error = step.uncaughtError { members.append(("uncaught_error", .string(error))) }
          members.append(("store_changes", .array(step.storeChanges.map { .string($0) })))
          return .object(JSONObject(members))
        }),
    ]
  }
}
