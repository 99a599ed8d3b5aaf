import Findings
import Foundation
import Submissions

// Benchmarks and evidence figures: `swift run -c release bench [--output case-study/EVIDENCE.md]`
// (`--throughput-only` skips the robustness runs and `--alerts-only` the create-product ones, for profiling).
// Prints figures and ratios; asserts nothing. With --output, also writes the figures as markdown, with the
// deterministic robustness figures that the test suite checks and the throughput measured on this machine.
let arguments = CommandLine.arguments.dropFirst()
let output = arguments.firstIndex(of: "--output").flatMap {
  arguments.index(after: $0) < arguments.endIndex ? arguments[arguments.index(after: $0)] : nil
}

let throughputOnly = arguments.contains("--throughput-only") || arguments.contains("--alerts-only")
let robustness =
  throughputOnly
  ? nil : try await RobustnessFigures.measure(original: Registry.original, fixed: Registry.fixed)
if let robustness { print(robustness.markdown) }
let alertsOnly = arguments.contains("--alerts-only")
if let index = arguments.firstIndex(of: "--companies"), let count = Int(arguments[arguments.index(after: index)]) {
  AlertsBenchmark.companies = count
}
let creates = alertsOnly ? [] : await CreateProductBenchmark.run()
let alerts = AlertsBenchmark.run()

if let output, let robustness {
  var lines = [
    "# Evidence that the fix holds",
    "",
    "Written by `swift run -c release bench --output case-study/EVIDENCE.md`; the robustness section is checked "
      + "against a fresh run by the test suite, the throughput section is what the last run measured.",
    "",
    robustness.markdown,
    "## Throughput",
    "",
    "Measured on \(Machine.description), release build, \(CreateProductBenchmark.requests) valid creates per run.",
    "",
    "| scenario | original (req/s) | fixed (req/s) | fixed / original |",
    "|---|---|---|---|",
  ]
  lines += creates.map {
    "| \($0.scenario) | \(Int($0.original)) | \(Int($0.fixed)) | \(CreateProductBenchmark.format($0.ratio)) |"
  }
  lines += ["", alerts, ""]
  try lines.joined(separator: "\n").write(toFile: output, atomically: true, encoding: .utf8)
  print("wrote \(output)")
}
