import Foundation
import Testing

@testable import ReviewCLI

@Suite("Finding Python submissions and their mapping files")
struct PythonSubmissionsTests {
  let samples = packageRoot.appendingPathComponent("submissions")

  @Test func aFolderOfSubmissionsListsEachByName() throws {
    let names = try PythonSubmissions.discover(samples).map(\.name)
    #expect(names.contains("candidate") && names.contains("strong") && names.contains("do-nothing"))
    #expect(names == names.sorted())
  }

  @Test func aPackageFolderIsOneSubmission() throws {
    let found = try PythonSubmissions.discover(samples.appendingPathComponent("strong"))
    #expect(found.map(\.name) == ["strong"])
  }

  @Test func aFlatAppFolderIsOneSubmissionLoadedByTheModuleThatBuildsTheApp() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("flat-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try "from flask_sqlalchemy import SQLAlchemy\ndb = SQLAlchemy()\n".write(
      to: folder.appendingPathComponent("models.py"), atomically: true, encoding: .utf8)
    try "print('no app here')\n".write(to: folder.appendingPathComponent("main.py"), atomically: true, encoding: .utf8)
    let app = folder.appendingPathComponent("app.py")
    try "from flask import Flask\nfrom models import db\napp = Flask(__name__)\nimport views\n".write(
      to: app, atomically: true, encoding: .utf8)
    try "from app import app\n\n@app.post('/api/products')\ndef create(): pass\n".write(
      to: folder.appendingPathComponent("views.py"), atomically: true, encoding: .utf8)
    let found = try PythonSubmissions.discover(folder)
    #expect(found.map(\.name) == [folder.lastPathComponent])
    #expect(found.map(\.path.lastPathComponent) == ["app.py"])
    #expect(PythonSubmissions.submission(at: folder) != nil)  // graded as one: a scorecard, not a leaderboard
    // An app.py that only holds what its neighbours' own apps use serves nothing: the folder is of submissions.
    try "from flask import Flask\nfrom models import db\napp = Flask(__name__)\n".write(
      to: app, atomically: true, encoding: .utf8)
    #expect(PythonSubmissions.submission(at: folder) == nil)
    #expect(try PythonSubmissions.discover(folder).map(\.name) == ["app", "main", "models", "views"])
  }

  @Test func aMappingThatRenamesAnUnknownTableNamesIt() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mapping-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try "".write(to: folder.appendingPathComponent("__init__.py"), atomically: true, encoding: .utf8)
    try #"{"tables": {"widgets": "widget"}}"#.write(
      to: folder.appendingPathComponent("stockflow-mapping.json"), atomically: true, encoding: .utf8)
    let submission = try #require(try PythonSubmissions.discover(folder).first)
    #expect(throws: SubmissionContractError.self) { try PythonSubmissions.mapping(of: submission) }
    do {
      _ = try PythonSubmissions.mapping(of: submission)
    } catch {
      #expect("\(error)".contains("maps the unknown table \"widgets\""))
    }
  }

  @Test func aPathThatIsNoSubmissionSaysWhatWasExpected() {
    #expect(throws: SubmissionContractError.self) {
      try PythonSubmissions.discover(packageRoot.appendingPathComponent("README.md"))
    }
  }
}
