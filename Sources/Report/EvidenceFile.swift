/// `case-study/EVIDENCE.md`, rendered from the figures file (`case-study/EVIDENCE.json`): the robustness figures
/// (checked by the tests), then the real-stack and in-memory throughput and low-stock alerts timings of the last run
/// that measured each (never asserted). A section the figures lack is left out.
public enum EvidenceFile {
  /// The whole file.
  public static func markdown(_ figures: EvidenceFigures) -> String {
    var sections = [
      [
        "# Evidence that the fix holds",
        "",
        "Written by `swift run -c release bench --output \(Evidence.figuresPath)` from the figures it measured, "
          + "kept in [`EVIDENCE.json`](EVIDENCE.json); the robustness section is checked against a fresh run by "
          + "the test suite, every other section is what the last run that measured it printed.",
      ].joined(separator: "\n")
    ]
    if let robustness = figures.robustness { sections.append(robustness.markdown) }
    if let creates = figures.realStackCreateProduct { sections.append(creates.markdown) }
    if let alerts = figures.realStackAlerts { sections.append(alerts.markdown) }
    if let creates = figures.inMemoryCreateProduct { sections.append(creates.markdown) }
    if let alerts = figures.inMemoryAlerts { sections.append(alerts.markdown) }
    return sections.joined(separator: "\n\n") + "\n"
  }

  /// `value` rounded to two decimals, e.g. `0.35`.
  public static func hundredths(_ value: Double) -> String {
    String((value * 100).rounded() / 100)
  }

  /// `value` rounded to one decimal, e.g. `26.4`.
  public static func tenths(_ value: Double) -> String {
    String((value * 10).rounded() / 10)
  }

  /// `value` rounded to a whole number, e.g. a throughput in requests per second.
  public static func whole(_ value: Double) -> String {
    String(Int(value.rounded()))
  }

  /// How many times faster `fast` is than `slow` (both times), cut to a whole number.
  public static func timesFaster(_ slow: Double, than fast: Double) -> String {
    String(Int(slow / fast))
  }
}
