/// Builds create-product request bodies from a valid default, field by field, as raw JSON text.
///
/// `ProductBody.json(["price": "-5"])` is the valid body with a negative price; `["initial_quantity": nil]`
/// leaves the field out.
public enum ProductBody {
  /// The fields of the valid default body, in the order they are written.
  public static let valid: [(field: String, json: String)] = [
    ("name", "\"Widget\""), ("sku", "\"W-1\""), ("price", "19.99"), ("warehouse_id", "1"), ("initial_quantity", "10"),
  ]

  /// The valid default body with `overrides` applied: a value replaces a field's JSON, `nil` removes the field,
  /// and unknown fields are appended.
  public static func json(_ overrides: [String: String?] = [:]) -> String {
    var fields = valid.compactMap { field, json -> String? in
      let value = overrides.keys.contains(field) ? overrides[field]! : json
      return value.map { "\"\(field)\": \($0)" }
    }
    for (field, value) in overrides.sorted(by: { $0.key < $1.key }) where !valid.contains(where: { $0.field == field })
    {
      if let value { fields.append("\"\(field)\": \(value)") }
    }
    return "{" + fields.joined(separator: ", ") + "}"
  }
}
