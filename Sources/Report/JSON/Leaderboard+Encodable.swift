/// The leaderboard as JSON (through `ReportJSON`): an array with one object per submission, best first.
extension Leaderboard: Encodable {
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(entries)
  }
}

/// A graded submission is its full scorecard; one that could not be graded is `submission`, `status`
/// (`not graded`), `percent` (0) and `reason`.
extension Leaderboard.Entry: Encodable {
  enum CodingKeys: String, CodingKey {
    case submission, status, percent, reason
  }

  public func encode(to encoder: any Encoder) throws {
    switch self {
    case .graded(let card): try card.encode(to: encoder)
    case .failed(let name, let reason):
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(name, forKey: .submission)
      try container.encode("not graded", forKey: .status)
      try container.encode(0, forKey: .percent)
      try container.encode(reason, forKey: .reason)
    }
  }
}
