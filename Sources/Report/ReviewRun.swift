import Findings
import Foundation
import RequestLayer
import Submissions

/// One run of every probe against every implementation, with the code markers that pair each finding to its lines.
///
/// Everything the report says comes from here: the verdicts and evidence the probes observed and the `file:line`
/// ranges the markers give.
public struct ReviewRun: Sendable {
  public let findings: [Finding]
  public let implementations: [Implementation]
  /// Each finding's observation per implementation name.
  public let observations: [String: [String: Observation]]
  /// Every marker of every implementation's source folder.
  public let markers: [String: [SourceMarker]]
  /// Every `# finding:` marker of each Python app (``PythonApps``), by app name.
  public let pythonMarkers: [String: [SourceMarker]]

  /// Runs `findings`' probes against `implementations` and reads their source markers under `root`.
  public static func perform(
    findings: [Finding] = Catalog.all, implementations: [Implementation], root: URL
  ) throws -> ReviewRun {
    var observations: [String: [String: Observation]] = [:]
    for finding in findings {
      for implementation in implementations {
        observations[finding.id, default: [:]][implementation.name] = finding.probe.run(against: implementation)
      }
    }
    var markers: [String: [SourceMarker]] = [:]
    for implementation in implementations {
      markers[implementation.name] = try SourceMarkers.scan(implementation.sourceFolder, root: root)
    }
    var pythonMarkers: [String: [SourceMarker]] = [:]
    for app in PythonApps.all {
      pythonMarkers[app.name] = try SourceMarkers.scan(app.folder, root: root)
    }
    return ReviewRun(
      findings: findings, implementations: implementations, observations: observations, markers: markers,
      pythonMarkers: pythonMarkers)
  }

  /// What `finding`'s probe saw on `implementation`.
  public func observation(_ finding: Finding, _ implementation: Implementation) -> Observation {
    observations[finding.id]![implementation.name]!
  }

  /// The markers naming `finding` in `implementation`'s source.
  public func markers(of finding: Finding, in implementation: Implementation) -> [SourceMarker] {
    (markers[implementation.name] ?? []).filter { $0.findings.contains(finding.id) }
  }

  /// The code that carries `finding` in `implementation`: each marked construct, without those nested in another
  /// one that carries it too, in file and line order.
  public func code(of finding: Finding, in implementation: Implementation) -> [SourceMarker] {
    SourceMarkers.outermost(markers(of: finding, in: implementation))
  }

  /// The Python code that carries `finding` in `app`, as ``code(of:in:)`` gives the Swift code.
  public func pythonCode(of finding: Finding, in app: PythonApps.App) -> [SourceMarker] {
    SourceMarkers.outermost((pythonMarkers[app.name] ?? []).filter { $0.findings.contains(finding.id) })
  }

  /// How many findings `implementation` shows with `verdict`.
  public func count(_ verdict: Observation.Verdict, on implementation: Implementation) -> Int {
    findings.filter { observation($0, implementation).verdict == verdict }.count
  }
}
