import CandidateSubmission
import Fixed
import Original
import RequestLayer

/// Every implementation the harness knows, in report-column order: the original, the fix, then submissions.
///
/// To grade another submission, add its module under `Sources/` and one line here.
public enum Registry {
  public static let all: [Implementation] = [
    Implementation(
      name: "original", summary: "The create-product handler as given in the case study, ported to Swift.",
      role: .original, sourceFolder: "original", schema: Original.schema, createProduct: Original.createProduct),
    Implementation(
      name: "fixed", summary: "The reference correction that resolves every finding.",
      role: .fixed, sourceFolder: "fixed", schema: Fixed.schema, createProduct: Fixed.createProduct,
      lowStockAlerts: Fixed.lowStockAlerts, routingErrors: Fixed.routingErrors),
    Implementation(
      name: "candidate",
      summary: "The candidate's proposed correction and low-stock alerts sketch, as their written answer gives them.",
      role: .submission, sourceFolder: "Sources/CandidateSubmission", schema: CandidateSubmission.schema,
      createProduct: CandidateSubmission.createProduct, lowStockAlerts: CandidateSubmission.lowStockAlerts),
  ]

  /// The implementation registered under `name`.
  public static func implementation(named name: String) -> Implementation? {
    all.first { $0.name == name }
  }

  /// The registered original.
  public static var original: Implementation { all.first { $0.role == .original }! }

  /// The registered fix.
  public static var fixed: Implementation { all.first { $0.role == .fixed }! }

  /// The candidate's answer: its create-product correction and its low-stock alerts sketch.
  public static var candidate: Implementation { implementation(named: "candidate")! }
}
