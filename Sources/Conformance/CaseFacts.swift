import Findings
import RequestLayer
import Store

/// What one request did on a fresh system, as the corpus comparison sees it: status, the kind of body, the class of
/// the uncaught error, how many error records it logged, and the rows it left.
public struct CaseFacts: Hashable, Sendable {
  public let status: Int
  /// `json`, `html` or the content type's own name.
  public let kind: String
  public let errorClass: String?
  /// Records at level `ERROR` or above the app logged: one per server failure, none for a client mistake.
  public let errorsLogged: Int
  /// Every row added, changed or removed, printed as the evidence prints it.
  public let changes: [String]

  public init(_ exchange: Exchange, before: Snapshot) {
    status = exchange.response.status
    let type = exchange.response.headers["Content-Type"] ?? "none"
    kind = type.hasPrefix("application/json") ? "json" : type.hasPrefix("text/html") ? "html" : type
    errorClass = exchange.response.uncaughtError.map(ObservationFacts.errorClass)
    errorsLogged = exchange.log.filter { $0.level >= .error }.count
    changes = exchange.after.changes(since: before).map(\.description)
  }

  /// The aspects in which `other` differs, each with both sides, e.g. `status 500 vs 200`; `stored rows` is named
  /// without its values, which `rowDifference(from:)` gives.
  public func differences(from other: CaseFacts) -> [String] {
    var out: [String] = []
    if status != other.status { out.append("status \(status) vs \(other.status)") }
    if kind != other.kind { out.append("body \(kind) vs \(other.kind)") }
    if errorClass != other.errorClass {
      out.append("uncaught \(errorClass ?? "nothing") vs \(other.errorClass ?? "nothing")")
    }
    if errorsLogged != other.errorsLogged { out.append("errors logged \(errorsLogged) vs \(other.errorsLogged)") }
    if changes != other.changes {
      out.append(changes.count == other.changes.count ? "stored values" : "row counts")
    }
    return out
  }

  /// The rows only one side holds, both sides shown.
  public func rowDifference(from other: CaseFacts) -> String {
    let mine = changes.filter { !other.changes.contains($0) }
    let theirs = other.changes.filter { !changes.contains($0) }
    return "[\(mine.joined(separator: "; "))] vs [\(theirs.joined(separator: "; "))]"
  }
}
