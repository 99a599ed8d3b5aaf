import CommandLineTable
import Findings
import Foundation
import Report
import Submissions

/// The bench's command line, parsed and described from this one declaration (`swift run bench --help`).
let command = Command(
  "bench", abstract: "benchmarks and evidence figures",
  discussion: """
    Benchmarks and evidence figures: `swift run -c release bench [--output case-study/EVIDENCE.md]`.
    Prints figures and ratios; asserts nothing. With --output, also writes the figures as markdown, with the
    deterministic robustness figures that the test suite checks and the throughput measured on this machine.
    """,
  options: [
    .value("--output", "FILE", help: "also write the figures as markdown to FILE (not with --throughput-only)"),
    .flag("--throughput-only", help: "skip the robustness runs (for profiling)"),
    .flag("--alerts-only", help: "skip the robustness runs and the create-product benchmark (for profiling)"),
    .flag(
      "--real-stack",
      help: "also run the Python apps on PostgreSQL with durable commits: create-product throughput (original, "
        + "fixed) and low-stock alerts (candidate, fixed)"),
    .flag("--real-only", help: "run only the real-stack benchmarks (implies --real-stack; not with --output)"),
    .value(
      "--real-requests", "N", help: "creates per real-stack throughput run",
      default: String(RealCreateProductBenchmark.requests)),
    .value(
      "--companies", "N", help: "companies in the low-stock alerts benchmark",
      default: String(AlertsBenchmark.companies)),
  ])
let arguments = command.parseProcessArguments()
guard let companies = Int(arguments.value("--companies")!), companies > 0 else {
  FileHandle.standardError.write(Data(command.failure("--companies takes a positive number").utf8))
  exit(2)
}
guard let realRequests = Int(arguments.value("--real-requests")!), realRequests > 0 else {
  FileHandle.standardError.write(Data(command.failure("--real-requests takes a positive number").utf8))
  exit(2)
}
AlertsBenchmark.companies = companies
RealCreateProductBenchmark.requests = realRequests
let output = arguments.value("--output")

let realOnly = arguments.flag("--real-only")
let alertsOnly = arguments.flag("--alerts-only") || realOnly
let throughputOnly = arguments.flag("--throughput-only") || alertsOnly
let robustness =
  throughputOnly
  ? nil : try RobustnessFigures.measure(original: Registry.original, fixed: Registry.fixed)
if let robustness { print(robustness.markdown) }
let creates = alertsOnly ? [] : await CreateProductBenchmark.run()
let alerts = realOnly ? "" : AlertsBenchmark.run()
let real = arguments.flag("--real-stack") || realOnly ? try RealStackFigures.measure() : nil

if let output, let robustness {
  let markdown = EvidenceFile.markdown(
    robustness: robustness, realStack: real?.markdown, machine: Machine.description,
    requests: CreateProductBenchmark.requests, throughput: creates, alerts: alerts)
  try markdown.write(toFile: output, atomically: true, encoding: .utf8)
  print("wrote \(output)")
}
