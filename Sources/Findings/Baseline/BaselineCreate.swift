import Foundation
import RequestLayer
import Store

/// One valid create of the baseline, and how to tell that it stored exactly what was sent.
struct BaselineCreate: Sendable {
  let sku: String
  let name: String
  let price: String
  let warehouse: Int
  /// `nil` leaves the field out.
  let quantity: Int?

  /// Several SKUs over both of Acme's warehouses, with and without `initial_quantity`.
  static let all = [
    BaselineCreate(sku: "BASE-W1", name: "Widget", price: "19.99", warehouse: 1, quantity: 10),
    BaselineCreate(sku: "BASE-W2", name: "Gadget", price: "5.50", warehouse: 2, quantity: nil),
    BaselineCreate(sku: "BASE-W3", name: "Sprocket", price: "120", warehouse: 2, quantity: 7),
  ]

  init(sku: String, name: String, price: String, warehouse: Int, quantity: Int?) {
    self.sku = sku
    self.name = name
    self.price = price
    self.warehouse = warehouse
    self.quantity = quantity
  }

  /// The check's name, e.g. `create BASE-W1 in warehouse 1 with initial_quantity 10`.
  var checkName: String {
    "create \(sku) in warehouse \(warehouse) "
      + (quantity.map { "with initial_quantity \($0)" } ?? "without initial_quantity")
  }

  var body: String {
    ProductBody.json([
      "name": "\"\(name)\"", "sku": "\"\(sku)\"", "price": price, "warehouse_id": String(warehouse),
      "initial_quantity": quantity.map(String.init),
    ])
  }

  /// Sends the create and checks the rows it left; without `initial_quantity`, a clean 4xx naming it (the
  /// submission requires the field, a choice the brief leaves open) passes too.
  func run(on trial: Trial) throws -> (Baseline.Check, Baseline.Choice?) {
    let (response, changes) = try trial.createProductChanging(body)
    if quantity == nil, !response.isSuccess, changes.isEmpty, response.rejects(field: "initial_quantity") {
      return (
        Baseline.Check(
          name: checkName, passed: true, observed: "answered \(response.brief), writing nothing: the field is required."
        ),
        Baseline.Choice(
          question: "Is initial_quantity required?", answer: "yes: a create without it is refused (\(response.brief)).")
      )
    }
    guard response.isSuccess else {
      return (Baseline.Check(name: checkName, passed: false, observed: "answered \(response.brief)."), nil)
    }
    let products = try trial.rows("products").filter { $0["sku"] == .text(sku) }
    guard products.count == 1, let product = products.first else {
      return (
        Baseline.Check(
          name: checkName, passed: false,
          observed: "answered \(response.brief) but \(products.count) products hold SKU \(sku)."), nil
      )
    }
    var wrong: [String] = []
    if product["name"] != .text(name) { wrong.append("name \(product["name"])") }
    if !Self.sameAmount(product["price"], price) { wrong.append("price \(product["price"])") }
    let stock = try trial.rows("inventory").filter { $0["product_id"] == .int(product.id) }
    let expected = quantity ?? 0
    let stocked = stock.filter { $0["warehouse_id"] == .int(warehouse) && $0["quantity"] == .int(expected) }
    let stockText = stock.map { "warehouse \($0["warehouse_id"]) quantity \($0["quantity"])" }
    if quantity != nil || !stock.isEmpty, stocked.count != 1 || stock.count != 1 {
      wrong.append(
        "inventory " + (stockText.isEmpty ? "none" : stockText.joined(separator: ", "))
          + " (expected warehouse \(warehouse) quantity \(expected))")
    }
    let choice =
      quantity == nil
      ? Baseline.Choice(
        question: "Is initial_quantity required?",
        answer: "no: a create without it " + (stock.isEmpty ? "writes no inventory row." : "stocks the product at 0."))
      : nil
    guard wrong.isEmpty else {
      return (
        Baseline.Check(
          name: checkName, passed: false,
          observed: "answered \(response.brief) but stored " + wrong.joined(separator: ", ") + "."), choice
      )
    }
    return (
      Baseline.Check(
        name: checkName, passed: true,
        observed: "answered \(response.brief); product #\(product.id) \(product["name"]) at \(product["price"]), "
          + (stockText.isEmpty ? "no inventory row." : stockText.joined(separator: ", ") + ".")), choice
    )
  }

  /// Whether a stored price is the amount sent, to the cent (a binary float is `float-price`'s business).
  static func sameAmount(_ stored: Value, _ sent: String) -> Bool {
    guard let sent = Double(sent) else { return false }
    let amount: Double? =
      switch stored {
      case .int(let value): Double(value)
      case .double(let value): value
      case .decimal(let value): NSDecimalNumber(decimal: value).doubleValue
      default: nil
      }
    return amount.map { abs($0 - sent) < 0.005 } ?? false
  }

  /// Sends a create priced 0 and records whether the submission takes it; not a check: either answer is a choice.
  static func zeroPriceChoice(on trial: Trial) throws -> (Baseline.Check, Baseline.Choice?) {
    let response = try trial.createProduct(ProductBody.json(["sku": "\"BASE-FREE\"", "price": "0"]))
    let answer =
      if response.isSuccess {
        "valid: a free product is created (\(response.brief))."
      } else if response.rejects(field: "price") {
        "not valid: refused naming price (\(response.brief))."
      } else {
        "answered \(response.brief)."
      }
    return (
      Baseline.Check(name: "a price of 0", passed: true, observed: answer),
      Baseline.Choice(question: "Is a price of 0 valid?", answer: answer)
    )
  }
}
