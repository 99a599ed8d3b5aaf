extension StringProtocol {
  /// The sentence without its closing period, to go on with a clause (`"…; but …"`) or inside parentheses.
  public var withoutClosingPeriod: SubSequence { dropLast(hasSuffix(".") ? 1 : 0) }
}
