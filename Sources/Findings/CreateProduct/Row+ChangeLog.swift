import Store

extension Row {
  /// Whether this change-log entry is about `inventory`: it names the row's `inventory_id`, or, in a schema that
  /// keys inventory by product and warehouse (no `id` of its own), it names both.
  func logs(_ inventory: Row) -> Bool {
    if values["inventory_id"] != nil { return self["inventory_id"] == .int(inventory.id) }
    return inventory.values["product_id"] != nil && self["product_id"] == inventory["product_id"]
      && self["warehouse_id"] == inventory["warehouse_id"]
  }
}
