/// One defect under review: what is wrong, why it matters, how it is fixed, and the probe that shows it.
///
/// The id is a stable slug used by `// finding:` markers, tests, the report and grading; the text exists here
/// and nowhere else.
public struct Finding: Sendable, Identifiable {
  public let id: String
  public let title: String
  public let severity: Severity
  public let category: Category
  public let endpoint: Endpoint
  /// The items of the candidate's written answer (numbered 1 to 10) that name this defect; empty when only a
  /// reviewer found it.
  public let candidateItems: [Int]
  /// What is wrong, in the code's own terms.
  public let problem: String
  /// What it costs in production.
  public let impact: String
  /// What the fix does.
  public let fix: String
  public let probe: Probe

  public init(
    id: String, title: String, severity: Severity, category: Category, endpoint: Endpoint = .createProduct,
    candidateItems: [Int] = [], problem: String, impact: String, fix: String, probe: Probe
  ) {
    self.id = id
    self.title = title
    self.severity = severity
    self.category = category
    self.endpoint = endpoint
    self.candidateItems = candidateItems
    self.problem = problem
    self.impact = impact
    self.fix = fix
    self.probe = probe
  }
}

/// How bad a finding is in production, most severe first.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
  case critical, high, medium, low

  /// The points a finding of this severity is worth when grading.
  public var weight: Int {
    switch self {
    case .critical: 8
    case .high: 4
    case .medium: 2
    case .low: 1
    }
  }

  public static func < (lhs: Severity, rhs: Severity) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}

/// The kind of defect.
public enum Category: String, Sendable, Codable, CaseIterable {
  case validation = "validation"
  case dataIntegrity = "data integrity"
  case concurrency = "concurrency"
  case security = "security"
  case apiContract = "API contract"
  case dataModel = "data model"
  case reliability = "reliability"
  case auditability = "auditability"
  case performance = "performance"
  case correctness = "correctness"
}

/// The part of the case study a finding belongs to.
public enum Endpoint: String, Sendable, Codable, CaseIterable {
  case createProduct = "POST /api/products"
  case lowStockAlerts = "GET /api/companies/{company_id}/alerts/low-stock"
}
