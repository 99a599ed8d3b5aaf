import Foundation
import Testing

extension Trait where Self == ConditionTrait {
  /// Runs the suite or test only with `STOCKFLOW_REAL_STACK=1`: it needs Python and PostgreSQL (`scripts/real-stack`
  /// sets it), which plain `swift test` must not.
  static var realStackOptIn: Self {
    .enabled(if: ProcessInfo.processInfo.environment["STOCKFLOW_REAL_STACK"] == "1")
  }
}
