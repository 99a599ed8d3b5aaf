import Store

/// Rules that keep a row's references inside one company, a second line of defence behind the handlers' checks.
enum SameCompany {  // finding: no-tenant-check
  /// The table a reference column points to.
  static let referenced = [
    "product_id": "products", "bundle_id": "products", "component_id": "products", "warehouse_id": "warehouses",
  ]

  /// The rows that `first` and `second` reference belong to the same company.
  static func rule(_ name: String, _ first: String, _ second: String) -> RowRule {
    let trigger = RowRule.Trigger(
      violatedWhen: "\(companySQL(first)) <> \(companySQL(second))",
      message: "'\(first) ' || NEW.\(first) || ' and \(second) ' || NEW.\(second) || ' belong to different companies'")
    return RowRule(name, "\(first) and \(second) belong to the same company", trigger: trigger) { row, lookup in
      guard let left = company(first, row, lookup), let right = company(second, row, lookup) else { return true }
      return left == right
    }
  }

  /// The row that `column` references belongs to the company in `companyColumn`.
  static func rule(_ name: String, _ column: String, companyColumn: String) -> RowRule {
    let trigger = RowRule.Trigger(
      violatedWhen: "\(companySQL(column)) <> NEW.\(companyColumn)",
      message: "'\(column) ' || NEW.\(column) || ' belongs to another company than \(companyColumn) ' || "
        + "NEW.\(companyColumn)")
    return RowRule(name, "\(column) belongs to \(companyColumn)", trigger: trigger) { row, lookup in
      company(column, row, lookup).map { $0 == row[companyColumn] } ?? true
    }
  }

  /// The company of the row `column` references, in SQL over the trigger's `NEW` row (`NULL` when it does not
  /// exist, which passes: its foreign key refuses that).
  private static func companySQL(_ column: String) -> String {
    "(SELECT company_id FROM \(referenced[column]!) WHERE id = NEW.\(column))"
  }

  /// The company of the row `column` references; `nil` when it does not exist (its foreign key refuses that).
  private static func company(_ column: String, _ row: Row, _ lookup: RowLookup) -> Value? {
    lookup.rows(referenced[column]!, where: ["id": row[column]]).first?["company_id"]
  }
}
