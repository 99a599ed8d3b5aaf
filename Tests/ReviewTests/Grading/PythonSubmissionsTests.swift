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
