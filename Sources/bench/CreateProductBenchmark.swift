/// Create-product throughput, original against fix (issue 5 replaces this placeholder).
enum CreateProductBenchmark {
  static func run() {
    print("create-product benchmark: not measured yet")
  }
}
