import Findings
import Report
import RequestLayer
import Submissions
import Testing

/// The `// finding:` markers and the catalog agree: every marker names a finding, every finding is marked.
@Suite("Finding markers in the source")
struct MarkerTests {
  @Test("Every marker names a catalogued finding", arguments: Registry.all)
  func markersNameCataloguedFindings(_ implementation: Implementation) throws {
    let markers = try SourceMarkers.scan(implementation.sourceFolder, root: packageRoot)
    for marker in markers {
      for id in marker.findings {
        #expect(Catalog.finding(id) != nil, "\(marker.file):\(marker.line) names unknown finding \(id)")
      }
    }
  }

  @Test("Every finding is marked where the fix resolves it", arguments: Catalog.all)
  func everyFindingIsMarkedInTheFix(_ finding: Finding) throws {
    let markers = try SourceMarkers.scan(Registry.fixed.sourceFolder, root: packageRoot)
    #expect(markers.contains { $0.findings.contains(finding.id) }, "no line of fixed/ is marked \(finding.id)")
  }

  /// The code under review is the original for create-product and the candidate's sketch for the alerts, which
  /// the case study gave no code for.
  @Test("Every finding is marked where the code under review has it", arguments: Catalog.all)
  func everyFindingIsMarkedInTheCodeUnderReview(_ finding: Finding) throws {
    let folder = (finding.endpoint == .createProduct ? Registry.original : Registry.candidate).sourceFolder
    let markers = try SourceMarkers.scan(folder, root: packageRoot)
    #expect(markers.contains { $0.findings.contains(finding.id) }, "no line of \(folder) is marked \(finding.id)")
  }

  @Test("Every Python marker names a catalogued finding", arguments: PythonApps.all)
  func pythonMarkersNameCataloguedFindings(_ app: PythonApps.App) throws {
    let markers = try SourceMarkers.scan(app.folder, root: packageRoot)
    #expect(!markers.isEmpty, "\(app.folder) has no `# finding:` marker")
    for marker in markers {
      for id in marker.findings {
        #expect(Catalog.finding(id) != nil, "\(marker.file):\(marker.line) names unknown finding \(id)")
      }
    }
  }

  @Test(
    "Every create-product finding is marked in the original and the fixed Python",
    arguments: Catalog.all.filter { $0.endpoint == .createProduct })
  func createProductFindingsAreMarkedInPython(_ finding: Finding) throws {
    let original = try SourceMarkers.scan(PythonApps.original.folder, root: packageRoot)
    #expect(
      original.contains { $0.findings.contains(finding.id) }, "no line of python/apps/original is marked \(finding.id)")
    let fixed = try SourceMarkers.scan(PythonApps.fixed.folder, root: packageRoot)
    #expect(fixed.contains { $0.findings.contains(finding.id) }, "no line of python/apps/fixed is marked \(finding.id)")
  }
}
