import Findings

/// The report's Part 2 section: each constraint of the fix's schema violated on purpose on a fresh store, what the
/// store answered, and whether the original's schema declares the constraint at all.
enum SchemaChecksTable {
  static func render(_ run: ReviewRun) -> [String] {
    guard let fixed = run.implementations.first(where: { $0.role == .fixed }),
      let original = run.implementations.first(where: { $0.role == .original })
    else { return [] }
    let declaredByOriginal = Set(SchemaChecks.constraints(of: original.schema).map(\.name))
    var out = ["## Schema checks (Part 2)", ""]
    out.append(
      "Each constraint of the fix's schema ([`SCHEMA.md`](SCHEMA.md)) violated on purpose on a fresh store.")
    out.append("")
    out.append("| constraint | rule | the fix's store | the original's schema |")
    out.append("|---|---|---|---|")
    for check in SchemaChecks.run(on: fixed.schema) {
      out.append(
        "| `\(check.constraint)` | \(FindingText.cell(check.rule)) | \(check.refusedByName ? "refused" : "accepted") | "
          + (declaredByOriginal.contains(check.constraint) ? "declared" : "missing") + " |")
    }
    return out + [""]
  }
}
