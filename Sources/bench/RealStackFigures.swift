import Foundation
import RealStack
import Report

/// The real-stack benchmarks together: a durable throwaway PostgreSQL, the create-product throughput and the
/// low-stock alerts, as one markdown section.
struct RealStackFigures {
  let creates: [RealCreateProductBenchmark.Figure]
  let alerts: [RealAlertsBenchmark.Figure]
  let plan: [String]

  /// Starts the real stack with durable commits, runs both benchmarks and stops it.
  static func measure() throws -> RealStackFigures {
    let stack = try RealStack.start(
      packageRoot: try PackageRoot.locate(), options: PostgresCluster.Options(durable: true))
    defer { stack.stop() }
    let creates = try RealCreateProductBenchmark.run(on: stack)
    let (alerts, plan) = try RealAlertsBenchmark.run(on: stack)
    return RealStackFigures(creates: creates, alerts: alerts, plan: plan)
  }

  var markdown: String {
    RealCreateProductBenchmark.markdown(creates) + "\n\n" + RealAlertsBenchmark.markdown(alerts, plan: plan)
  }
}
