import Store
import Testing

@testable import Findings

/// Which change-log entries the `no-change-log` probe counts as an inventory row's: a submission may key its
/// inventory by product and warehouse, with no `id` of its own, and log changes by the same pair; it may log the
/// change alone, without the level it leaves.
@Suite("The change log is matched to its inventory row however the schema keys it")
struct ChangeLogMatchingTests {
  let inventory = Row(id: 1, values: ["product_id": .int(7), "warehouse_id": .int(2), "quantity": .int(10)])

  @Test func anEntryNamingTheRowsIdIsItsAndOneNamingAnotherIsNot() {
    #expect(Row(id: 1, values: ["inventory_id": .int(1), "change": .int(10)]).logs(inventory))
    #expect(!Row(id: 2, values: ["inventory_id": .int(3), "change": .int(10)]).logs(inventory))
  }

  @Test func withoutAnInventoryIDTheProductAndWarehouseDecide() {
    #expect(Row(id: 1, values: ["product_id": .int(7), "warehouse_id": .int(2)]).logs(inventory))
    #expect(!Row(id: 2, values: ["product_id": .int(7), "warehouse_id": .int(3)]).logs(inventory))
    #expect(!Row(id: 3, values: ["change": .int(10)]).logs(Row(id: 1, values: ["quantity": .int(10)])))
  }

  @Test func anEntryRecordsTheChangeWithTheLevelItLeavesOrWithoutOne() {
    #expect(Row(id: 1, values: ["change": .int(10), "quantity_after": .int(10)]).records(change: 10, leaving: 10))
    #expect(
      Row(id: 1, values: ["change": .int(10), "reason": .text("initial_stock")]).records(change: 10, leaving: 10))
    #expect(!Row(id: 1, values: ["change": .int(10), "quantity_after": .int(0)]).records(change: 10, leaving: 10))
    #expect(!Row(id: 1, values: ["change": .int(5)]).records(change: 10, leaving: 10))
  }
}
