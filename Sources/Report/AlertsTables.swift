extension EvidenceFigures.InMemoryAlerts {
  /// The in-memory alerts section: the store, one row per implementation (the candidate's sketch first, the fix
  /// second), and how many times faster the fix is.
  public var markdown: String {
    var lines = [
      "## Low-stock alerts in memory",
      "",
      "\(store.companies) companies, \(store.warehousesPerCompany) warehouses each, \(store.productsPerCompany) "
        + "products per company stocked in every one of its warehouses (\(store.inventoryRows) inventory rows), one "
        + "recent sale per product; the Swift ports on the in-memory store, median of \(requests) requests for "
        + "company 1's alerts.",
      "",
      "| implementation | time (ms) | alerts returned |",
      "|---|---|---|",
    ]
    lines += implementations.map {
      "| `\($0.implementation)` | \(EvidenceFile.tenths($0.medianSeconds * 1000)) | \($0.alerts) |"
    }
    if implementations.count == 2 {
      let faster = EvidenceFile.timesFaster(implementations[0].medianSeconds, than: implementations[1].medianSeconds)
      lines += ["", "The fix is \(faster) times faster (sketch time / fix time)."]
    }
    return lines.joined(separator: "\n")
  }
}

extension EvidenceFigures.RealStackAlerts {
  /// The real-stack alerts section: the store, one row per app with its median time, statements, rows read and
  /// response size, how many times faster the fix is, and the plan of the fix's main query.
  public var markdown: String {
    var lines = [
      "## Low-stock alerts on the real stack",
      "",
      "`python/apps/candidate` (the candidate's sketch) and `python/apps/fixed` on PostgreSQL with the same large "
        + "store as below (\(store.companies) companies × \(store.warehousesPerCompany) warehouses × "
        + "\(store.productsPerCompany) products, \(store.inventoryRows) inventory rows, loaded by COPY and analyzed); "
        + "median of \(requests) requests for company 1's alerts (`limit=500`), timed inside the adapter. "
        + "Statements: what the request sent to the database; rows read: rows its SELECTs returned to the app.",
      "",
      "| implementation | time (ms) | statements sent | rows read | response (bytes) |",
      "|---|---|---|---|---|",
    ]
    lines += implementations.map {
      "| `\($0.implementation)` | \(EvidenceFile.tenths($0.medianSeconds * 1000)) | \($0.statements) "
        + "| \($0.rowsRead) | \($0.responseBytes) |"
    }
    if implementations.count == 2 {
      let faster = EvidenceFile.timesFaster(implementations[0].medianSeconds, than: implementations[1].medianSeconds)
      lines += ["", "On the real stack the fix is \(faster) times faster (sketch time / fix time)."]
    }
    lines += [
      "",
      "The fix's main query (stock below threshold, joined to warehouses and products), `EXPLAIN (ANALYZE, "
        + "BUFFERS, COSTS OFF)`, its per-node timings left out:",
      "",
      "```text",
    ]
    lines += fixPlan.map { $0.replacing(#/actual time=[0-9.]+\.\.[0-9.]+ /#, with: "") }
    lines.append("```")
    return lines.joined(separator: "\n")
  }
}
