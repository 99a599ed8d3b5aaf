"""Which tables an app without `sales` keeps its sales in (`adapter.orders.find`), read from its models alone."""

import unittest

from sqlalchemy import Column, DateTime, Enum, ForeignKey, Integer, MetaData, String, Table

from adapter.naming import Naming
from adapter.orders import find


def _schema(*, order_name="sales_orders", status=None, warehouse_on_line=False, with_sales=False) -> MetaData:
    metadata = MetaData()
    Table("warehouses", metadata, Column("id", Integer, primary_key=True))
    Table("products", metadata, Column("id", Integer, primary_key=True))
    order = [Column("id", Integer, primary_key=True), Column("order_date", DateTime)]
    if not warehouse_on_line:
        order.append(Column("warehouse_id", ForeignKey("warehouses.id")))
    if status is not None:
        order.append(Column("status", status))
    Table(order_name, metadata, *order)
    line = [Column("id", Integer, primary_key=True), Column("order_id", ForeignKey(f"{order_name}.id")),
            Column("product_id", ForeignKey("products.id")), Column("qty", Integer)]
    if warehouse_on_line:
        line.append(Column("warehouse_id", ForeignKey("warehouses.id")))
    Table("order_lines", metadata, *line)
    if with_sales:
        Table("sales", metadata, Column("id", Integer, primary_key=True))
    return metadata


class SalesAsOrdersTests(unittest.TestCase):
    def test_an_order_with_lines_holds_the_sales(self):
        found = find(_schema(), Naming())
        self.assertEqual((found.order_table, found.line_table, found.order_key), ("sales_orders", "order_lines", "order_id"))
        self.assertEqual(found.columns(), {
            "product_id": ("order_lines", "product_id"), "warehouse_id": ("sales_orders", "warehouse_id"),
            "quantity": ("order_lines", "qty"), "sold_at": ("sales_orders", "order_date")})
        self.assertIsNone(found.status)

    def test_the_warehouse_may_be_on_the_line(self):
        found = find(_schema(warehouse_on_line=True), Naming())
        self.assertEqual(found.warehouse, ("order_lines", "warehouse_id"))
        self.assertEqual(found.rows({"warehouse_id": 3, "product_id": 1, "quantity": 2, "sold_at": None}),
                         ({"order_date": None}, {"product_id": 1, "qty": 2, "warehouse_id": 3}))

    def test_a_status_says_the_order_went_through_in_the_apps_own_word(self):
        self.assertEqual(find(_schema(status=String(20)), Naming()).status, ("status", "completed"))
        word = Enum("PENDING", "SHIPPED", "CANCELLED", name="order_status")
        self.assertEqual(find(_schema(status=word), Naming()).status, ("status", "SHIPPED"))
        unknown = find(_schema(status=Enum("open", "void", name="other")), Naming())
        self.assertIsNone(unknown.status)
        self.assertTrue(unknown.note().endswith(
            "; none of the values of its status says an order went through, so it is filled like any column the "
            "harness does not know"))

    def test_orders_from_suppliers_are_not_sales(self):
        self.assertIsNone(find(_schema(order_name="purchase_orders"), Naming()))
        self.assertIsNotNone(find(_schema(order_name="orders"), Naming()))

    def test_an_app_with_a_sales_table_keeps_its_sales_there(self):
        self.assertIsNone(find(_schema(with_sales=True), Naming()))
        self.assertIsNone(find(_schema(), Naming({"sales": "order_lines"})))
