import RequestLayer

/// The alerts endpoint's query parameters, checked: the recent-sales window and the page.
struct AlertsQuery {  // finding: alerts-unsorted-unpaginated
  /// How many days count as "recent" for sales (1 to 365, default 30).
  let days: Int
  /// How many alerts a page holds (1 to 500, default 50).
  let limit: Int
  /// How many alerts to skip (0 or more, default 0).
  let offset: Int

  static let bounds: [(name: String, range: ClosedRange<Int>, fallback: Int)] = [
    ("days", 1...365, 30), ("limit", 1...500, 50), ("offset", 0...1_000_000, 0),
  ]

  init(_ query: [String: String]) throws(ClientError) {
    if let unknown = query.keys.sorted().first(where: { key in !Self.bounds.contains { $0.name == key } }) {
      throw ClientError(field: unknown, "\(unknown) is not a parameter; expected days, limit, offset")
    }
    var values: [String: Int] = [:]
    for (name, range, fallback) in Self.bounds {
      guard let text = query[name] else {
        values[name] = fallback
        continue
      }
      guard text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }), let value = Int(text),
        range.contains(value)
      else {
        throw ClientError(field: name, "\(name) must be an integer from \(range.lowerBound) to \(range.upperBound)")
      }
      values[name] = value
    }
    days = values["days"]!
    limit = values["limit"]!
    offset = values["offset"]!
  }
}
