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

  /// Sends `requests` create requests, cycling over `distinctSKUs` SKUs, all at once to one system started on the
  /// demo fixture.
  public static func perform(
    against deployment: some Deployment, requests: Int = 1_000, distinctSKUs: Int = 100
  ) async throws -> ConcurrentCreates {
    let system = try deployment.start(with: .demo)
    let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
      for index in 0..<requests {
        group.addTask {
          let body = ProductBody.json(["sku": "\"RACE-\(index % distinctSKUs)\""])
          return try system.respond(to: .post("/api/products", body: body, as: Fixture.acmeUser)).response.status
        }
      }
      return try await group.reduce(into: [Int: Int]()) { $0[$1, default: 0] += 1 }
    }
    let snapshot = try system.snapshot()
    let products = snapshot.rows("products")
    return ConcurrentCreates(
      implementation: deployment.name, requests: requests, distinctSKUs: distinctSKUs, statuses: statuses,
      products: products.count, inventoryRows: snapshot.rows("inventory").count,
      duplicates: products.count - Set(products.map { $0["sku"] }).count)
  }
}
