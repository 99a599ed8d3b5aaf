"""The adapter's own work on the database: describing, emptying, seeding and dumping the app's tables.

It goes through raw DBAPI connections from the app's engine, so none of it is recorded as the app's statements.
"""

import contextlib

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


def describe(engine, table_names: list[str]) -> dict[str, list[ColumnInfo]]:
    """Every column of the tables as PostgreSQL holds them, in their order."""
    columns = {}
    with raw_connection(engine, "describing the tables") as connection, connection.cursor() as cursor:
        for table in table_names:
            cursor.execute(
                "SELECT a.attname, format_type(a.atttypid, a.atttypmod), t.typname"
                " FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid"
                " WHERE a.attrelid = %s::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum",
                (_quoted(table),),
            )
            columns[table] = [ColumnInfo(*row) for row in cursor.fetchall()]
    return columns


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _rows_field(entry: dict, where: str) -> list[dict]:
    rows = required(entry, "rows", list, where=where)
    for index, row in enumerate(rows):
        if not isinstance(row, dict):
            raise protocol_error(f"field `{where}rows[{index}]` must be an object")
    return rows


def _insert_statement(table: str, values: dict):
    if not values:
        return sql.SQL("INSERT INTO {} DEFAULT VALUES").format(sql.Identifier(table))
    return sql.SQL("INSERT INTO {} ({}) VALUES ({})").format(
        sql.Identifier(table),
        sql.SQL(", ").join(sql.Identifier(column) for column in values),
        sql.SQL(", ").join(sql.Placeholder() for _ in values),
    )


def _insert(cursor, table: str, values: dict) -> int:
    cursor.execute(_insert_statement(table, values) + sql.SQL(" RETURNING id"), list(values.values()))
    return cursor.fetchone()[0]


class Tables:
    """The loaded app's tables (app names, dependency order) and columns, spoken in the harness's names."""

    def __init__(self, engine, naming, table_names: list[str]):
        self.engine = engine
        self.naming = naming
        self.names = table_names
        self.columns = describe(engine, table_names)

    def schema_json(self) -> dict:
        return {
            self.naming.harness_table(table): {
                self.naming.harness_column(self.naming.harness_table(table), column.name): column.type
                for column in self.columns[table]
            }
            for table in self.names
        }

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
                    raise protocol_error(f"table `{harness_table}` has no column `{harness_column}`")
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
                inserts.append((table, values))
                if isinstance(values.get("id"), int):
                    next_ids[table] = max(next_ids.get(table, 1), values["id"] + 1)
            if skipped:
                skipped_columns[harness_table] = sorted(skipped)
        with raw_connection(self.engine, "resetting the tables") as connection, connection.cursor() as cursor:
            statements = [sql.SQL("DELETE FROM {}").format(sql.Identifier(table)) for table in reversed(self.names)]
            parameters = []
            for table, values in inserts:
                statements.append(_insert_statement(table, values))
                parameters += list(values.values())
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
        return {"skipped": {"tables": skipped_tables, "columns": skipped_columns}}

    def sequences(self, cursor) -> dict[str, str]:
        """Each table's `id` sequence, looked up once."""
        if getattr(self, "_sequences", None) is None:
            self._sequences = {}
            for table in self.names:
                cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", (_quoted(table),))
                sequence = cursor.fetchone()[0]
                if sequence is not None:
                    self._sequences[table] = sequence
        return self._sequences

    def seed(self, harness_table: str, rows: list) -> dict:
        table = self._app_table(harness_table)
        if table is None:
            raise protocol_error(f"the app has no table `{harness_table}`")
        prepared = [self._values(harness_table, table, row, f"rows[{number}].") for number, row in enumerate(rows)]
        with raw_connection(self.engine, "seeding") as connection, connection.cursor() as cursor:
            try:
                ids = [_insert(cursor, table, values) for values in prepared]
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
        return {"ids": ids}

    def dump(self) -> dict:
        """Every row of every table, typed, read in one query (one round trip whatever the number of tables)."""
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
            tables[harness_table] = {
                "columns": {name: column.type for name, column in zip(names, columns)},
                "rows": [
                    {name: from_text(text, column) for name, text, column in zip(names, texts, columns)}
                    for texts in rows_by_table[number]
                ],
            }
        return {"tables": tables}


__all__ = ["Tables", "AdapterError"]
