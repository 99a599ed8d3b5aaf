import Findings
import Report
import RequestLayer
import Submissions

/// Create-product throughput of the original and the fix, single task and 8 concurrent tasks, with and without
/// SKU collisions; prints requests per second and the fix/original ratio and answers the figures.
enum CreateProductBenchmark {
  static let requests = 20_000

  /// Measures every scenario and prints each as it finishes.
  static func run() async -> EvidenceFigures.InMemoryCreateProduct {
    var scenarios: [EvidenceFigures.InMemoryCreateProduct.Scenario] = []
    for tasks in [1, 8] {
      for collisions in [false, true] {
        let original = await throughput(Registry.original, tasks: tasks, collisions: collisions)
        let fixed = await throughput(Registry.fixed, tasks: tasks, collisions: collisions)
        let scenario = EvidenceFigures.InMemoryCreateProduct.Scenario(
          tasks: tasks, collidingSkus: collisions, original: original, fixed: fixed)
        scenarios.append(scenario)
        print(
          "create-product, \(scenario.label): original \(EvidenceFile.whole(original)) req/s, "
            + "fixed \(EvidenceFile.whole(fixed)) req/s, "
            + "ratio \(EvidenceFile.hundredths(fixed / original))")
      }
    }
    return EvidenceFigures.InMemoryCreateProduct(
      machine: Machine.description, requestsPerRun: requests, scenarios: scenarios)
  }

  /// Requests per second for `requests` valid creates (over 100 SKUs when `collisions`) on a fresh store.
  static func throughput(_ implementation: Implementation, tasks: Int, collisions: Bool) async -> Double {
    let store = implementation.makeStore()
    try! Fixture.demo.load(into: store)
    let bodies = (0..<requests).map { ProductBody.json(["sku": "\"B-\(collisions ? $0 % 100 : $0)\""]) }
    let clock = ContinuousClock()
    let elapsed = await clock.measure {
      await withTaskGroup(of: Void.self) { group in
        for task in 0..<tasks {
          group.addTask {
            for index in stride(from: task, to: requests, by: tasks) {
              _ = implementation.handle(.post("/api/products", body: bodies[index], as: Fixture.acmeUser), on: store)
            }
          }
        }
      }
    }
    return Double(requests) / elapsed.seconds
  }
}
