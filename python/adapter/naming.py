"""The `mapping` of a `load`: the harness's table and column names to the app's, and back."""

from .errors import protocol_error
from .fields import optional

CASE_STUDY_TABLES = (
    "companies", "users", "warehouses", "products", "inventory", "inventory_changes", "product_types", "sales",
    "suppliers", "supplier_products", "bundle_components", "idempotency_keys",
)
"""The tables the harness names, as the case study names them."""


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

    def with_singular_tables(self, app_tables: list[str], notes: list[str]) -> "Naming":
        """This mapping, plus each case-study table that the app lacks and the mapping leaves out, taken from the
        app's table named as its singular (`product` for `products`), noted in `notes`."""
        tables = dict(self._tables)
        taken = set(tables.values())
        for harness in CASE_STUDY_TABLES:
            app = singular(harness)
            if harness in tables or harness in app_tables or app == harness or app not in app_tables or app in taken:
                continue
            tables[harness] = app
            notes.append(f"table {app} taken as {harness} (its singular)")
        return self if tables == self._tables else Naming(tables, self._columns)

    def app_table(self, harness_table: str) -> str:
        return self._tables.get(harness_table, harness_table)

    def harness_table(self, app_table: str) -> str:
        return self._tables_back.get(app_table, app_table)

    def app_column(self, harness_table: str, harness_column: str) -> str:
        return self._columns.get(harness_table, {}).get(harness_column, harness_column)

    def harness_column(self, harness_table: str, app_column: str) -> str:
        return self._columns_back.get(harness_table, {}).get(app_column, app_column)
