import Findings
import Foundation
import RealStack
import Report
import Testing

/// The concurrent creates of the robustness runs, on the Python apps: the adapter's client threads each hold their
/// own PostgreSQL connection, so the race is PostgreSQL's, not the harness's. Opt-in (`STOCKFLOW_REAL_STACK=1`).
@Suite(
  "Opt-in (STOCKFLOW_REAL_STACK=1): concurrent creates with colliding SKUs on PostgreSQL",
  .realStackOptIn, .serialized)
struct RealStackConcurrency {
  /// 1,000 creates over 100 SKUs from 8 connections against the Python app at `path`.
  static func run(_ path: String) throws -> ConcurrentCreates {
    let stack = try RealStack.start(packageRoot: try PackageRoot.locate())
    defer { stack.stop() }
    let app = try PythonDeployment(name: path, path: path, on: stack)
    defer { app.close() }
    return try ConcurrentCreates.perform(against: app)
  }

  @Test func pythonFixCreatesEachSKUOnceAndAnswersEveryOtherRequest409() throws {
    let run = try Self.run("apps/fixed")
    #expect(run.products == 100)
    #expect(run.inventoryRows == 100)
    #expect(run.duplicates == 0)
    #expect(run.statuses == [201: 100, 409: 900], "statuses: \(run.statuses)")
  }

  @Test func pythonOriginalCreatesDuplicates() throws {
    let run = try Self.run("apps/original")
    withKnownIssue("the original creates \(run.duplicates) duplicate products on PostgreSQL") {
      #expect(run.duplicates == 0)
    }
  }
}
