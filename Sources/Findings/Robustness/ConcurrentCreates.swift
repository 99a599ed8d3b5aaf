import RequestLayer
import Store

/// Many create requests at once over a few SKUs, from several clients with their own connections and no
/// interleaving hook: what a race does to the stored rows, at scale.
public struct ConcurrentCreates: Sendable {
  public let implementation: String
  public let requests: Int
  public let distinctSKUs: Int
  /// How many clients sent the requests at once.
  public let clients: Int
  /// How many requests got each status.
  public let statuses: [Int: Int]
  public let products: Int
  public let inventoryRows: Int
  /// Products beyond one per SKU.
  public let duplicates: Int

  /// Requests that got a 2xx.
  public var succeeded: Int { statuses.filter { (200..<300).contains($0.key) }.values.reduce(0, +) }

  /// Sends `requests` create requests, cycling over `distinctSKUs` SKUs, from `clients` clients at once to one
  /// system started on the demo fixture.
  public static func perform(
    against deployment: some Deployment, requests: Int = 1_000, distinctSKUs: Int = 100, clients: Int = 8
  ) throws -> ConcurrentCreates {
    let system = try deployment.start(with: .demo)
    let create = Request.post("/api/products", body: ProductBody.json(["sku": "\"RACE-{n}\""]), as: Fixture.acmeUser)
    let statuses = try system.sendConcurrently(
      create, count: requests, clients: clients, numbering: "{n}", modulo: distinctSKUs)
    let snapshot = try system.snapshot()
    let products = snapshot.rows("products")
    return ConcurrentCreates(
      implementation: deployment.name, requests: requests, distinctSKUs: distinctSKUs, clients: clients,
      statuses: statuses, products: products.count, inventoryRows: snapshot.rows("inventory").count,
      duplicates: products.count - Set(products.map { $0["sku"] }).count)
  }
}
