import RequestLayer
import Store

/// The change log's first row for a new inventory row: its initial stock, who set it and when, written in the
/// create's transaction, so every quantity has a history from its first value.
enum InitialStock {  // finding: no-change-log
  static func log(
    _ inventory: PendingRow, of quantity: Int, by principal: Principal, at time: Int, _ db: Session
  ) throws(StoreError) {
    db.add(
      "inventory_changes",
      [
        "inventory_id": .int(try inventory.id!), "change": .int(quantity), "quantity_after": .int(quantity),
        "reason": .text("initial_stock"), "user_id": .int(principal.userID), "created_at": .timestamp(time),
      ])
  }
}
