/// A stored row: its primary key and its column values.
public struct Row: Hashable, Sendable {
  public let id: Int
  public var values: [String: Value]

  public init(id: Int, values: [String: Value]) {
    self.id = id
    self.values = values
  }

  /// The value of `column`, `NULL` when absent.
  public subscript(column: String) -> Value {
    column == "id" ? .int(id) : (values[column] ?? .null)
  }
}
