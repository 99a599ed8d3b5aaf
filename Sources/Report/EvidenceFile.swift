import Findings

/// `case-study/EVIDENCE.md`, as the bench writes it: the robustness figures (checked by the tests), then the
/// throughput and low-stock alerts timings of the last run (never asserted).
public enum EvidenceFile {
  /// One create-product throughput scenario, in requests per second.
  public struct Throughput: Sendable {
    /// E.g. `8 tasks, SKU collisions`.
    public let scenario: String
    public let original: Double
    public let fixed: Double

    /// The fix's throughput over the original's.
    public var ratio: Double { fixed / original }

    /// A measured scenario.
    public init(scenario: String, original: Double, fixed: Double) {
      self.scenario = scenario
      self.original = original
      self.fixed = fixed
    }
  }

  /// One implementation's median time for one company's low-stock alerts on the large store.
  public struct AlertsTiming: Sendable {
    public let implementation: String
    public let seconds: Double
    /// How many alerts it returned.
    public let alerts: Int

    /// A measured timing.
    public init(implementation: String, seconds: Double, alerts: Int) {
      self.implementation = implementation
      self.seconds = seconds
      self.alerts = alerts
    }
  }

  /// The large store the alerts timings ran on.
  public struct AlertsStore: Sendable {
    public let companies: Int
    public let warehousesPerCompany: Int
    public let productsPerCompany: Int

    /// The store's shape.
    public init(companies: Int, warehousesPerCompany: Int, productsPerCompany: Int) {
      self.companies = companies
      self.warehousesPerCompany = warehousesPerCompany
      self.productsPerCompany = productsPerCompany
    }
  }

  /// The whole file: robustness, the real-stack sections when they were measured, throughput in memory on
  /// `machine` with `requests` creates per run, then the in-memory alerts section.
  public static func markdown(
    robustness: RobustnessFigures, realStack: String?, machine: String, requests: Int, throughput: [Throughput],
    alerts: String
  ) -> String {
    var lines = [
      "# Evidence that the fix holds",
      "",
      "Written by `swift run -c release bench --output case-study/EVIDENCE.md`; the robustness section is checked "
        + "against a fresh run by the test suite, the throughput section is what the last run measured.",
      "",
      robustness.markdown,
    ]
    if let realStack { lines += [realStack, ""] }
    lines += [
      "## Throughput in memory",
      "",
      "The Swift ports on the in-memory store, where a commit costs nothing (so the fix's extra statements are all "
        + "that shows): measured on \(machine), release build, \(requests) valid creates per run.",
      "",
      "| scenario | original (req/s) | fixed (req/s) | fixed / original |",
      "|---|---|---|---|",
    ]
    lines += throughput.map { "| \($0.scenario) | \(Int($0.original)) | \(Int($0.fixed)) | \(hundredths($0.ratio)) |" }
    lines += ["", alerts, ""]
    return lines.joined(separator: "\n")
  }

  /// The alerts section: the store, one row per implementation (the candidate's sketch first, the fix second), and
  /// how many times faster the fix is.
  public static func alertsMarkdown(_ store: AlertsStore, _ timings: [AlertsTiming]) -> String {
    var lines = [
      "## Low-stock alerts in memory", "",
      "\(store.companies) companies, \(store.warehousesPerCompany) warehouses each, \(store.productsPerCompany) "
        + "products per company stocked in every one of its warehouses "
        + "(\(store.companies * store.warehousesPerCompany * store.productsPerCompany) inventory rows), one recent "
        + "sale per product; the Swift ports on the in-memory store, median of 3 requests for company 1's alerts.",
      "", "| implementation | time (ms) | alerts returned |", "|---|---|---|",
    ]
    lines += timings.map { "| `\($0.implementation)` | \(tenths($0.seconds * 1000)) | \($0.alerts) |" }
    lines += ["", "The fix is \(Int(timings[0].seconds / timings[1].seconds)) times faster (sketch time / fix time)."]
    return lines.joined(separator: "\n")
  }

  /// `value` cut to two decimals, e.g. `0.35`.
  public static func hundredths(_ value: Double) -> String {
    String(Double(Int(value * 100)) / 100)
  }

  /// `value` cut to one decimal, e.g. `26.4`.
  public static func tenths(_ value: Double) -> String {
    String(Double(Int(value * 10)) / 10)
  }
}
