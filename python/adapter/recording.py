"""What a request sends to the database, and the hooks that fail or pause it, through SQLAlchemy engine events.

Each request runs under a `Trace` bound to its thread; statements sent while no trace is bound (the adapter's own
work goes through raw connections anyway) are neither recorded, counted, failed nor paused.
"""

import re
import threading
import time

from sqlalchemy import event

from .errors import protocol_error
from .fields import optional, required

# A fault replaces a statement with one that makes PostgreSQL itself raise a real error (a PL/pgSQL RAISE with the
# chosen SQLSTATE), which psycopg2 raises as its class for that SQLSTATE and SQLAlchemy wraps: by default 08006
# (connection failure, `OperationalError`), as for a lost connection. The named failures, with their SQLSTATEs:
RAISES = {
    "connection_lost": ("08006", "injected fault"),
    "serialization_failure": ("40001", "could not serialize access due to concurrent update (injected fault)"),
    "deadlock": ("40P01", "deadlock detected (injected fault)"),
    "lock_timeout": ("55P03", "canceling statement due to lock timeout (injected fault)"),
}
_SQLSTATE = re.compile(r"[0-9A-Z]{5}\Z")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_$]*\Z")


def _literal(text: str) -> str:
    """`text` as a PostgreSQL string literal inside a dollar-quoted body."""
    return "'" + text.replace("'", "''") + "'"


def fault_sql(raises) -> str:
    """The statement that makes PostgreSQL raise `raises`: a name of `RAISES`, or
    `{"sqlstate", "message", "constraint", "table", "column"}` (all but `sqlstate` optional) for a chosen refusal."""
    if isinstance(raises, str):
        sqlstate, message = RAISES[raises]
        options = {"MESSAGE": message}
    else:
        sqlstate = raises["sqlstate"]
        options = {"MESSAGE": raises.get("message") or f"injected fault (SQLSTATE {sqlstate})"}
        for name in ("constraint", "table", "column"):
            if raises.get(name) is not None:
                options[name.upper()] = raises[name]
    using = ", ".join([f"ERRCODE = '{sqlstate}'"] + [f"{key} = {_literal(value)}" for key, value in options.items()])
    return f"DO $fault$ BEGIN RAISE EXCEPTION USING {using}; END $fault$"


def parse_raise(command: dict):
    """The `raise` field of a `fault` command, checked: a name of `RAISES` (default `connection_lost`) or a refusal."""
    raises = command.get("raise", "connection_lost")
    if raises is None:
        return "connection_lost"
    if isinstance(raises, str):
        if raises not in RAISES:
            raise protocol_error(f"field `raise` must be one of {', '.join(RAISES)} or a refusal object")
        return raises
    if not isinstance(raises, dict):
        raise protocol_error("field `raise` must be a string or an object")
    sqlstate = required(raises, "sqlstate", str, where="raise.")
    if not _SQLSTATE.match(sqlstate) or sqlstate.startswith("00"):
        raise protocol_error("field `raise.sqlstate` must be five digits or capital letters, not class 00")
    refusal = {"sqlstate": sqlstate}
    for name in ("message", "constraint", "table", "column"):
        value = optional(raises, name, str, where="raise.")
        if value is not None and name != "message" and not _NAME.match(value):
            raise protocol_error(f"field `raise.{name}` must be an SQL identifier")
        refusal[name] = value
    return refusal

_NAME_PATTERN = r'(?:"(?:[^"]|"")+"|[A-Za-z_][\w$]*)(?:\.(?:"(?:[^"]|"")+"|[A-Za-z_][\w$]*))?'
_TABLE = re.compile(rf"\b(?:FROM|INTO|UPDATE)\s+(?:ONLY\s+)?({_NAME_PATTERN})", re.IGNORECASE)
# Every write a statement makes: `INSERT INTO t`, `UPDATE t`, `DELETE FROM t`, wherever they stand (the parts of a
# CTE included); an UPDATE after DO (`ON CONFLICT DO UPDATE`), FOR or KEY (`SELECT ... FOR UPDATE`) is none.
_WRITE = re.compile(
    rf"\b(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+(?:ONLY\s+)?({_NAME_PATTERN})", re.IGNORECASE)
_NOT_A_WRITE_AFTER = re.compile(r"\b(?:DO|FOR|KEY)\s*\Z", re.IGNORECASE)


def _table_name(name: str, naming) -> str:
    name = name.rsplit(".", 1)[-1]
    if name.startswith('"'):
        name = name[1:-1].replace('""', '"')
    return naming.harness_table(name)


def classify(sql: str, naming) -> dict:
    """`{"kind": "INSERT", "table": "products"}`: the first word, and the first table after FROM, INTO or UPDATE.

    A statement that writes more than that one table (a CTE whose parts insert, update or delete) also lists every
    write it makes, in order: `"writes": [{"kind": "INSERT", "table": "products"}, {"kind": "INSERT", "table":
    "inventory"}]`, so that a fault or a pause aimed at any of them finds it."""
    words = sql.lstrip().split(None, 1)
    kind = words[0].upper() if words else ""
    if kind == "WITH":  # a CTE: the statement's kind is its first main keyword
        later = re.search(r"\b(SELECT|INSERT|UPDATE|DELETE)\b", sql, re.IGNORECASE)
        kind = later.group(1).upper() if later else kind
    statement = {"kind": kind}
    match = _TABLE.search(sql)
    if match:
        statement["table"] = _table_name(match.group(1), naming)
    writes = []
    for write in _WRITE.finditer(sql):
        if write.group(1).upper() == "UPDATE" and _NOT_A_WRITE_AFTER.search(sql, 0, write.start()):
            continue
        entry = {"kind": write.group(1).split()[0].upper(), "table": _table_name(write.group(2), naming)}
        if entry not in writes:
            writes.append(entry)
    if any(write != {"kind": kind, "table": statement.get("table")} for write in writes):
        statement["writes"] = writes
    return statement


def parse_point(command: dict, where: str) -> dict:
    """A statement selector: `{"kind": "INSERT", "table": "inventory"}` (table optional, and absent for COMMIT)."""
    kind = required(command, "kind", str, where=where).upper()
    point = {"kind": kind}
    table = optional(command, "table", str, where=where)
    if table is not None:
        point["table"] = table
    return point


def _matches(point: dict, statement: dict) -> bool:
    """Whether `statement` is one `point` selects: its own kind and table, or any write it lists."""
    return any(
        candidate["kind"] == point["kind"] and ("table" not in point or candidate.get("table") == point["table"])
        for candidate in [statement] + statement.get("writes", []))


class Fault:
    """One planned failure, counted from the moment it is planned; it fires once."""

    def __init__(self, point: dict | None = None, occurrence: int | None = None, commit: int | None = None,
                 ordinal: int | None = None, raises="connection_lost"):
        if commit is not None:
            point, occurrence = {"kind": "COMMIT"}, commit
        self.point = point
        self.target = ordinal if ordinal is not None else occurrence
        self.seen = 0
        self.sql = fault_sql(raises)

    @classmethod
    def from_command(cls, command: dict) -> "Fault":
        raises = parse_raise(command)
        given = [name for name in ("statement", "commit", "ordinal") if command.get(name) is not None]
        if len(given) != 1:
            raise protocol_error("a fault needs exactly one of `statement`, `commit` or `ordinal`")
        if given[0] == "statement":
            point = parse_point(required(command, "statement", dict), "statement.")
            occurrence = optional(command, "occurrence", int, default=1)
            fault = cls(point=point, occurrence=occurrence, raises=raises)
        elif given[0] == "commit":
            fault = cls(commit=required(command, "commit", int), raises=raises)
        else:
            fault = cls(ordinal=required(command, "ordinal", int), raises=raises)
        if fault.target < 1:
            raise protocol_error(f"field `{'occurrence' if given[0] == 'statement' else given[0]}` must be 1 or more")
        return fault

    def counts(self, statement: dict) -> bool:
        """Counts `statement` and answers whether this fault fires on it."""
        if self.point is None or _matches(self.point, statement):
            self.seen += 1
        return self.seen == self.target


class FaultPlan:
    def __init__(self):
        self._lock = threading.Lock()
        self._faults: list[Fault] = []

    def add(self, fault: Fault):
        with self._lock:
            self._faults.append(fault)

    def clear(self):
        with self._lock:
            self._faults.clear()

    def fire(self, statement: dict) -> list[Fault]:
        """Counts `statement` for every planned fault; answers those that fire on it (and forgets them)."""
        with self._lock:
            fired = [fault for fault in self._faults if fault.counts(statement)]
            self._faults = [fault for fault in self._faults if fault not in fired]
            return fired


class PausePoint:
    """Where a race's first request stops: just before its `occurrence`-th statement matching `point`."""

    def __init__(self, point: dict, occurrence: int):
        self.point = point
        self.occurrence = occurrence
        self.seen = 0
        self.reached = threading.Event()
        self.resume = threading.Event()

    def before(self, statement: dict):
        if self.reached.is_set() or not _matches(self.point, statement):
            return
        self.seen += 1
        if self.seen == self.occurrence:
            self.reached.set()
            self.resume.wait()


class Trace:
    """One request's record: its statements, the faults that fired on it, the exception Flask saw."""

    def __init__(self, pause: PausePoint | None = None):
        self.statements: list[dict] = []
        self.faults_fired = 0
        self.exception: BaseException | None = None
        self.pause = pause
        self.commit_fault_due: str | None = None  # the SQL of the fault that fails the coming commit
        self.log: list[dict] = []
        self.rows_read = 0  # rows the SELECTs sent returned to the app
        self.database_seconds = 0.0  # wall time inside the driver's calls: statements, commits, rollbacks


class Capture:
    """Keeps the SQL and parameters of the `occurrence`-th statement matching `point` (for `explain`)."""

    def __init__(self, point: dict, occurrence: int):
        self.point = point
        self.occurrence = occurrence
        self.seen = 0
        self.sql = None
        self.parameters = None

    def offer(self, statement: dict, sql: str, parameters):
        if self.sql is None and _matches(self.point, statement):
            self.seen += 1
            if self.seen == self.occurrence:
                self.sql, self.parameters = sql, parameters


_local = threading.local()
_capturing: list[Capture | None] = [None]


def capture(target: Capture | None):
    """Offers every recorded statement to `target` from now on (`None`: stop)."""
    _capturing[0] = target


def current() -> Trace | None:
    return getattr(_local, "trace", None)


def bind(trace: Trace | None):
    _local.trace = trace


def install(engine, naming, plan: FaultPlan):
    """Hooks the engine: records, pauses and fails statements and commits of the bound trace."""

    def seen(trace: Trace, statement: dict) -> str | None:
        """Records `statement`; answers the SQL of the (first) fault firing on it, if any."""
        if trace.pause is not None:
            trace.pause.before(statement)
        trace.statements.append(statement)
        fired = plan.fire(statement)
        trace.faults_fired += len(fired)
        return fired[0].sql if fired else None

    @event.listens_for(engine, "before_cursor_execute", retval=True)
    def before_cursor_execute(conn, cursor, statement, parameters, context, executemany):
        trace = current()
        if trace is None:
            return statement, parameters
        kind = classify(statement, naming)
        if _capturing[0] is not None:
            _capturing[0].offer(kind, statement, parameters)
        sql = seen(trace, kind)
        if sql is not None:
            return sql, ([{}] if executemany else {})
        return statement, parameters

    @event.listens_for(engine, "after_cursor_execute")
    def after_cursor_execute(conn, cursor, statement, parameters, context, executemany):
        trace = current()
        if (trace is not None and cursor.rowcount > 0 and cursor.description is not None
                and statement.lstrip()[:6].upper() in ("SELECT", "WITH")):
            trace.rows_read += cursor.rowcount

    @event.listens_for(engine, "commit")
    def commit(conn):
        trace = current()
        if trace is not None:
            trace.commit_fault_due = seen(trace, {"kind": "COMMIT"})

    # The commit event fires just before the dialect commits; a fault due fails that very commit inside
    # `do_commit`, so SQLAlchemy wraps and handles the error as it would a failing COMMIT. The real transaction is
    # rolled back first, as a lost connection would lose it, and the connection goes back to the pool clean.
    dialect = engine.dialect
    real_do_commit = dialect.do_commit

    def do_commit(dbapi_connection):
        trace = current()
        if trace is not None and trace.commit_fault_due is not None:
            sql, trace.commit_fault_due = trace.commit_fault_due, None
            try:
                cursor = dbapi_connection.cursor()
                try:
                    cursor.execute(sql)
                finally:
                    cursor.close()
            except Exception:
                dbapi_connection.rollback()
                raise
        real_do_commit(dbapi_connection)

    dialect.do_commit = do_commit
    for name in ("do_execute", "do_executemany", "do_execute_no_params", "do_commit", "do_rollback"):
        setattr(dialect, name, _timed(getattr(dialect, name)))
    return before_cursor_execute, commit, after_cursor_execute


def _timed(call):
    """`call` (one of the dialect's calls into the driver), adding its wall time to the bound trace's
    `database_seconds`: the round trip, the server's work and the driver's own (psycopg2 sends a transaction's BEGIN
    inside its first statement's call)."""

    def timed(*arguments):
        trace = current()
        if trace is None:
            return call(*arguments)
        began = time.perf_counter()
        try:
            return call(*arguments)
        finally:
            trace.database_seconds += time.perf_counter() - began

    return timed
