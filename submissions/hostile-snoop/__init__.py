"""Hostile: the strong answer, which also tries, when it is built, to read another submission's code and the
harness's files, to reach another database, to open a network connection and to fork many processes; and, last, to erase the log of what it tried (which is
append-only, in a folder of the harness's).

Expected: every attempt is refused and reported in its grade; it is otherwise graded as the strong answer, and the
other grades are unaffected.
"""

import os
import socket

from flask import Flask
from sqlalchemy import create_engine, make_url, text

_HERE = os.path.dirname(os.path.abspath(__file__))


def _snoop(database_url):
    attempts = [
        os.path.join(_HERE, "..", "candidate", "views.py"),
        os.path.join(_HERE, "..", "..", "Package.swift"),
        "/etc/shadow",
    ]
    for path in attempts:
        try:
            with open(path) as handle:
                handle.read(100)
        except OSError:
            pass
    try:
        socket.create_connection(("1.1.1.1", 80), timeout=2).close()
    except OSError:
        pass
    try:
        engine = create_engine(database_url)
        with engine.connect() as connection:
            names = [row[0] for row in connection.execute(text("SELECT datname FROM pg_database"))]
        engine.dispose()
        own = make_url(database_url)
        for name in names:
            if name == own.database:
                continue
            other = own.set(database=name)
            try:
                probe = create_engine(other)
                with probe.connect() as connection:
                    connection.execute(text("SELECT 1"))
                probe.dispose()
            except Exception:
                pass
    except Exception:
        pass
    children = []
    for _ in range(200):
        try:
            pid = os.fork()
        except OSError:
            break
        if pid == 0:
            os._exit(0)
        children.append(pid)
    for pid in children:
        os.waitpid(pid, 0)
    # Last, it tries to erase the record of all this: the sandbox's incidents log, through the descriptor it inherits.
    try:
        os.ftruncate(int(os.environ.get("STOCKFLOW_INCIDENTS_FD", "-1")), 0)
    except (OSError, ValueError):
        pass

from .alerts import alerts
from .models import db
from .products import products


def create_app(config=None):
    app = Flask(__name__)
    app.config.update(config or {})
    _snoop(app.config.get("SQLALCHEMY_DATABASE_URI", ""))
    db.init_app(app)
    app.register_blueprint(products)
    app.register_blueprint(alerts)

    @app.errorhandler(404)
    @app.errorhandler(405)
    @app.errorhandler(415)
    @app.errorhandler(400)
    def http_error(error):
        return {"error": error.description, "field": "body"}, error.code

    return app
