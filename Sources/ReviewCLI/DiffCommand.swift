import CommandLineTable
import Findings
import Foundation
import Report
import Submissions

/// `review diff [<id>]`: the paired code of one finding, or the whole original/fixed diff with tagged hunks.
enum DiffCommand {
  static let command = Command(
    "diff", abstract: "the paired code of a finding, or the whole original/fixed diff",
    discussion: """
      With an id: in every implementation, each whole construct (statement, guard, declaration, column) that carries
      that finding's `// finding:` marker, and the same file's functions it calls, with file:line. Without: the
      unified diff of original/ and fixed/, each changed range tagged with the findings whose marked constructs it
      touches. With --python, the same for the Python apps: python/apps/original against python/apps/fixed
      (views.py paired with products.py), then python/apps/candidate's alerts against the fixed alerts.py; with an
      id, the `# finding:` constructs of each Python app.
      """,
    options: [.flag("--python", help: "the Python apps under python/apps instead of the Swift ports")],
    arguments: [.optional("<id>", help: "a finding id, as `review list` prints them")])

  @Sendable static func run(_ parsed: ParsedArguments, _ environment: CommandEnvironment) throws -> CommandResult {
    let root = try PackageRoot.locate(from: environment.currentDirectory)
    if parsed.flag("--python") { return try python(parsed.argument("<id>"), root: root) }
    guard let id = parsed.argument("<id>") else {
      return CommandResult(
        output: try PairedDiff.render(Registry.original.sourceFolder, Registry.fixed.sourceFolder, root: root))
    }
    let finding = try ReviewCommand.finding(id)
    let sides = try Registry.all.map { implementation in
      let markers = SourceMarkers.outermost(
        try SourceMarkers.scan(implementation.sourceFolder, root: root).filter { $0.findings.contains(finding.id) })
      return (implementation: implementation.name, markers: markers)
    }
    return CommandResult(output: CommandText.pairedCode(finding, sides))
  }

  /// `review diff --python [<id>]`.
  static func python(_ id: String?, root: URL) throws -> CommandResult {
    guard let id else {
      let create = try PairedDiff.render(
        PythonApps.original.folder, PythonApps.fixed.folder, root: root, language: .python,
        renames: PythonApps.originalRenames, only: ["__init__.py", "models.py", "products.py"])
      let alerts = try PairedDiff.render(
        PythonApps.candidate.folder, PythonApps.fixed.folder, root: root, language: .python,
        renames: PythonApps.candidateRenames, only: ["alerts.py"])
      return CommandResult(output: create + alerts)
    }
    let finding = try ReviewCommand.finding(id)
    let sides = try PythonApps.all.map { app in
      (
        implementation: app.folder,
        markers: SourceMarkers.outermost(
          try SourceMarkers.scan(app.folder, root: root).filter { $0.findings.contains(finding.id) })
      )
    }
    return CommandResult(output: CommandText.pairedCode(finding, sides))
  }
}
