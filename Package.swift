// swift-tools-version:6.0
import PackageDescription

/// The StockFlow case-study review harness.
///
/// The target graph is the architecture: a transactional in-memory `Store`, the Flask-like `RequestLayer` around
/// handlers, the handlers themselves (`Original`, `Fixed`, submissions), the `Findings` catalog with its probes
/// (which reach an implementation only through `Deployment`), the `Submissions` registry of implementations and
/// their in-process deployment, the `Report` that renders everything, the `RealStack` that runs the Python under review on a real PostgreSQL, the
/// `Conformance` check that holds the ports to it, and the `review` / `bench` executables, whose command lines are
/// declared as tables in `CommandLineTable`.
let package = Package(
  name: "StockFlowReview",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "review", targets: ["review"]),
    .executable(name: "bench", targets: ["bench"]),
  ],
  targets: [
    .target(name: "Store"),
    .target(name: "RequestLayer", dependencies: ["Store"]),
    .target(name: "Original", dependencies: ["Store", "RequestLayer"], path: "original"),
    .target(name: "Fixed", dependencies: ["Store", "RequestLayer"], path: "fixed"),
    .target(name: "CandidateSubmission", dependencies: ["Store", "RequestLayer"]),
    .target(
      name: "Submissions",
      dependencies: ["Store", "RequestLayer", "Findings", "Original", "Fixed", "CandidateSubmission"]),
    .target(name: "Findings", dependencies: ["Store", "RequestLayer"]),
    .target(name: "RealStack", dependencies: ["Store", "RequestLayer", "Findings"]),
    .target(name: "Conformance", dependencies: ["Store", "RequestLayer", "Findings"]),
    .target(
      name: "Report", dependencies: ["Store", "RequestLayer", "Findings", "Submissions", "Conformance", "RealStack"]),
    .target(name: "CommandLineTable"),
    .target(
      name: "ReviewCLI",
      dependencies: [
        "CommandLineTable", "Report", "Findings", "Submissions", "RequestLayer", "Store", "RealStack", "Conformance",
      ]),
    .executableTarget(name: "review", dependencies: ["ReviewCLI"]),
    .executableTarget(
      name: "bench",
      dependencies: [
        "CommandLineTable", "Store", "RequestLayer", "Findings", "Submissions", "RealStack", "Report",
      ]),
    .testTarget(
      name: "ReviewTests",
      dependencies: [
        "Store", "RequestLayer", "Fixed", "Submissions", "Findings", "Report",
        "ReviewCLI", "CommandLineTable", "RealStack", "Conformance",
      ]
    ),
  ],
  swiftLanguageModes: [.v6]
)
