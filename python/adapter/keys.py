"""The harness's integer ids for an app whose tables are keyed by UUID, translated at the adapter's boundary.

The harness speaks in the case study's integer ids: fixture rows `{"id": 1}`, bodies `{"warehouse_id": 1}`, paths
`/api/companies/1/alerts/low-stock`, the caller `X-User-Id: 1`, and it reads integer ids back from responses and
dumps. For each table keyed by a single UUID column, `Keys` keeps a two-way map between the harness's integers and
the app's UUIDs, so such an app is graded on what it does rather than on the type of its keys:

- a fixture or seeded row's integer `id` becomes `uuid5(NAMESPACE, "<table>:<id>")`, and so does the integer in a
  column referencing a UUID-keyed table that names no known row, so runs are reproducible byte for byte; a row
  seeded without an id takes the next free integer and that integer's UUID;
- a row the app creates gets the next integer after the largest its table has known, when first seen after the
  request that wrote it (or before a dump): in the order PostgreSQL holds their writes, by the writing
  transaction's id (`xmin`), then the command within it (`cmin`), then the row's place (`ctid`), which the same
  sequence of commands reproduces whatever the app's random UUIDs;
- a request's integer values under keys naming a UUID-keyed table (`warehouse_id`), integer path segments whose
  route variable names one, and `X-User-Id` become UUIDs (an integer naming no row becomes a UUID no row has, so the
  app answers its own "not found"); anything else (strings, floats, booleans, null, negative numbers) is sent as is;
- UUIDs the map knows become integers again in responses (JSON bodies, headers) and in dumps.

A table keyed by any other non-integer (a string SKU, several columns) is not translated; the load warns of it.
"""

import json
import re
import threading
import uuid

from psycopg2 import sql

from .tables import raw_connection

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://stockflow-review.invalid/keys")
"""The namespace of the UUIDs the harness's integers become: fixed, so every run gives the same UUIDs."""

_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_UNSIGNED = re.compile(r"(?:0|[1-9][0-9]*)\Z")
# One JSON token: a string, a number, a punctuation mark, a literal (true, NaN, ...), or whitespace.
_TOKEN = re.compile(
    r'"[^"\\]*(?:\\.[^"\\]*)*"|-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?|[{}\[\]:,]|[A-Za-z]+|\s+|.', re.DOTALL)


def harness_uuid(table: str, number: int) -> str:
    """The UUID the harness's integer `number` becomes in `table` (the app's table name) when no row holds it yet."""
    return str(uuid.uuid5(NAMESPACE, f"{table}:{number}"))


def _is_uuid_type(column, dialect) -> bool:
    """Whether PostgreSQL holds the column as `uuid` (SQLAlchemy's `Uuid`, PostgreSQL's `UUID`, or a type decorator
    that stores one there)."""
    try:
        return column.type.compile(dialect=dialect).upper() == "UUID"
    except Exception:
        return False


def _is_integer_type(column) -> bool:
    try:
        return issubclass(column.type.python_type, int)
    except NotImplementedError:
        return False


def key_notes(metadata, dialect) -> list[str]:
    """The notes on tables keyed by one column that does not hold integers: one naming the UUID-keyed tables,
    which are translated, then one per table keyed by anything else (a string SKU, say), which is not understood:
    it warns that the verdicts needing the link may be wrong."""
    notes, translated = [], []
    for table in metadata.sorted_tables:
        key = list(table.primary_key.columns)
        if len(key) != 1 or _is_integer_type(key[0]):
            continue
        if _is_uuid_type(key[0], dialect):
            translated.append(table.name)
        else:
            notes.append(
                f"table {table.name} is keyed by {key[0].name} ({key[0].type}), not an integer: the harness numbers "
                "its rows by position, so rows referencing them are not linked to them; verdicts that need the link "
                "may be wrong")
    if len(translated) == 1:
        notes.insert(0, f"table {translated[0]} is keyed by UUID: the harness's integer ids are translated to and "
                        "from its UUIDs")
    elif translated:
        notes.insert(0, f"tables {', '.join(translated)} are keyed by UUID: the harness's integer ids are "
                        "translated to and from their UUIDs")
    return notes


def _tokens(text: str) -> list[re.Match]:
    """The JSON text's tokens, whitespace left out."""
    return [match for match in _TOKEN.finditer(text) if not match.group().isspace()]


def _json_text(body: bytes) -> str | None:
    """The body as text when it is a JSON document Python reads, else None (it is then left alone)."""
    if not body:
        return None
    try:
        text = body.decode("utf-8")
        json.loads(text)
    except (ValueError, RecursionError):
        return None
    return text


class Keys:
    """The integer ↔ UUID map of every UUID-keyed table of the loaded app (app table names); inactive, and free,
    for an app keyed by integers. Safe to use from the two threads of a `race`."""

    def __init__(self, metadata=None, naming=None, dialect=None):
        self.naming = naming
        self.keyed: dict[str, str] = {}  # table -> its UUID key column
        self.references: dict[str, dict[str, str]] = {}  # table -> {column holding a UUID id: the table it names}
        self._by_column_name: dict[str, set[str]] = {}  # a referencing column's name -> the tables it names
        if metadata is not None:
            self._describe(metadata, dialect)
        self._lock = threading.RLock()
        self.clear()

    @property
    def active(self) -> bool:
        return bool(self.keyed)

    def _describe(self, metadata, dialect):
        """Finds the UUID-keyed tables, then the columns naming their rows: each key itself, the foreign keys to
        them, and a UUID column without a foreign key named like a reference to one (`user_id` for `users`)."""
        for table in metadata.sorted_tables:
            key = list(table.primary_key.columns)
            if len(key) == 1 and _is_uuid_type(key[0], dialect):
                self.keyed[table.name] = key[0].name
        for table in metadata.sorted_tables:
            columns = {}
            for column in table.columns:
                targets = {fk.column.table.name for fk in column.foreign_keys} & set(self.keyed)
                if column.primary_key and table.name in self.keyed:
                    columns[column.name] = table.name
                elif len(targets) == 1:
                    columns[column.name] = targets.pop()
                    self._by_column_name.setdefault(column.name, set()).add(columns[column.name])
            self.references[table.name] = columns
        for table in metadata.sorted_tables:
            for column in table.columns:
                if column.name not in self.references[table.name] and _is_uuid_type(column, dialect):
                    target = self.referenced_table(column.name)
                    if target is not None:
                        self.references[table.name][column.name] = target

    def referenced_table(self, name: str, previous: str | None = None) -> str | None:
        """The UUID-keyed table a key, column or route variable named `name` refers to, or None: `<singular>_id`
        of a case-study table (`warehouse_id` → `warehouses`, `company_id` → `companies`, through the mapping and
        the singular tables), else the one table the app's foreign keys of that name reference; a bare `id` in a
        route refers to the table its previous segment names (`/api/products/<id>`)."""
        stems = []
        if name.endswith("_id") and len(name) > 3:
            stems.append(name[:-3])
        elif name == "id" and previous:
            stems.append(previous)
        for stem in stems:
            candidates = [stem, stem + "s", stem[:-1] + "ies" if stem.endswith("y") else None]
            for candidate in filter(None, candidates):
                table = self.naming.app_table(candidate) if self.naming is not None else candidate
                if table in self.keyed:
                    return table
        targets = self._by_column_name.get(name, set())
        return next(iter(targets)) if len(targets) == 1 else None

    # The map.

    def clear(self):
        """Forgets every integer (a `reset`)."""
        with self._lock:
            self._uuids: dict[str, dict[int, str]] = {table: {} for table in self.keyed}
            self._integers: dict[str, int] = {}  # a row's UUID (lower case) -> its integer
            self._unknown: dict[str, int] = {}  # the UUID an integer naming no row became -> that integer
            self._largest: dict[str, int] = {table: 0 for table in self.keyed}

    def _claim(self, table: str, number: int, value: str):
        self._uuids[table][number] = value
        self._integers[value.lower()] = number
        self._largest[table] = max(self._largest[table], number)

    def _next(self, table: str) -> int:
        return self._largest[table] + 1

    def uuid_for(self, table: str, number: int) -> str:
        """The UUID of the row the harness calls `number` in `table`; for an integer naming no row, the harness's
        UUID for it, remembered so that it reads back as `number`."""
        with self._lock:
            known = self._uuids[table].get(number)
            if known is not None:
                return known
            value = harness_uuid(table, number)
            if value not in self._integers:
                self._unknown[value] = number
            return value

    def integer_for(self, value: str) -> int | None:
        """The harness's integer for a UUID, or None when the map does not know it."""
        with self._lock:
            lowered = value.lower()
            found = self._integers.get(lowered)
            return found if found is not None else self._unknown.get(lowered)

    # Rows the harness writes (reset, seed).

    def claim_ids(self, table: str, rows: list[dict]):
        """Registers the integer ids the harness gives rows of `table` (app column names), before any row without
        one is numbered, so a fixture listing a row without an id first does not take another row's number."""
        key = self.keyed.get(table)
        if key is None:
            return
        with self._lock:
            for values in rows:
                number = values.get(key)
                if _harness_integer(number):
                    self._claim(table, number, harness_uuid(table, number))

    def to_app(self, table: str, values: dict):
        """Translates a row the harness writes into `table` (app column names, in place): its integer id and the
        integers of its columns naming UUID-keyed rows become UUIDs; a row of a UUID-keyed table without an id takes
        the next free integer and that integer's UUID (the id the harness would have given it)."""
        key = self.keyed.get(table)
        with self._lock:
            if key is not None and values.get(key) is None:
                number = self._next(table)
                self._claim(table, number, harness_uuid(table, number))
                values[key] = self._uuids[table][number]
            for column, target in self.references.get(table, {}).items():
                value = values.get(column)
                if _harness_integer(value):
                    if column == key and value not in self._uuids[target]:
                        self._claim(table, value, harness_uuid(table, value))
                    values[column] = self.uuid_for(target, value)

    def from_app(self, table: str, column: str, value):
        """A value of `table.column` as the harness reads it: a UUID naming a known row as its integer, anything
        else unchanged (a UUID the driver returns as `uuid.UUID`, as its text)."""
        if isinstance(value, uuid.UUID):
            value = str(value)
        if isinstance(value, str) and column in self.references.get(table, {}):
            number = self.integer_for(value)
            return value if number is None else number
        return value

    def column_type(self, table: str, column: str, type_text: str) -> str:
        """A column's type as the harness sees it: `integer` for a column whose UUIDs it reads as integers."""
        return "integer" if column in self.references.get(table, {}) else type_text

    def translated_columns(self, table: str) -> dict[str, str]:
        return self.references.get(table, {})

    # Rows the app writes.

    def number_new_rows(self, engine):
        """Gives every row of a UUID-keyed table that the map does not know yet the next integer of its table, in
        the order PostgreSQL holds their writes: the writing transaction (`xmin`), then the command within it
        (`cmin`), then the row's place (`ctid`). One query, on a raw connection of the app's engine, so it is not
        recorded as the app's."""
        if not self.active:
            return
        tables = list(self.keyed)
        parts = [
            sql.SQL("(SELECT {}, {}::text FROM {} ORDER BY xmin::text::bigint, cmin::text::bigint, ctid)").format(
                sql.Literal(number), sql.Identifier(self.keyed[table]), sql.Identifier(table))
            for number, table in enumerate(tables)
        ]
        with raw_connection(engine, "numbering the app's new rows") as connection, connection.cursor() as cursor:
            cursor.execute(sql.SQL(" UNION ALL ").join(parts))
            fetched = cursor.fetchall()
        with self._lock:
            for number, value in fetched:
                table = tables[number]
                if value.lower() not in self._integers:
                    self._claim(table, self._next(table), value)

    # Requests.

    def address(self, app, path: str, headers: dict) -> tuple[str, dict]:
        """The request's path and headers as the app should see them: integer ids in the path and in `X-User-Id`
        translated to the app's UUIDs."""
        if not self.active:
            return path, headers
        return self.request_path(app, path), self.request_headers(headers)

    def request_headers(self, headers: dict) -> dict:
        """`X-User-Id: 1` as the UUID of user 1 when users are keyed by UUID."""
        users = self.referenced_table("user_id")
        if users is None:
            return headers
        translated = dict(headers)
        for name, value in headers.items():
            if name.lower() == "x-user-id" and _UNSIGNED.match(value.strip()):
                translated[name] = self.uuid_for(users, int(value.strip()))
        return translated

    def request_path(self, app, path: str) -> str:
        """An integer path segment as a UUID where the app's route puts a variable naming a UUID-keyed table there
        (`/api/companies/1/alerts/low-stock` for `/api/companies/<company_id>/alerts/low-stock`)."""
        segments = path.split("/")
        for rule in app.url_map.iter_rules():
            parts = rule.rule.split("/")
            if len(parts) != len(segments) or "<path:" in rule.rule:
                continue
            translated, matched = list(segments), True
            for index, (part, segment) in enumerate(zip(parts, segments)):
                variable = _variable(part)
                if variable is None:
                    if part != segment:
                        matched = False
                        break
                    continue
                table = self.referenced_table(variable, parts[index - 1] if index else None)
                if table is not None and _UNSIGNED.match(segment):
                    translated[index] = self.uuid_for(table, int(segment))
            if matched and translated != segments:
                return "/".join(translated)
        return path

    def request_body(self, body: bytes) -> bytes:
        """The JSON body with each non-negative integer under a key naming a UUID-keyed table (at any depth) as that
        row's UUID string; every other byte as sent, so a probe's odd number or spacing reaches the app intact. A
        body that is not JSON is sent as is."""
        text = _json_text(body) if self.active else None
        if text is None:
            return body
        tokens = _tokens(text)
        pieces, last = [], 0
        for index in range(2, len(tokens)):
            token = tokens[index]
            if tokens[index - 1].group() != ":" or not _UNSIGNED.match(token.group()):
                continue
            key = json.loads(tokens[index - 2].group())
            table = self.referenced_table(key)
            if table is None:
                continue
            pieces += [text[last:token.start()], json.dumps(self.uuid_for(table, int(token.group())))]
            last = token.end()
        if not pieces:
            return body
        return ("".join(pieces) + text[last:]).encode("utf-8")

    # Responses.

    def response_body(self, body: bytes) -> bytes:
        """The JSON body with each string that is a known UUID as its integer (a key as the integer's text), and
        known UUIDs inside longer strings as their integers' digits; every other byte as the app sent it. A body
        that is not JSON is left alone."""
        if not self.active:
            return body
        text = _json_text(body)
        if text is None or not _UUID.search(text):
            return body
        tokens = _tokens(text)
        pieces, last = [], 0
        for index, token in enumerate(tokens):
            if not token.group().startswith('"'):
                continue
            value = json.loads(token.group())
            whole = self.integer_for(value) if _UUID.fullmatch(value) else None
            if whole is not None:
                is_key = index + 1 < len(tokens) and tokens[index + 1].group() == ":"
                replacement = json.dumps(str(whole)) if is_key else str(whole)
            else:
                changed = self.replace_in_text(value)
                if changed == value:
                    continue
                replacement = json.dumps(changed)
            pieces += [text[last:token.start()], replacement]
            last = token.end()
        if not pieces:
            return body
        return ("".join(pieces) + text[last:]).encode("utf-8")

    def replace_in_text(self, text: str) -> str:
        """`text` with every UUID the map knows as its integer's digits (`/api/products/<uuid>` → `/api/products/3`)."""

        def replace(match):
            number = self.integer_for(match.group())
            return match.group() if number is None else str(number)

        return _UUID.sub(replace, text) if self.active else text


def _harness_integer(value) -> bool:
    """Whether `value` is one of the harness's ids: a non-negative JSON integer (not a boolean)."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _variable(part: str) -> str | None:
    """The variable's name when a rule's segment is exactly one variable (`<int:company_id>` → `company_id`)."""
    if part.startswith("<") and part.endswith(">") and part.count("<") == 1:
        return part[1:-1].split(":")[-1].strip()
    return None
