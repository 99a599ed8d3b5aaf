"""The `mapping` of a `load`: the harness's table and column names to the app's, and back."""

from .errors import protocol_error
from .fields import optional

CASE_STUDY_TABLES = (
    "companies", "users", "warehouses", "products", "inventory", "inventory_changes", "product_types", "sales",
    "suppliers", "supplier_products", "bundle_components", "idempotency_keys",
)
"""The tables the harness names, as the case study names them."""


TABLE_SYNONYMS = {
    "inventory_changes": ("inventory_movements", "inventory_transactions", "inventory_logs", "inventory_log",
                          "inventory_history", "inventory_adjustments", "stock_movements", "stock_transactions",
                          "stock_changes", "inventory_ledger"),
    "supplier_products": ("product_suppliers", "product_supplier", "products_suppliers", "suppliers_products"),
    "inventory": ("inventories", "stock_levels", "warehouse_inventory", "product_inventory"),
}
"""Other names answers give the case study's tables, most telling first: a case-study table the app lacks takes the
first of these it has (`inventory_movements` as `inventory_changes`) unless the mapping names one."""

_THRESHOLD = ("threshold", "reorder_level", "reorder_point", "reorder_threshold", "min_stock_level", "minimum_stock",
              "low_stock_level", "stock_threshold", "alert_threshold")

COLUMN_SYNONYMS = {
    "products": {"low_stock_threshold": _THRESHOLD, "price": ("unit_price", "selling_price")},
    "inventory": {
        "quantity": ("quantity_on_hand", "on_hand", "current_stock", "stock_quantity", "stock", "qty"),
        "low_stock_threshold": _THRESHOLD,  # a threshold per warehouse, where the product has none
    },
    "product_types": {"low_stock_threshold": ("default_threshold", "default_low_stock_threshold") + _THRESHOLD},
    "sales": {
        "quantity": ("quantity_sold", "units_sold", "qty"),
        "sold_at": ("sale_date", "sold_on", "sold_date", "sale_time", "occurred_at", "created_at", "timestamp",
                    "date"),
    },
    "inventory_changes": {
        "change": ("quantity_change", "quantity_delta", "change_quantity", "change_amount", "qty_change", "delta",
                   "quantity"),
        "quantity_after": ("new_quantity", "quantity_after_change", "resulting_quantity", "balance_after",
                           "stock_after"),
        "reason": ("change_type", "movement_type", "transaction_type", "reason_code", "type"),
    },
    "suppliers": {"contact_email": ("email", "supplier_email")},
    "supplier_products": {"lead_time_days": ("lead_time",)},
}
"""Other names answers give the case study's columns, most telling first: a table lacking the case study's column
takes the first of these it has (`sales.sale_date` as `sold_at`) unless the mapping names one."""


def singular(table: str) -> str:
    """`products` → `product`, `companies` → `company`: the name Flask-SQLAlchemy gives a model's table when it sets
    no `__tablename__` (`Product` → `product`)."""
    if table.endswith("ies"):
        return table[:-3] + "y"
    return table[:-1] if table.endswith("s") else table


class Naming:
    def __init__(self, tables: dict[str, str] | None = None, columns: dict[str, dict[str, str]] | None = None):
        self._tables = dict(tables or {})
        self._tables_back = {app: harness for harness, app in self._tables.items()}
        self._columns = {table: dict(cols) for table, cols in (columns or {}).items()}
        self._columns_back = {
            table: {app: harness for harness, app in cols.items()} for table, cols in self._columns.items()
        }

    @classmethod
    def from_command(cls, mapping) -> "Naming":
        if mapping is None:
            return cls()
        if not isinstance(mapping, dict):
            raise protocol_error("field `mapping` must be an object or null")
        tables = optional(mapping, "tables", dict, default={}, where="mapping.")
        columns = optional(mapping, "columns", dict, default={}, where="mapping.")
        for harness, app in tables.items():
            if not isinstance(app, str):
                raise protocol_error(f"field `mapping.tables.{harness}` must be a string")
        for table, cols in columns.items():
            if not isinstance(cols, dict) or not all(isinstance(v, str) for v in cols.values()):
                raise protocol_error(f"field `mapping.columns.{table}` must be an object of strings")
        return cls(tables, columns)

    def with_other_table_names(self, app_tables: list[str], notes: list[str]) -> "Naming":
        """This mapping, plus each case-study table that the app lacks and the mapping leaves out, taken from the
        app's table named as its singular (`product` for `products`), else from the first of its other names
        (`TABLE_SYNONYMS`) the app has, noted in `notes`."""
        tables = dict(self._tables)
        taken = set(tables.values())
        for harness in CASE_STUDY_TABLES:
            if harness in tables or harness in app_tables:
                continue
            names = [(singular(harness), "its singular")] + [(name, "another name for it")
                                                           for name in TABLE_SYNONYMS.get(harness, ())]
            app, why = next(((app, why) for app, why in names
                             if app != harness and app in app_tables and app not in taken), (None, None))
            if app is not None:
                tables[harness] = app
                taken.add(app)
                notes.append(f"table {app} taken as {harness} ({why})")
        return self if tables == self._tables else Naming(tables, self._columns)

    def with_column_synonyms(self, app_columns: dict[str, list[str]], notes: list[str]) -> "Naming":
        """This mapping, plus each case-study column (`COLUMN_SYNONYMS`) that the app's table lacks and the mapping
        leaves out, taken from the first of its other names the table has, noted in `notes`."""
        columns = {table: dict(cols) for table, cols in self._columns.items()}
        for harness_table, synonyms in COLUMN_SYNONYMS.items():
            table = self.app_table(harness_table)
            present = app_columns.get(table)
            if present is None:
                continue
            mapped = columns.setdefault(harness_table, {})
            for harness_column, names in synonyms.items():
                if harness_column in mapped or harness_column in present:
                    continue
                taken = set(mapped.values())
                name = next((name for name in names if name in present and name not in taken), None)
                if name is not None:
                    mapped[harness_column] = name
                    notes.append(f"column {table}.{name} taken as {harness_column} (another name for it)")
            if not mapped:
                del columns[harness_table]
        return self if columns == self._columns else Naming(self._tables, columns)

    def app_table(self, harness_table: str) -> str:
        return self._tables.get(harness_table, harness_table)

    def harness_table(self, app_table: str) -> str:
        return self._tables_back.get(app_table, app_table)

    def app_column(self, harness_table: str, harness_column: str) -> str:
        return self._columns.get(harness_table, {}).get(harness_column, harness_column)

    def harness_column(self, harness_table: str, app_column: str) -> str:
        return self._columns_back.get(harness_table, {}).get(app_column, app_column)
