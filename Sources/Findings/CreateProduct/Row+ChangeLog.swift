import Store

extension Row {
  /// Whether this change-log entry is about `inventory`: it names the row's `inventory_id`, or, in a schema that
  /// keys inventory by product and warehouse (no `id` of its own), it names both.
  func logs(_ inventory: Row) -> Bool {
    if values["inventory_id"] != nil { return self["inventory_id"] == .int(inventory.id) }
    return inventory.values["product_id"] != nil && self["product_id"] == inventory["product_id"]
      && self["warehouse_id"] == inventory["warehouse_id"]
  }

  /// Whether this change-log entry records stock growing by `change` to `level`; a log that keeps only the change
  /// (no resulting level) still traces it.
  func records(change: Int, leaving level: Int) -> Bool {
    self["change"] == .int(change) && (values["quantity_after"] == nil || self["quantity_after"] == .int(level))
  }
}
