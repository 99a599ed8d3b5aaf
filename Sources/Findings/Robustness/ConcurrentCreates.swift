import RequestLayer
import Store

/// Many create requests at once through one real store, with real tasks and no interleaving hook.
public struct ConcurrentCreates: Sendable {
  public let implementation: String
  public let requests: Int
  public let distinctSKUs: Int
  /// How many requests got each status.
  public let statuses: [Int: Int]
  public let products: Int
  public let inventoryRows: Int
  /// Products beyond one per SKU.
  public let duplicates: Int

  /// Sends `requests` create requests, cycling over `distinctSKUs` SKUs, all at once.
  public static func perform(
    against implementation: Implementation, requests: Int = 1_000, distinctSKUs: Int = 100
  ) async -> ConcurrentCreates {
    let store = implementation.makeStore()
    try! Fixture.demo.load(into: store)
    let statuses = await withTaskGroup(of: Int.self) { group in
      for index in 0..<requests {
        group.addTask {
          let body = ProductBody.json(["sku": "\"RACE-\(index % distinctSKUs)\""])
          return implementation.handle(.post("/api/products", body: body, as: Fixture.acmeUser), on: store).status
        }
      }
      return await group.reduce(into: [Int: Int]()) { $0[$1, default: 0] += 1 }
    }
    let snapshot = store.snapshot()
    let products = snapshot.rows("products")
    return ConcurrentCreates(
      implementation: implementation.name, requests: requests, distinctSKUs: distinctSKUs, statuses: statuses,
      products: products.count, inventoryRows: snapshot.rows("inventory").count,
      duplicates: products.count - Set(products.map { $0["sku"] }).count)
  }
}
