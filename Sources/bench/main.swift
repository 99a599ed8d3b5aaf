import CommandLineTable
import Findings
import Foundation
import Report
import Submissions

/// The bench's command line, parsed and described from this one declaration (`swift run bench --help`).
let command = Command(
  "bench", abstract: "benchmarks and evidence figures",
  discussion: """
    Benchmarks and evidence figures: `swift run -c release bench [--output case-study/EVIDENCE.json]`.
    Prints figures and ratios; asserts nothing. With --output, also records what this run measured in the
    figures file (JSON), keeping every section it did not measure as the file had it, and renders the whole file
    as markdown beside it (EVIDENCE.json gives EVIDENCE.md): the deterministic robustness figures that the test
    suite checks, and the throughput and timings measured on this machine.
    """,
  options: [
    .value(
      "--output", "FILE.json",
      help: "merge this run's figures into FILE.json and write its markdown rendering to FILE.md"),
    .flag("--throughput-only", help: "skip the robustness runs (with --output, the file keeps its robustness figures)"),
    .flag(
      "--alerts-only",
      help: "skip the robustness runs and the create-product benchmark (with --output, the file keeps their figures)"),
    .flag(
      "--real-stack",
      help: "also run the Python apps on PostgreSQL with durable commits: create-product throughput (original, "
        + "fixed, candidate; also with a synchronous standby and with commits delayed) and low-stock alerts "
        + "(candidate, fixed)"),
    .flag(
      "--real-only",
      help: "run only the real-stack benchmarks (implies --real-stack; with --output, the file keeps its other figures)"
    ),
    .value(
      "--real-requests", "N", help: "creates per real-stack throughput run",
      default: String(RealCreateProductBenchmark.requests)),
    .value(
      "--companies", "N", help: "companies in the low-stock alerts benchmarks",
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
let output = arguments.value("--output")
if let output, !output.hasSuffix(".json") {
  FileHandle.standardError.write(
    Data(command.failure("--output names the figures file, ending in .json (e.g. \(Evidence.figuresPath))").utf8))
  exit(2)
}
AlertsBenchmark.companies = companies
RealCreateProductBenchmark.requests = realRequests

let realOnly = arguments.flag("--real-only")
let alertsOnly = arguments.flag("--alerts-only") || realOnly
let throughputOnly = arguments.flag("--throughput-only") || alertsOnly
var measured = EvidenceFigures()
if !throughputOnly {
  let robustness = EvidenceFigures.Robustness(
    try RobustnessFigures.measure(original: Registry.original, fixed: Registry.fixed))
  print(robustness.markdown)
  measured.robustness = robustness
}
if !alertsOnly { measured.inMemoryCreateProduct = await CreateProductBenchmark.run() }
if !realOnly { measured.inMemoryAlerts = AlertsBenchmark.run() }
if arguments.flag("--real-stack") || realOnly {
  (measured.realStackCreateProduct, measured.realStackAlerts) = try RealStackFigures.measure()
}

if let output {
  let figuresFile = URL(fileURLWithPath: output)
  try Evidence.record(measured, to: figuresFile)
  print("wrote \(output) and \(Evidence.markdownFile(beside: figuresFile).relativePath)")
}
