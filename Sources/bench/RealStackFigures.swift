import Foundation
import RealStack
import Report

/// The real-stack benchmarks together: a durable throwaway PostgreSQL, the create-product throughput and the
/// low-stock alerts.
enum RealStackFigures {
  /// Starts the real stack with durable commits, runs both benchmarks, stops it and answers both sections.
  static func measure() throws -> (
    creates: EvidenceFigures.RealStackCreateProduct, alerts: EvidenceFigures.RealStackAlerts
  ) {
    let stack = try RealStack.start(
      packageRoot: try PackageRoot.locate(), options: PostgresCluster.Options(durable: true))
    defer { stack.stop() }
    let creates = try RealCreateProductBenchmark.run(on: stack)
    let alerts = try RealAlertsBenchmark.run(on: stack)
    return (creates, alerts)
  }
}
