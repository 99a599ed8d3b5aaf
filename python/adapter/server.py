"""The protocol loop: one JSON command per input line, one JSON answer per output line, in order."""

import json
import platform
from datetime import datetime
from importlib import metadata

from . import bench, loading, race, recording, requesting
from .errors import AdapterError, format_exception, protocol_error
from .fields import optional, required
from .naming import Naming

PROTOCOL_VERSION = 1
PACKAGES = ("flask", "flask-sqlalchemy", "sqlalchemy", "psycopg2-binary", "werkzeug")


class Adapter:
    def __init__(self):
        self.loaded: loading.LoadedApp | None = None

    def app(self) -> loading.LoadedApp:
        if self.loaded is None:
            raise protocol_error("no app is loaded: send `load` first")
        return self.loaded

    def hello(self, command):
        packages = {}
        for name in PACKAGES:
            try:
                packages[name] = metadata.version(name)
            except metadata.PackageNotFoundError:
                packages[name] = None
        return {"protocol": PROTOCOL_VERSION, "python": platform.python_version(), "packages": packages}

    def load(self, command):
        path = required(command, "app", str)
        url = required(command, "database_url", str)
        naming = Naming.from_command(command.get("mapping"))
        now = optional(command, "now", str)
        name = optional(command, "name", str)
        if now is not None:
            try:
                moment = datetime.fromisoformat(now)
            except ValueError:
                moment = None
            if moment is None or moment.tzinfo is None:
                raise protocol_error(
                    "field `now` must be an ISO 8601 moment with a time zone, e.g. 2026-01-15T12:00:00Z")
        if self.loaded is not None:
            self.loaded.close()
            self.loaded = None
        self.loaded = loading.load(path, url, naming, now, name)
        answer = {"tables": self.loaded.tables.schema_json(), "routes": self.loaded.routes(), "notes": self.loaded.notes}
        orders = self.loaded.tables.orders
        if orders is not None:
            answer["stand_ins"] = {"sales": [orders.order_table, orders.line_table]}
        return answer

    def reset(self, command):
        loaded = self.app()
        fixture = optional(command, "fixture", list, default=[])
        loaded.plan.clear()
        return loaded.tables.reset(fixture)

    def seed(self, command):
        loaded = self.app()
        table = required(command, "table", str)
        rows = required(command, "rows", list)
        for index, row in enumerate(rows):
            if not isinstance(row, dict):
                raise protocol_error(f"field `rows[{index}]` must be an object")
        return loaded.tables.seed(table, rows)

    def request(self, command):
        loaded = self.app()
        return requesting.run(loaded, requesting.RequestSpec(command))

    def dump(self, command):
        return self.app().tables.dump()

    def fault(self, command):
        loaded = self.app()
        loaded.plan.add(recording.Fault.from_command(command))
        return {}

    def race(self, command):
        return race.run(self.app(), command)

    def bench(self, command):
        return bench.run(self.app(), command)

    def copy(self, command):
        return bench.copy(self.app(), command)

    def explain(self, command):
        return bench.explain(self.app(), command)

    def quit(self, command):
        return {}


def _answer(adapter: Adapter, line: str) -> tuple[dict, bool]:
    """The answer to one line, and whether to stop."""
    try:
        command = json.loads(line)
    except ValueError as exc:
        return {"ok": False, "error": protocol_error(f"the line is not JSON: {exc}").as_json()}, False
    if not isinstance(command, dict):
        return {"ok": False, "error": protocol_error("the command is not a JSON object").as_json()}, False
    answer = {"id": command["id"]} if "id" in command else {}
    try:
        op = required(command, "op", str)
        handler = getattr(adapter, op, None) if op in OPS else None
        if handler is None:
            raise protocol_error(f"unknown op `{op}`")
        answer.update(ok=True, **handler(command))
        return answer, op == "quit"
    except AdapterError as exc:
        answer.update(ok=False, error=exc.as_json())
    except Exception as exc:
        answer.update(ok=False, error={
            "kind": "internal", "message": f"{type(exc).__name__}: {exc}", "traceback": format_exception(exc)})
    return answer, False


OPS = ("hello", "load", "reset", "seed", "request", "dump", "fault", "race", "bench", "copy", "explain", "quit")


def _encode(answer: dict) -> str:
    try:
        return json.dumps(answer, allow_nan=False)
    except (TypeError, ValueError) as exc:
        fallback = {key: answer[key] for key in ("id",) if key in answer}
        fallback.update(ok=False, error={
            "kind": "internal", "message": f"the answer is not JSON: {exc}", "traceback": format_exception(exc)})
        return json.dumps(fallback)


def serve(lines, out) -> int:
    adapter = Adapter()
    for line in lines:
        if not line.strip():
            continue
        answer, stop = _answer(adapter, line)
        out.write(_encode(answer) + "\n")
        out.flush()
        if stop:
            break
    if adapter.loaded is not None:
        adapter.loaded.close()
    return 0
