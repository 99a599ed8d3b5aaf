import RequestLayer
import Store

/// Whether a submission does the job at all, checked before its findings are scored, on the endpoints it serves:
/// valid creates (with and without `initial_quantity`, several SKUs, both warehouses of company 1) answer 2xx and
/// store exactly what was sent, and a low-stock product that sells appears in its company's alerts.
///
/// A submission that fails any check is graded broken: refusing everything must never look like fixing everything.
/// A check the harness could not make (see ``Check/checked``) neither passes nor fails. The baseline also records
/// the choices the brief leaves open (whether `initial_quantity` is required, whether a price of 0 is valid);
/// either answer passes when it is clean.
///
/// Its JSON (`Encodable`) is `passed`, `checks[]` (`name`, `passed`, `observed`, and `checked: false` for a check
/// not made) and `choices[]` (`question`, `answer`).
public struct Baseline: Sendable, Hashable, Encodable {
  /// One check: what was asked, whether the submission did it, and what was seen.
  ///
  /// Its JSON is `name`, `passed` and `observed`, with `checked: false` for a check that could not be made.
  public struct Check: Sendable, Hashable, Encodable {
    public let name: String
    /// Whether the submission did it; `false` too for a check that could not be made.
    public let passed: Bool
    public let observed: String
    /// Whether the harness could make the check: `false` when what it needs is kept where the harness cannot
    /// write it (sales in tables of the submission's own design, say). Such a check neither passes nor fails the
    /// baseline: a submission is not broken for what the harness could not try.
    public let checked: Bool

    public init(name: String, passed: Bool, observed: String, checked: Bool = true) {
      self.name = name
      self.passed = passed && checked
      self.observed = observed
      self.checked = checked
    }

    enum CodingKeys: String, CodingKey {
      case name, passed, observed, checked
    }

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(name, forKey: .name)
      try container.encode(passed, forKey: .passed)
      try container.encode(observed, forKey: .observed)
      if !checked { try container.encode(false, forKey: .checked) }
    }
  }

  /// A choice the brief leaves open, and the one the submission made.
  public struct Choice: Sendable, Hashable, Encodable {
    public let question: String
    public let answer: String

    public init(question: String, answer: String) {
      self.question = question
      self.answer = answer
    }
  }

  public let checks: [Check]
  public let choices: [Choice]

  public init(checks: [Check], choices: [Choice]) {
    self.checks = checks
    self.choices = choices
  }

  /// Whether every check that could be made passed.
  public var passed: Bool { failed.isEmpty }

  /// The checks that were made and failed, in order.
  public var failed: [Check] { checks.filter { $0.checked && !$0.passed } }

  /// The checks that could not be made, in order.
  public var unchecked: [Check] { checks.filter { !$0.checked } }

  enum CodingKeys: String, CodingKey {
    case passed, checks, choices
  }

  /// The verdict (`passed`), then the checks and the choices.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(passed, forKey: .passed)
    try container.encode(checks, forKey: .checks)
    try container.encode(choices, forKey: .choices)
  }

  /// Runs the checks of the endpoints `deployment` serves against fresh starts of it; a harness failure fails the
  /// check it interrupted, except an alerts scenario the harness could not set up, which is not checked. A
  /// deployment serving neither endpoint fails a check saying so.
  public static func run(against deployment: some Deployment) -> Baseline {
    var checks: [Check] = []
    var choices: [Choice] = []
    if deployment.endpoints.contains(.createProduct) {
      do {
        let trial = try Trial(deployment)
        for create in BaselineCreate.all {
          let (check, choice) = attempt(create.checkName) { try create.run(on: trial) }
          checks.append(check)
          choices += choice.map { [$0] } ?? []
        }
        let (_, priceChoice) = attempt("a price of 0") { try BaselineCreate.zeroPriceChoice(on: trial) }
        choices += priceChoice.map { [$0] } ?? []
      } catch {
        checks += BaselineCreate.all.map {
          Check(name: $0.checkName, passed: false, observed: "could not start: \(error)")
        }
      }
    }
    if deployment.endpoints.contains(.lowStockAlerts) {
      checks.append(attempt(lowStockAlertName) { (try lowStockAlert(deployment), nil) }.0)
    }
    if deployment.endpoints.isEmpty {
      checks.append(
        Check(
          name: endpointsName, passed: false,
          observed: "serves neither " + Endpoint.allCases.map(\.rawValue).joined(separator: " nor ")
            + servedInstead(deployment.routes)))
    }
    return Baseline(checks: checks, choices: choices)
  }

  /// What a deployment serving neither endpoint serves instead, as the end of the check's sentence.
  static func servedInstead(_ routes: [String]?) -> String {
    guard let routes else { return "." }
    guard !routes.isEmpty else {
      return "; it serves no route at all (are its routes registered by another module, one that imports the app?)."
    }
    return "; it serves " + routes.joined(separator: ", ") + "."
  }

  static let lowStockAlertName = "a low-stock product that sells appears in its company's alerts"
  static let endpointsName = "serves the case study's endpoints"

  /// Runs one check, turning a harness failure into a failed check that says what went wrong.
  private static func attempt(
    _ name: String, _ body: () throws -> (Check, Choice?)
  ) -> (Check, Choice?) {
    do {
      return try body()
    } catch {
      return (Check(name: name, passed: false, observed: "could not run: \(error)"), nil)
    }
  }

  /// Acme's product, low on stock in Acme Main and selling there daily, must be in Acme's alerts. Where the schema
  /// has no `sales` table the sales cannot be written, so a missing alert is not held against the submission: it
  /// may keep its sales in tables of its own, and the check is not made. Sales written as its orders and their lines
  /// are the harness's reading of those tables (the app may count only orders of a status the harness cannot know),
  /// so there too a missing alert is not checked, while an alert found is.
  private static func lowStockAlert(_ deployment: some Deployment) throws -> Check {
    let scenario = AlertsScenario(try Trial(deployment))
    let product: Int
    do {
      product = try scenario.lowStock("Baseline Bolt", sku: "BASE-1", threshold: 10, stock: 2, perDay: 1)
    } catch {
      return Check(
        name: lowStockAlertName, passed: false,
        observed: "the harness could not write a low-stock product that sells into the schema (\(error)), so the "
          + "alerts could not be checked; a `stockflow-mapping.json` (beside a single file, "
          + "`<name>.stockflow-mapping.json`) naming its tables and columns lets it.",
        checked: false)
    }
    let response = try scenario.alerts()
    let found = response.alertObjects.contains { $0["product_id"] == .integer(product) }
    let observed =
      "product \(product) holds 2 against a threshold of 10 and sells 1 a day; Acme's alerts answered "
      + "\(response.brief) with \(response.alertObjects.count) alert(s)"
    let unsure: String? =
      if !scenario.recordsSales {
        "the schema has no `sales` table to write its sales into"
      } else if let into = scenario.trial.system.standIns["sales"] {
        "its sales were written as \(into.joined(separator: " with ")) rows, as the harness reads those tables, and "
          + "it may count only some of them"
      } else { nil }
    guard response.isSuccess, !found, let unsure else {
      return Check(
        name: lowStockAlertName, passed: response.isSuccess && found,
        observed: observed + (found ? ", including it." : ", none of them for it."))
    }
    return Check(
      name: lowStockAlertName, passed: false,
      observed: observed + ", none of them for it; but \(unsure), so whether it alerts on a product that sells "
        + "could not be checked.",
      checked: false)
  }
}
