/// Low-stock alerts latency on a large store, original against fix (issue 6 replaces this placeholder).
enum AlertsBenchmark {
  static func run() {
    print("alerts benchmark: not measured yet")
  }
}
