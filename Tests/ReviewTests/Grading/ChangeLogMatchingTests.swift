import Store
import Testing

@testable import Findings

/// Which change-log entries the `no-change-log` probe counts as an inventory row's: a submission may key its
/// inventory by product and warehouse, with no `id` of its own, and log changes by the same pair.
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
}
