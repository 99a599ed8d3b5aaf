/// A stored row: its primary key and its column values.
public struct Row: Hashable, Sendable {
  public let id: Int
  public var values: [String: Value]
  /// The scale of each exact-decimal column, so that a `numeric(10, 2)` of 5 prints `5.00`, as PostgreSQL prints
  /// it (Foundation's `Decimal` keeps no trailing zeros).
  public var scales: [String: Int]

  public init(id: Int, values: [String: Value], scales: [String: Int] = [:]) {
    self.id = id
    self.values = values
    self.scales = scales
  }

  /// The text of `column`'s value for evidence: its description, with a decimal written to its column's scale.
  public func text(_ column: String) -> String {
    let value = self[column]
    guard case .decimal(let decimal) = value, !decimal.isNaN, let scale = scales[column], scale > 0 else {
      return value.description
    }
    var digits = decimal.description
    let fraction = digits.firstIndex(of: ".").map { digits.distance(from: $0, to: digits.endIndex) - 1 } ?? -1
    if fraction < 0 { digits += "." }
    return digits + String(repeating: "0", count: max(0, scale - max(fraction, 0)))
  }

  /// The value of `column`, `NULL` when absent.
  public subscript(column: String) -> Value {
    column == "id" ? .int(id) : (values[column] ?? .null)
  }
}
