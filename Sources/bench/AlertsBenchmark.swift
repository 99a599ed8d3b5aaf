/// Low-stock alerts latency on a large store, original against fix (issue 6 replaces this placeholder).
enum AlertsBenchmark {
  /// A markdown paragraph with the figures, or a note that they are not measured yet.
  static func run() -> String {
    let note = "Low-stock alerts: not measured yet (the alerts endpoint is not implemented)."
    print(note)
    return note
  }
}
