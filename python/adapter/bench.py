"""Benchmark commands: many requests over several threads, timed inside the adapter, and bulk loading by COPY.

`bench` runs N requests over K threads (each its own test client, app context, session and connection from the
app's pool), so the pipe to the harness is never the bottleneck; `copy` loads rows with PostgreSQL's COPY and
analyzes the table, so a million-row store is seeded in seconds.
"""

import threading
import time
from collections import Counter

from psycopg2 import sql

from . import recording, requesting
from .errors import protocol_error
from .fields import optional, required
from .tables import raw_connection

GIVE_UP = 3600.0


def _bodies(spec: requesting.RequestSpec, count: int, token: str | None, modulo: int | None) -> list[bytes]:
    """Request `i`'s body: the spec's body with `token` replaced by `i` (or `i % modulo`)."""
    if token is None:
        return [spec.body] * count
    text = spec.body.decode("utf-8")
    return [text.replace(token, str(i % modulo if modulo else i)).encode("utf-8") for i in range(count)]


def run(loaded, command: dict) -> dict:
    spec = requesting.RequestSpec(required(command, "request", dict), where="request.")
    count = required(command, "count", int)
    clients = optional(command, "clients", int, default=1)
    token = optional(command, "vary", str)
    modulo = optional(command, "modulo", int)
    if count < 1 or clients < 1 or (modulo is not None and modulo < 1):
        raise protocol_error("fields `count`, `clients` and `modulo` must be 1 or more")
    bodies = _bodies(spec, count, token, modulo)
    path, headers = spec.addressed(loaded)
    if loaded.keys.active:
        translated: dict[bytes, bytes] = {}  # the bodies repeat (all alike, or `modulo` distinct ones)
        for body in bodies:
            if body not in translated:
                translated[body] = loaded.keys.request_body(body)
        bodies = [translated[body] for body in bodies]
    start = threading.Barrier(clients + 1)
    results: list[dict] = [{} for _ in range(clients)]

    def client_loop(number: int):
        outcome = results[number]
        statuses, statements, commits, rows, size, database = Counter(), 0, 0, 0, 0, 0.0
        client = loaded.app.test_client(use_cookies=False)
        start.wait()
        try:
            for index in range(number, count, clients):
                trace = recording.Trace()
                recording.bind(trace)
                try:
                    response = client.open(
                        path, method=spec.method, query_string=spec.query, headers=headers,
                        data=bodies[index])
                    size += len(response.get_data())
                    response.close()
                finally:
                    recording.bind(None)
                statuses[str(response.status_code)] += 1
                statements += len(trace.statements)
                commits += sum(statement["kind"] == "COMMIT" for statement in trace.statements)
                rows += trace.rows_read
                database += trace.database_seconds
        except BaseException as exc:  # reported by the main thread
            outcome["error"] = exc
        outcome.update(
            statuses=statuses, statements=statements, commits=commits, rows=rows, size=size, database=database)

    threads = [threading.Thread(target=client_loop, args=(n,), daemon=True) for n in range(clients)]
    for thread in threads:
        thread.start()
    start.wait()
    began, cpu_began = time.perf_counter(), time.process_time()
    for thread in threads:
        thread.join(GIVE_UP)
    elapsed, cpu = time.perf_counter() - began, time.process_time() - cpu_began
    for outcome in results:
        if "error" in outcome:
            raise outcome["error"]
    statuses = Counter()
    for outcome in results:
        statuses.update(outcome["statuses"])
    return {
        "elapsed_seconds": elapsed,
        "cpu_seconds": cpu,
        "database_seconds": sum(outcome["database"] for outcome in results),
        "statuses": dict(sorted(statuses.items())),
        "statements": sum(outcome["statements"] for outcome in results),
        "commits": sum(outcome["commits"] for outcome in results),
        "rows_read": sum(outcome["rows"] for outcome in results),
        "response_bytes": sum(outcome["size"] for outcome in results),
    }


def copy(loaded, command: dict) -> dict:
    harness_table = required(command, "table", str)
    columns = required(command, "columns", list)
    text = required(command, "csv", str)
    tables = loaded.tables
    table = tables.naming.app_table(harness_table)
    if table not in tables.columns:
        raise protocol_error(f"the app has no table `{harness_table}`")
    known = {column.name for column in tables.columns[table]}
    names = []
    for index, column in enumerate(columns):
        if not isinstance(column, str):
            raise protocol_error(f"field `columns[{index}]` must be a string")
        name = tables.naming.app_column(harness_table, column)
        if name not in known:
            raise protocol_error(f"table `{harness_table}` has no column `{column}`")
        names.append(name)
    statement = sql.SQL("COPY {} ({}) FROM STDIN WITH (FORMAT csv)").format(
        sql.Identifier(table), sql.SQL(", ").join(sql.Identifier(name) for name in names))
    with raw_connection(tables.engine, "copying rows") as connection, connection.cursor() as cursor:
        cursor.copy_expert(statement.as_string(connection), _Lines(text))
        copied = cursor.rowcount
        connection.commit()
        connection.autocommit = True
        try:
            cursor.execute(sql.SQL("ANALYZE {}").format(sql.Identifier(table)))
        finally:
            connection.autocommit = False
    return {"rows": copied}


def explain(loaded, command: dict) -> dict:
    """`EXPLAIN` of the statement the next matching request sends: runs the request, keeps the SQL and parameters
    of its `occurrence`-th statement matching `statement`, and explains it on a raw connection."""
    spec = requesting.RequestSpec(required(command, "request", dict), where="request.")
    point = recording.parse_point(required(command, "statement", dict), "statement.")
    occurrence = optional(command, "occurrence", int, default=1)
    analyze = optional(command, "analyze", bool, default=False)
    capture = recording.Capture(point, occurrence)
    recording.capture(capture)
    try:
        requesting.run(loaded, spec)
    finally:
        recording.capture(None)
    if capture.sql is None:
        return {"plan": None, "sql": None}
    options = "ANALYZE, BUFFERS, " if analyze else ""
    with raw_connection(loaded.tables.engine, "explaining") as connection, connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN ({options}COSTS OFF) " + capture.sql, capture.parameters)
        plan = [row[0] for row in cursor.fetchall()]
    return {"plan": plan, "sql": capture.sql}


class _Lines:
    """A file-like view of a string, for `copy_expert`."""

    def __init__(self, text: str):
        self._data = text.encode("utf-8")
        self._position = 0

    def read(self, size: int = -1) -> bytes:
        end = len(self._data) if size is None or size < 0 else self._position + size
        chunk = self._data[self._position:end]
        self._position += len(chunk)
        return chunk

    def readline(self, size: int = -1) -> bytes:
        end = self._data.find(b"\n", self._position)
        end = len(self._data) if end < 0 else end + 1
        return self.read(end - self._position)
