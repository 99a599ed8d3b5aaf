import Store

/// Units of each product sold per warehouse in the recent window, counting what bundles containing it used up.
///
/// A bundle sold is its components sold: selling 3 of a bundle holding 2 of a component uses 6 of that component,
/// through bundles of bundles too. Only sales in the company's own warehouses count.
struct SalesDemand {  // finding: alerts-fake-sales-rate, alerts-no-recent-sales-filter
  /// Units per product id, per warehouse id.
  private(set) var units: [Int: [Int: Int]] = [:]
  /// Products that are bundles: their stock is their components', so they are not judged on their own.
  private(set) var bundles: Set<Int> = []

  init(products: [Int], warehouses: Set<Int>, since: Int, _ db: Session) throws(StoreError) {
    // Walk up from the products to every bundle that contains them, remembering each containment.
    var containedIn: [Int: [(bundle: Int, quantity: Int)]] = [:]
    var frontier = Set(products)
    var seen = frontier
    while !frontier.isEmpty {
      let edges = try db.select("bundle_components", where: "component_id", in: frontier.sorted().map(Value.int))
      frontier = []
      for edge in edges {
        let (bundle, component) = (edge["bundle_id"].int!, edge["component_id"].int!)
        containedIn[component, default: []].append((bundle, edge["quantity"].int!))
        if seen.insert(bundle).inserted { frontier.insert(bundle) }
      }
    }
    bundles = Set(
      try db.select("bundle_components", where: "bundle_id", in: products.map(Value.int)).map { $0["bundle_id"].int! })
    let sales = try db.select("sales", where: "product_id", in: seen.sorted().map(Value.int)) { sale in
      sale["sold_at"].timestampSeconds.map { $0 >= since } == true && warehouses.contains(sale["warehouse_id"].int!)
    }
    var sold: [Int: [Int: Int]] = [:]
    for sale in sales {
      sold[sale["product_id"].int!, default: [:]][sale["warehouse_id"].int!, default: 0] += sale["quantity"].int!
    }
    for product in products {
      for (seller, multiplier) in Self.units(of: product, containedIn) {
        for (warehouse, quantity) in sold[seller] ?? [:] {
          units[product, default: [:]][warehouse, default: 0] += quantity * multiplier
        }
      }
    }
  }

  /// Each product whose sale uses up `product` (itself, and every bundle containing it), with how many units of
  /// `product` one sale uses.
  private static func units(of product: Int, _ containedIn: [Int: [(bundle: Int, quantity: Int)]]) -> [Int: Int] {
    var result: [Int: Int] = [product: 1]
    var stack = [(product, 1)]
    while let (current, multiplier) = stack.popLast() {
      for (bundle, quantity) in containedIn[current] ?? [] {
        result[bundle, default: 0] += multiplier * quantity
        stack.append((bundle, multiplier * quantity))
      }
    }
    return result
  }

  /// Units of `product` sold in `warehouse` in the window.
  func sold(_ product: Int, in warehouse: Int) -> Int { units[product]?[warehouse] ?? 0 }

  /// Whether `product` sold anywhere in the company in the window.
  func isActive(_ product: Int) -> Bool { (units[product]?.values.reduce(0, +) ?? 0) > 0 }
}

extension Value {
  var timestampSeconds: Int? {
    if case .timestamp(let seconds) = self { return seconds }
    return nil
  }
}
