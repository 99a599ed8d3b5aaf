import Findings
import RequestLayer
import Store
import Testing

/// What the boundary tests need beyond `AlertsScenario`: sales to the second and suppliers that are not primary.
extension AlertsScenario {
  /// A sale of `quantity` units of `product` in `warehouse`, `secondsAgo` seconds before the requests' clock.
  func sale(_ product: Int, in warehouse: Int, _ quantity: Int, secondsAgo: Int) throws {
    _ = try trial.seed(
      "sales",
      [
        [
          "product_id": .int(product), "warehouse_id": .int(warehouse), "quantity": .int(quantity),
          "sold_at": .timestamp(Request.defaultTime - secondsAgo),
        ]
      ]
    ).ids()
  }

  /// A supplier of `product` for `company`, primary or not; returns what the database did with the link.
  @discardableResult
  func supplier(_ product: Int, company: Int = 1, name: String, primary: Bool) throws -> Seeding {
    let supplier = try trial.seed(
      "suppliers", [["name": .text(name), "contact_email": .text("orders@\(name.lowercased()).test")]]
    ).ids()[0]
    return try trial.seed(
      "supplier_products",
      [
        [
          "supplier_id": .int(supplier), "product_id": .int(product), "company_id": .int(company),
          "is_primary": .bool(primary),
        ]
      ])
  }
}

/// One side of an edge: the value sent, and whether the fix must accept it.
struct Side: Sendable, CustomTestStringConvertible {
  let value: String
  let accepted: Bool

  static func accepted(_ value: String) -> Side { Side(value: value, accepted: true) }
  static func refused(_ value: String) -> Side { Side(value: value, accepted: false) }

  var testDescription: String { "\(value) (\(accepted ? "accepted" : "refused"))" }
}

extension AlertsScenario {
  /// `count` products of company 1, each with threshold 10, 1 unit in warehouse 1 and one sale yesterday: `count`
  /// alerts, seeded a table at a time.
  func manyLowStock(_ count: Int) throws {
    let products = try trial.seed(
      "products",
      (1...count).map { index in
        [
          "name": .text("Item \(index)"), "sku": .text("M-\(index)"), "price": .int(10), "company_id": .int(1),
          "low_stock_threshold": .int(10), "created_at": .timestamp(Request.defaultTime),
          "updated_at": .timestamp(Request.defaultTime),
        ]
      }
    ).ids()
    _ = try trial.seed(
      "inventory", products.map { ["product_id": .int($0), "warehouse_id": .int(1), "quantity": .int(1)] }
    ).ids()
    _ = try trial.seed(
      "sales",
      products.map {
        [
          "product_id": .int($0), "warehouse_id": .int(1), "quantity": .int(1),
          "sold_at": .timestamp(Request.defaultTime - 86_400),
        ]
      }
    ).ids()
  }
}
