"""An adapter process to talk to, and the demo fixture, for the tests."""

import base64
import json
import os
import subprocess
import sys
import unittest
import uuid

PYTHON_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATABASE_URL = os.environ.get("STOCKFLOW_DATABASE_URL")

FIXTURE = [
    {"table": "companies", "rows": [{"id": 1, "name": "Acme Tools"}, {"id": 2, "name": "Globex Supply"}]},
    {"table": "users", "rows": [{"id": 1, "company_id": 1, "name": "alice@acme.test", "role": "manager"},
                                {"id": 2, "company_id": 2, "name": "bob@globex.test", "role": "admin"},
                                {"id": 3, "company_id": 1, "name": "carol@acme.test", "role": "viewer"}]},
    {"table": "warehouses", "rows": [{"id": 1, "company_id": 1, "name": "Acme Main"},
                                     {"id": 2, "company_id": 1, "name": "Acme Overflow"},
                                     {"id": 3, "company_id": 2, "name": "Globex Central"}]},
]


def needs_database(test_case):
    return unittest.skipUnless(DATABASE_URL, "set STOCKFLOW_DATABASE_URL to a PostgreSQL database")(test_case)


class Adapter:
    """`python -m adapter` on pipes; `send` writes one command and reads its answer."""

    def __init__(self):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "adapter"], cwd=PYTHON_DIR, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True, bufsize=1,
        )
        self.next_id = 0

    def send_line(self, line: str) -> dict:
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline()
        if not answer:
            raise AssertionError("the adapter stopped: " + self.process.stderr.read())
        return json.loads(answer)

    def send(self, op: str, **fields) -> dict:
        self.next_id += 1
        answer = self.send_line(json.dumps({"id": self.next_id, "op": op, **fields}))
        assert answer.get("id") == self.next_id, answer
        return answer

    def ok(self, op: str, **fields) -> dict:
        answer = self.send(op, **fields)
        assert answer["ok"], answer
        return answer

    def close(self):
        if self.process.poll() is None:
            try:
                self.send("quit")
            except (AssertionError, BrokenPipeError, ValueError):
                pass
            self.process.wait(10)
        self.process.stdin.close()
        self.process.stdout.close()
        self.process.stderr.close()


class LoadedAppCase(unittest.TestCase):
    """One adapter serving `APP` (relative to `python/`) on a fresh database of the class's own, dropped after the
    class; `NOW`, when set, is the harness's moment given to `load`. `loaded` is the load's answer."""

    APP = ""
    NOW = None

    @classmethod
    def setUpClass(cls):
        cls.url = fresh_database_url()
        cls.adapter = Adapter()
        now = {} if cls.NOW is None else {"now": cls.NOW}
        cls.loaded = cls.adapter.ok("load", app=cls.APP, database_url=cls.url, **now)

    @classmethod
    def tearDownClass(cls):
        cls.adapter.close()
        drop_database(cls.url)


class FixtureCase(LoadedAppCase):
    """`LoadedAppCase` with the tables reset to the demo fixture before each test (`reset`: the reset's answer)."""

    def setUp(self):
        self.reset = self.adapter.ok("reset", fixture=FIXTURE)


def post_json(body, path="/api/products", **extra) -> dict:
    raw = body if isinstance(body, (bytes, str)) else json.dumps(body)
    if isinstance(raw, str):
        raw = raw.encode()
    return {"method": "POST", "path": path, "headers": {"Content-Type": "application/json"},
            "body_b64": base64.b64encode(raw).decode(), "user_id": 1, **extra}


def body_json(answer: dict):
    return json.loads(base64.b64decode(answer["body_b64"]))


def fresh_database_url() -> str:
    """A database of its own for one test class, created on the server of STOCKFLOW_DATABASE_URL."""
    import psycopg2
    name = "stockflow_test_" + uuid.uuid4().hex[:10]
    connection = psycopg2.connect(DATABASE_URL)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()
    return _with_database(DATABASE_URL, name)


def drop_database(url: str):
    import psycopg2
    name = url.split("/")[-1].split("?")[0]
    connection = psycopg2.connect(DATABASE_URL)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    connection.close()


def _with_database(url: str, name: str) -> str:
    from urllib.parse import urlsplit, urlunsplit
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, parts.fragment))
