"""The adapter's own work on the database: describing, emptying, seeding and dumping the app's tables.

It goes through raw DBAPI connections from the app's engine, so none of it is recorded as the app's statements.
"""

import contextlib
import datetime as _dt
import hashlib
import uuid

import psycopg2
from psycopg2 import sql

from .errors import AdapterError, database_error, protocol_error
from .fields import required
from .values import ColumnInfo, from_json, from_text


@contextlib.contextmanager
def raw_connection(engine, doing: str):
    """A DBAPI connection, rolled back and returned when done; database failures become `database` errors."""
    try:
        connection = engine.raw_connection()
    except Exception as exc:
        raise database_error(exc, doing) from exc
    try:
        yield connection.dbapi_connection
    except psycopg2.Error as exc:
        raise database_error(exc, doing) from exc
    finally:
        try:
            connection.rollback()
        finally:
            connection.close()


class ColumnFacts:
    """What filling a column the fixture leaves out needs: NOT NULL, a default the server supplies (a sequence, an
    identity, a generated column, a `DEFAULT`), the length of a `varchar(n)`, an enum's first label."""

    def __init__(self, not_null: bool, server_default: bool, length: int | None, first_label: str | None,
                 type_name: str):
        self.not_null = not_null
        self.server_default = server_default
        self.length = length
        self.first_label = first_label
        self.type_name = type_name


def describe(
    engine, table_names: list[str],
) -> tuple[dict[str, list[ColumnInfo]], dict[str, dict[str, ColumnFacts]]]:
    """Every column of the tables as PostgreSQL holds them, in their order, and the facts filling each needs: one
    catalog query per table."""
    columns, facts = {}, {}
    with raw_connection(engine, "describing the tables") as connection, connection.cursor() as cursor:
        for table in table_names:
            cursor.execute(
                "SELECT a.attname, format_type(a.atttypid, a.atttypmod), t.typname, a.attnotnull,"
                " a.atthasdef OR a.attidentity <> '' OR a.attgenerated <> '',"
                " CASE WHEN t.typname IN ('varchar', 'bpchar') AND a.atttypmod > 4 THEN a.atttypmod - 4 END,"
                " (SELECT e.enumlabel FROM pg_enum e WHERE e.enumtypid = a.atttypid ORDER BY e.enumsortorder"
                " LIMIT 1)"
                " FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid"
                " WHERE a.attrelid = %s::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum",
                (_quoted(table),),
            )
            rows = cursor.fetchall()
            columns[table] = [ColumnInfo(name, type_text, type_name) for name, type_text, type_name, *_ in rows]
            facts[table] = {
                name: ColumnFacts(not_null, server_default, length, first_label, type_name)
                for name, _, type_name, not_null, server_default, length, first_label in rows
            }
    return columns, facts


def _placeholder(table: str, column: str, facts: ColumnFacts, row: dict, now: _dt.datetime):
    """A value of the column's type for a NOT NULL column nothing else fills; strings are unique per table, row and
    column (`companies-1-email`), so a UNIQUE column holds."""
    name = facts.type_name
    key = f"{table}-{row.get('id', len(row))}-{column}"
    if facts.first_label is not None:
        return facts.first_label
    if name in ("varchar", "text", "bpchar", "citext", "name"):
        text = key + ("@example.invalid" if "email" in column.lower() else "")
        if facts.length is not None and len(text) > facts.length:
            text = hashlib.sha1(text.encode()).hexdigest()[: facts.length]
        return text
    if name in ("int2", "int4", "int8", "numeric", "float4", "float8", "money"):
        return 0
    if name == "bool":
        return False
    if name == "timestamptz":
        return now
    if name == "timestamp":
        return now.replace(tzinfo=None)
    if name == "date":
        return now.date()
    if name in ("time", "timetz"):
        return _dt.time(0, 0)
    if name == "interval":
        return _dt.timedelta(0)
    if name == "uuid":
        return str(uuid.uuid5(uuid.NAMESPACE_URL, "stockflow:" + key))
    if name in ("json", "jsonb"):
        return "{}"
    if name == "bytea":
        return psycopg2.Binary(b"")
    return None


class _NoDefault(Exception):
    pass


def _python_default(column, dialect, cursor):
    """The value the app's model would give the column (`default=` a scalar, a callable or an SQL expression), as
    the driver takes it; `_NoDefault` when it has none the adapter can compute."""
    default = getattr(column, "default", None)
    if default is None or getattr(default, "is_sequence", False):
        raise _NoDefault
    if getattr(default, "is_scalar", False):
        value = default.arg
    elif getattr(default, "is_callable", False):
        try:
            value = default.arg(None)
        except Exception:
            raise _NoDefault from None
    elif getattr(default, "is_clause_element", False):
        try:
            compiled = str(default.arg.compile(dialect=dialect, compile_kwargs={"literal_binds": True}))
            cursor.execute(sql.SQL("SELECT ") + sql.SQL(compiled))
            return cursor.fetchone()[0]
        except Exception:
            cursor.connection.rollback()
            raise _NoDefault from None
    else:
        raise _NoDefault
    try:
        processor = column.type.bind_processor(dialect)
    except Exception:
        processor = None
    if processor is not None:
        value = processor(value)
    if isinstance(value, uuid.UUID):
        value = str(value)
    return value


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _rows_field(entry: dict, where: str) -> list[dict]:
    rows = required(entry, "rows", list, where=where)
    for index, row in enumerate(rows):
        if not isinstance(row, dict):
            raise protocol_error(f"field `{where}rows[{index}]` must be an object")
    return rows


class _Lookup:
    """A value read, when the row is inserted, from the row another of its columns references: `sales.company_id` as
    the company of the sale's warehouse (`(SELECT company_id FROM warehouses WHERE id = 3)`), so rows inserted
    before it in the same batch are seen."""

    def __init__(self, table: str, column: str, key: str, value):
        self.table, self.column, self.key, self.value = table, column, key, value

    def sql(self):
        return sql.SQL("(SELECT {} FROM {} WHERE {} = {})").format(
            sql.Identifier(self.column), sql.Identifier(self.table), sql.Identifier(self.key), sql.Placeholder())


def _insert_statement(table: str, values: dict):
    if not values:
        return sql.SQL("INSERT INTO {} DEFAULT VALUES").format(sql.Identifier(table))
    return sql.SQL("INSERT INTO {} ({}) VALUES ({})").format(
        sql.Identifier(table),
        sql.SQL(", ").join(sql.Identifier(column) for column in values),
        sql.SQL(", ").join(
            value.sql() if isinstance(value, _Lookup) else sql.Placeholder() for value in values.values()),
    )


def _parameters(values: dict) -> list:
    """The parameters of `_insert_statement(table, values)`, in order."""
    return [value.value if isinstance(value, _Lookup) else value for value in values.values()]


def _insert(cursor, table: str, values: dict, has_id: bool = True) -> int | None:
    """Inserts one row; answers its id (`None` for a table without an `id` column, keyed by its other columns)."""
    if not has_id:
        cursor.execute(_insert_statement(table, values), _parameters(values))
        return None
    cursor.execute(_insert_statement(table, values) + sql.SQL(" RETURNING id"), _parameters(values))
    return cursor.fetchone()[0]


class Tables:
    """The loaded app's tables (app names, dependency order) and columns, spoken in the harness's names."""

    def __init__(self, engine, naming, table_names: list[str], metadata=None, now: str | None = None, keys=None,
                 orders=None):
        self.engine = engine
        self.naming = naming
        self.names = table_names
        self.keys = keys  # a `keys.Keys` translating the harness's integer ids to a UUID-keyed table's, or None
        self.orders = orders  # an `orders.SalesAsOrders` where the harness's sales go, for an app without `sales`
        self.columns, self.facts = describe(engine, table_names)
        self.models = {name: metadata.tables[name] for name in table_names} if metadata is not None else {}
        self.now = _dt.datetime.fromisoformat(now.replace("Z", "+00:00")) if now else None

    def _fill(self, cursor, harness_table: str, table: str, values: dict, filled: dict):
        """Fills the columns `values` lacks as the app would: its Python-side default when the model has one,
        else, for a NOT NULL column without a server default, the same reference a row it references holds (a sale's
        `company_id` from its warehouse), else a placeholder of its type. `filled` gets `{harness column: "default" |
        "reference" | "placeholder"}`."""
        model = self.models.get(table)
        now = self.now or _dt.datetime.now(_dt.timezone.utc)
        for column in self.columns[table]:
            facts = self.facts[table][column.name]
            if column.name in values or facts.server_default:
                continue
            how = None
            if model is not None and column.name in model.c:
                try:
                    values[column.name] = _python_default(model.c[column.name], self.engine.dialect, cursor)
                    how = "default"
                except _NoDefault:
                    pass
            if how is None and facts.not_null and model is not None and column.name in model.c:
                lookup = self._through_reference(model, model.c[column.name], values)
                if lookup is not None:
                    values[column.name] = lookup
                    how = "reference"
            if how is None and facts.not_null:
                value = _placeholder(table, column.name, facts, values, now)
                if value is not None:
                    values[column.name] = value
                    how = "placeholder"
            if how is not None:
                filled[self.naming.harness_column(harness_table, column.name)] = how

    def _through_reference(self, model, column, values: dict) -> _Lookup | None:
        """For a foreign key the row leaves out (`sales.company_id`), the same reference held by a row this row
        references (its warehouse's `company_id`), the first such in the table's column order; None without one."""
        targets = {fk.column for fk in column.foreign_keys}
        for other in model.c:
            value = values.get(other.name)
            if other is column or value is None or isinstance(value, _Lookup):
                continue
            for reference in other.foreign_keys:
                referenced = reference.column.table
                for candidate in referenced.c:
                    if any(fk.column in targets for fk in candidate.foreign_keys):
                        return _Lookup(referenced.name, candidate.name, reference.column.name, value)
        return None

    def _translating(self) -> bool:
        return self.keys is not None and self.keys.active

    def _type(self, table: str, column) -> str:
        """A column's type as the harness sees it: `integer` for UUIDs it reads as integers."""
        return self.keys.column_type(table, column.name, column.type) if self._translating() else column.type

    def schema_json(self) -> dict:
        """Every table in the harness's names, with `sales` where the app keeps its sales as orders."""
        schema = {
            self.naming.harness_table(table): {
                self.naming.harness_column(self.naming.harness_table(table), column.name): self._type(table, column)
                for column in self.columns[table]
            }
            for table in self.names
        }
        if self.orders is not None:
            schema["sales"] = {
                name: self._type(table, self._column(table, column))
                for name, (table, column) in self.orders.columns().items()
            }
        return schema

    def _column(self, table: str, name: str):
        return next(column for column in self.columns[table] if column.name == name)

    def _app_table(self, harness_table: str) -> str | None:
        table = self.naming.app_table(harness_table)
        return table if table in self.columns else None

    def _values(self, harness_table: str, table: str, row: dict, where: str, skipped: set | None = None) -> dict:
        by_name = {column.name: column for column in self.columns[table]}
        values = {}
        for harness_column, value in row.items():
            column = by_name.get(self.naming.app_column(harness_table, harness_column))
            if column is None:
                if skipped is None:
                    named = "" if table == harness_table else f" (the app's `{table}`)"
                    raise protocol_error(
                        f"table `{harness_table}`{named} has no column `{harness_column}`; its columns: "
                        f"{', '.join(by_name)} (a mapping can name the one meant)")
                skipped.add(harness_column)
                continue
            values[column.name] = from_json(value, column, f"{where}{harness_column}")
        return values

    def reset(self, fixture: list) -> dict:
        """Empties every table and loads the fixture, in as few round trips as the database allows.

        `DELETE` in reverse dependency order rather than `TRUNCATE`: on tables of a few rows it is many times faster,
        and the corpus resets the database ten thousand times.
        """
        skipped_tables, skipped_columns = [], {}
        inserts, next_ids = [], {}
        for index, entry in enumerate(fixture):
            where = f"fixture[{index}]."
            if not isinstance(entry, dict):
                raise protocol_error(f"field `fixture[{index}]` must be an object")
            harness_table = required(entry, "table", str, where=where)
            rows = _rows_field(entry, where)
            table = self._app_table(harness_table)
            if table is None:
                skipped_tables.append(harness_table)
                continue
            skipped = set()
            for number, row in enumerate(rows):
                values = self._values(harness_table, table, row, f"{where}rows[{number}].", skipped)
                inserts.append((harness_table, table, values))
                if isinstance(values.get("id"), int):
                    next_ids[table] = max(next_ids.get(table, 1), values["id"] + 1)
            if skipped:
                skipped_columns[harness_table] = sorted(skipped)
        if self._translating():
            self.keys.clear()
            for _, table, values in inserts:
                self.keys.claim_ids(table, [values])
            for _, table, values in inserts:
                self.keys.to_app(table, values)
        filled = {}
        with raw_connection(self.engine, "resetting the tables") as connection, connection.cursor() as cursor:
            statements = [sql.SQL("DELETE FROM {}").format(sql.Identifier(table)) for table in reversed(self.names)]
            parameters = []
            for harness_table, table, values in inserts:
                self._fill(cursor, harness_table, table, values, filled.setdefault(harness_table, {}))
                statements.append(_insert_statement(table, values))
                parameters += _parameters(values)
            sequences = self.sequences(cursor)
            if sequences:
                statements.append(
                    sql.SQL("SELECT ")
                    + sql.SQL(", ").join(sql.SQL("setval(%s, %s, false)") for _ in sequences)
                )
                for table, sequence in sequences.items():
                    parameters += [sequence, next_ids.get(table, 1)]
            cursor.execute(sql.SQL("; ").join(statements), parameters)
            connection.commit()
        filled = {table: dict(sorted(columns.items())) for table, columns in filled.items() if columns}
        return {"skipped": {"tables": skipped_tables, "columns": skipped_columns}, "filled": filled}

    def sequences(self, cursor) -> dict[str, str]:
        """Each table's `id` sequence, looked up once."""
        if getattr(self, "_sequences", None) is None:
            sequences = {}
            for table in self.names:
                if not any(column.name == "id" for column in self.columns[table]):
                    continue  # a composite key (an association table): no id sequence to move
                cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", (_quoted(table),))
                sequence = cursor.fetchone()[0]
                if sequence is not None:
                    sequences[table] = sequence
            self._sequences = sequences
        return self._sequences

    def seed(self, harness_table: str, rows: list) -> dict:
        table = self._app_table(harness_table)
        if table is None and harness_table == "sales" and self.orders is not None:
            return self._seed_orders(rows)
        if table is None:
            raise protocol_error(f"the app has no table `{harness_table}`")
        prepared = [self._values(harness_table, table, row, f"rows[{number}].") for number, row in enumerate(rows)]
        if self._translating():
            self.keys.claim_ids(table, prepared)
            for values in prepared:
                self.keys.to_app(table, values)
        has_id = any(column.name == "id" for column in self.columns[table])

        def write(cursor, filled: dict) -> list:
            for values in prepared:
                self._fill(cursor, harness_table, table, values, filled)
            return [_insert(cursor, table, values, has_id) for values in prepared]

        return self._written(table, write)

    def _seed_orders(self, rows: list) -> dict:
        """The harness's sales written as the app's orders, one order with one line per sale (`orders.py`);
        answers the lines' ids."""
        orders = self.orders
        columns = orders.columns()
        sales = []
        for number, row in enumerate(rows):
            typed = {}
            for name, value in row.items():
                if name not in columns:
                    raise protocol_error(
                        f"table `sales` (the app's {orders.order_table} and {orders.line_table}) has no column "
                        f"`{name}`; its columns: {', '.join(columns)}")
                typed[name] = from_json(value, self._column(*columns[name]), f"rows[{number}].{name}")
            sales.append(orders.rows(typed))
        if self._translating():
            for order, line in sales:
                self.keys.to_app(orders.order_table, order)
                self.keys.to_app(orders.line_table, line)

        def write(cursor, filled: dict) -> list:
            ids = []
            for order, line in sales:
                self._fill(cursor, self.naming.harness_table(orders.order_table), orders.order_table, order, filled)
                line[orders.order_key] = _insert(cursor, orders.order_table, order)
                self._fill(cursor, self.naming.harness_table(orders.line_table), orders.line_table, line, filled)
                ids.append(_insert(cursor, orders.line_table, line))
            return ids

        return self._written(orders.line_table, write)

    def _written(self, table: str, write) -> dict:
        """Runs `write(cursor, filled)` in one transaction and answers the ids it gave (of `table`'s rows), or what
        the database refused."""
        filled = {}
        with raw_connection(self.engine, "seeding") as connection, connection.cursor() as cursor:
            try:
                ids = write(cursor, filled)
                connection.commit()
            except psycopg2.Error as exc:
                if exc.pgcode is None or exc.pgcode.startswith("08"):
                    raise
                connection.rollback()
                return {
                    "refused": {
                        "sqlstate": exc.pgcode,
                        "constraint": exc.diag.constraint_name,
                        "message": exc.diag.message_primary or str(exc).strip(),
                    }
                }
        if self._translating():
            ids = [self.keys.from_app(table, "id", value) for value in ids]
        answer = {"ids": ids}
        if filled:
            answer["filled"] = dict(sorted(filled.items()))
        return answer

    def dump(self) -> dict:
        """Every row of every table, typed, read in one query (one round trip whatever the number of tables).

        For a UUID-keyed table, its rows are first numbered (those the app wrote since the map last looked), its
        UUIDs read as the harness's integers and its rows ordered by them."""
        if self._translating():
            self.keys.number_new_rows(self.engine)
        parts = []
        for number, table in enumerate(self.names):
            columns = self.columns[table]
            texts = sql.SQL(", ").join(sql.SQL(column.text_expression()) for column in columns)
            parts.append(
                sql.SQL("SELECT {}, ARRAY[{}]::text[] FROM {}").format(
                    sql.Literal(number), texts, sql.Identifier(table))
                + (sql.SQL(" ORDER BY id") if any(column.name == "id" for column in columns) else sql.SQL(""))
            )
        query = sql.SQL(" UNION ALL ").join(sql.SQL("(") + part + sql.SQL(")") for part in parts)
        with raw_connection(self.engine, "dumping the tables") as connection, connection.cursor() as cursor:
            cursor.execute(query)
            fetched = cursor.fetchall()
        rows_by_table = {number: [] for number in range(len(self.names))}
        for number, texts in fetched:
            rows_by_table[number].append(texts)
        tables = {}
        for number, table in enumerate(self.names):
            columns = self.columns[table]
            harness_table = self.naming.harness_table(table)
            names = [self.naming.harness_column(harness_table, column.name) for column in columns]
            rows = [
                {name: from_text(text, column) for name, text, column in zip(names, texts, columns)}
                for texts in rows_by_table[number]
            ]
            if self._translating() and self.keys.translated_columns(table):
                rows = self._translated_rows(table, names, columns, rows)
            tables[harness_table] = {
                "columns": {name: self._type(table, column) for name, column in zip(names, columns)},
                "rows": rows,
            }
        return {"tables": tables}

    def _translated_rows(self, table: str, names: list[str], columns: list, rows: list[dict]) -> list[dict]:
        """A UUID-keyed or UUID-referencing table's dumped rows with its UUIDs as the harness's integers, ordered
        by its integer `id` when it has one (its UUIDs' order is random)."""
        for row in rows:
            for name, column in zip(names, columns):
                row[name] = self.keys.from_app(table, column.name, row[name])
        if table in self.keys.keyed and "id" in names:
            rows.sort(key=lambda row: (0, row["id"], "") if isinstance(row["id"], int) else (1, 0, str(row["id"])))
        return rows


__all__ = ["Tables", "AdapterError"]
