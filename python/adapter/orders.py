"""Sales an app keeps as orders and their lines, written there when the harness writes `sales`.

An answer without a `sales` table often records a sale as an order (`sales_orders`: its warehouse, its date, maybe a
status) with order lines (`sales_order_items`: the order, a product, a quantity) and counts its sales by joining
them. The harness's sale of N units of a product in a warehouse on a day is then one order of that warehouse and day
holding one line of N units: what the app's alerts would count. An order with a status is written as a fulfilled
one (`completed`, or the app's own word for it among its enum's labels), since a sale is an order that went through.

Orders bought from suppliers are not sales: only an order table whose name says sale (`sales_orders`, `sale_orders`)
or an `orders`/`customer_orders` table is taken.
"""

from dataclasses import dataclass

from sqlalchemy import Enum, String

from .naming import COLUMN_SYNONYMS

_ORDER_TABLES = ("orders", "customer_orders")
_DATE_COLUMNS = ("sold_at", "order_date", "ordered_at", "placed_at") + COLUMN_SYNONYMS["sales"]["sold_at"]
_QUANTITY_COLUMNS = ("quantity",) + COLUMN_SYNONYMS["sales"]["quantity"]
_STATUS_COLUMNS = ("status", "order_status", "state")
_FULFILLED = ("completed", "complete", "fulfilled", "delivered", "shipped", "closed", "paid")


@dataclass(frozen=True)
class SalesAsOrders:
    """Where a sale goes: an `order_table` row (warehouse, date, status) and a `line_table` row (its order, product,
    quantity). The warehouse is on the order, or on the line when the order has none."""

    order_table: str
    line_table: str
    order_key: str  # the line's column naming its order
    product: str  # the line's product column
    quantity: str  # the line's quantity column
    warehouse: tuple[str, str]  # (table, column): on the order or on the line
    sold_at: str  # the order's date column
    status: tuple[str, str] | None  # (column, value) of an order's status, when it has one
    unknown_status: str | None = None  # a status column with no word the harness knows for an order gone through

    def columns(self) -> dict[str, tuple[str, str]]:
        """The harness's `sales` columns, each as the (table, column) holding it."""
        return {
            "product_id": (self.line_table, self.product),
            "warehouse_id": self.warehouse,
            "quantity": (self.line_table, self.quantity),
            "sold_at": (self.order_table, self.sold_at),
        }

    def note(self) -> str:
        order = [self.sold_at] + ([self.warehouse[1]] if self.warehouse[0] == self.order_table else [])
        if self.status is not None:
            order.append(f"{self.status[0]} '{self.status[1]}'")
        line = [self.product, self.quantity] + ([self.warehouse[1]] if self.warehouse[0] == self.line_table else [])
        unknown = "" if self.unknown_status is None else (
            f"; none of the values of its {self.unknown_status} says an order went through, so it is filled like any "
            f"column the harness does not know")
        return (f"no sales table: a sale is written as a {self.order_table} row ({', '.join(order)}) with one "
                f"{self.line_table} row ({', '.join(line)}){unknown}")

    def rows(self, sale: dict) -> tuple[dict, dict]:
        """The order's and the line's values for a sale given in the harness's columns (values already typed);
        the line's reference to its order is set once the order has its id."""
        order, line = {self.sold_at: sale.get("sold_at")}, {
            self.product: sale.get("product_id"), self.quantity: sale.get("quantity")}
        (order if self.warehouse[0] == self.order_table else line)[self.warehouse[1]] = sale.get("warehouse_id")
        if self.status is not None:
            order[self.status[0]] = self.status[1]
        return order, line


def find(metadata, naming) -> SalesAsOrders | None:
    """The order and line tables the app keeps its sales in, when it has no `sales` table; None otherwise."""
    tables = {table.name: table for table in metadata.sorted_tables}
    if naming.app_table("sales") in tables:
        return None
    products, warehouses = naming.app_table("products"), naming.app_table("warehouses")
    for line in metadata.sorted_tables:
        product = _reference(line, products)
        quantity = _first(line, _QUANTITY_COLUMNS)
        if product is None or quantity is None or "id" not in line.columns:
            continue
        for column in line.columns:
            for key in column.foreign_keys:
                order = key.column.table
                if order is line or key.column.name != "id" or not _sounds_like_sales(order.name):
                    continue
                sold_at = _first(order, _DATE_COLUMNS)
                warehouse = _reference(order, warehouses)
                placed = (order.name, warehouse) if warehouse else (line.name, _reference(line, warehouses))
                if sold_at is None or placed[1] is None:
                    continue
                status = _status(order)
                unknown = _first(order, _STATUS_COLUMNS) if status is None else None
                return SalesAsOrders(
                    order.name, line.name, column.name, product, quantity, placed, sold_at, status, unknown)
    return None


def _sounds_like_sales(name: str) -> bool:
    return "sale" in name.lower() or name.lower() in _ORDER_TABLES


def _reference(table, target: str) -> str | None:
    """The table's column referencing `target`'s rows, the first in column order."""
    return next((column.name for column in table.columns
                 if any(key.column.table.name == target for key in column.foreign_keys)), None)


def _first(table, names: tuple[str, ...]) -> str | None:
    return next((name for name in names if name in table.columns), None)


def _status(order) -> tuple[str, str] | None:
    """An order status column and the value saying the order went through: the enum's own label for it, or
    `completed` in a text column; None when there is no such column or no such label."""
    name = _first(order, _STATUS_COLUMNS)
    if name is None:
        return None
    kind = order.columns[name].type
    if isinstance(kind, Enum):
        labels = {label.lower(): label for label in kind.enums}
        word = next((word for word in _FULFILLED if word in labels), None)
        return (name, labels[word]) if word is not None else None
    if isinstance(kind, String):
        return name, "completed"
    return None
