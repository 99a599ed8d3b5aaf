import Store

/// Rules that keep a row's references inside one company, a second line of defence behind the handlers' checks.
enum SameCompany {  // finding: no-tenant-check
  /// The table a reference column points to.
  static let referenced = [
    "product_id": "products", "bundle_id": "products", "component_id": "products", "warehouse_id": "warehouses",
  ]

  /// The rows that `first` and `second` reference belong to the same company.
  static func rule(_ name: String, _ first: String, _ second: String) -> RowRule {
    RowRule(name, "\(first) and \(second) belong to the same company") { row, lookup in
      guard let left = company(first, row, lookup), let right = company(second, row, lookup) else { return true }
      return left == right
    }
  }

  /// The row that `column` references belongs to the company in `companyColumn`.
  static func rule(_ name: String, _ column: String, companyColumn: String) -> RowRule {
    RowRule(name, "\(column) belongs to \(companyColumn)") { row, lookup in
      company(column, row, lookup).map { $0 == row[companyColumn] } ?? true
    }
  }

  /// The company of the row `column` references; `nil` when it does not exist (its foreign key refuses that).
  private static func company(_ column: String, _ row: Row, _ lookup: RowLookup) -> Value? {
    lookup.rows(referenced[column]!, where: ["id": row[column]]).first?["company_id"]
  }
}
