"""Importing an app, building it, and giving it fresh tables on the database it is pointed at."""

import importlib.util
import itertools
import os
import re
import sys

from flask import got_request_exception
from sqlalchemy import text

from . import recording
from .errors import AdapterError, database_error, format_exception, protocol_error
from .tables import Tables

_counter = itertools.count(1)


class LoadedApp:
    def __init__(self, app, engine, naming, tables: Tables, plan: recording.FaultPlan):
        self.app = app
        self.engine = engine
        self.naming = naming
        self.tables = tables
        self.plan = plan

    def routes(self) -> list[dict]:
        routes = []
        for rule in self.app.url_map.iter_rules():
            if rule.endpoint == "static":
                continue
            methods = sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}) or sorted(rule.methods or [])
            routes.append({"rule": rule.rule, "methods": methods})
        return routes

    def close(self):
        self.engine.dispose()


def _import(path: str):
    """The app's module, imported fresh under a name of its own (a package folder or a `.py` file)."""
    location = os.path.abspath(path)
    stem = re.sub(r"\W", "_", os.path.splitext(os.path.basename(location.rstrip(os.sep)))[0]) or "app"
    name = f"stockflow_app_{stem}_{next(_counter)}"
    if os.path.isdir(location):
        init = os.path.join(location, "__init__.py")
        if not os.path.isfile(init):
            raise protocol_error(f"`app` {path!r} is a folder without __init__.py")
        spec = importlib.util.spec_from_file_location(name, init, submodule_search_locations=[location])
    elif os.path.isfile(location) and location.endswith(".py"):
        spec = importlib.util.spec_from_file_location(name, location)
    else:
        raise protocol_error(f"`app` {path!r} is neither a package folder nor a .py file")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException as exc:
        for loaded in [key for key in sys.modules if key == name or key.startswith(name + ".")]:
            del sys.modules[loaded]
        raise AdapterError("app-load", f"importing {path}: {type(exc).__name__}: {exc}", format_exception(exc))
    return module


def _on_exception(sender, exception, **extra):
    trace = recording.current()
    if trace is not None:
        trace.exception = exception


def load(path: str, database_url: str, naming, now: str | None = None) -> LoadedApp:
    module = _import(path)
    config = {"SQLALCHEMY_DATABASE_URI": database_url, "PROPAGATE_EXCEPTIONS": False, "TESTING": False}
    if now is not None:
        config["STOCKFLOW_NOW"] = now
    try:
        factory = getattr(module, "create_app", None)
        if factory is not None:
            app = factory(dict(config))
        elif getattr(module, "app", None) is not None:
            app = module.app
        else:
            raise AdapterError("app-load", f"{path} has neither `create_app` nor a module-level `app`")
        app.config.update(PROPAGATE_EXCEPTIONS=False, TESTING=False)
        db = app.extensions.get("sqlalchemy")
        if db is None:
            raise AdapterError("app-load", f"{path} does not use Flask-SQLAlchemy")
        with app.app_context():
            engine = db.engine
        metadata = db.metadata
    except AdapterError:
        raise
    except BaseException as exc:
        raise AdapterError("app-load", f"building {path}: {type(exc).__name__}: {exc}", format_exception(exc))

    table_names = [table.name for table in metadata.sorted_tables]
    try:
        with engine.begin() as connection:
            for table in reversed(metadata.sorted_tables):
                connection.execute(text(f'DROP TABLE IF EXISTS "{table.name}" CASCADE'))
            metadata.create_all(connection)
    except Exception as exc:
        engine.dispose()
        raise database_error(exc, "creating the tables") from exc

    plan = recording.FaultPlan()
    recording.install(engine, naming, plan)
    got_request_exception.connect(_on_exception, app, weak=False)
    return LoadedApp(app, engine, naming, Tables(engine, naming, table_names), plan)
