"""Importing an app, building it, and giving it fresh tables on the database it is pointed at."""

import importlib.util
import inspect
import itertools
import keyword
import os
import re
import sys

from flask import got_request_exception
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.schema import CreateTable

from . import clock, fragment, keys, orders, recording
from .errors import AdapterError, database_error, format_exception, protocol_error
from .tables import Tables

_counter = itertools.count(1)


class LoadedApp:
    def __init__(self, app, engine, naming, tables: Tables, plan: recording.FaultPlan, notes: list[str]):
        self.app = app
        self.keys = tables.keys
        self.notes = notes
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


_HERE = os.path.dirname(os.path.abspath(__file__))
_loaded_names: set[str] = set()  # top-level module names this process imported as a submission's own


def _failed(doing: str, exc: BaseException) -> AdapterError:
    """The `app-load` error for a submission that raised `exc` while the adapter was `doing` something with it (its
    import, its factory): the exception's type and message, with its traceback."""
    return AdapterError("app-load", f"{doing}: {type(exc).__name__}: {exc}", format_exception(exc))


def _inside(path, folder: str) -> bool:
    return bool(path) and os.path.abspath(path).startswith(folder.rstrip(os.sep) + os.sep)


def _shadows(name: str, root: str) -> bool:
    """Whether importing `name` from `root` would hide (or be hidden by) a module found elsewhere: the standard
    library, an installed package, the adapter itself."""
    if name in sys.stdlib_module_names or name in sys.builtin_module_names:
        return True
    if name in sys.modules and name not in _loaded_names:
        return True
    saved = sys.modules.pop(name, None) if name in _loaded_names else None
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        spec = None
    finally:
        if saved is not None:
            sys.modules[name] = saved
    if spec is None:
        return False
    places = [spec.origin] + list(spec.submodule_search_locations or [])
    return not any(_inside(place, root) for place in places if place)


def _forget(root: str):
    """Drops the modules an earlier load imported (its package and submodules, whatever folder they came from)
    and any other module imported from `root` (never the adapter's own), so a reload is fresh."""
    for key, module in list(sys.modules.items()):
        origin = getattr(module, "__file__", None)
        keep = any(_inside(origin, folder) for folder in (_HERE, sys.prefix, sys.base_prefix))
        ours = key.split(".", 1)[0] in _loaded_names
        if ours or (_inside(origin, root) and not keep):
            del sys.modules[key]


def _import(path: str, notes: list[str], name: str | None = None):
    """The app's module (a package folder or a `.py` file), imported fresh.

    The submission's own folder (the package folder itself, or the folder holding the file) goes on the import
    path, after the standard library and the installed packages, so a flat layout (`from models import db`,
    `from routes.products import bp`) resolves as it does when run from that folder. The module is imported under
    its own name (`name`, or the folder's or file's), so a package importing itself by name (`from app.models
    import Product`, `app.config.from_object("app.config.Config")`) finds itself; when that name would shadow a
    module found elsewhere (the standard library, an installed package, the adapter), under a name of the adapter's
    (relative imports still work, imports by name do not), and the notes say so.
    """
    location = os.path.abspath(path).rstrip(os.sep)
    if os.path.isdir(location):
        init = os.path.join(location, "__init__.py")
        if not os.path.isfile(init):
            raise protocol_error(f"`app` {path!r} is a folder without __init__.py")
        own = name or os.path.basename(location)
        root = location
    elif os.path.isfile(location) and location.endswith(".py"):
        init = None
        own = name or os.path.splitext(os.path.basename(location))[0]
        root = os.path.dirname(location)
    else:
        raise protocol_error(f"`app` {path!r} is neither a package folder nor a .py file")
    _forget(root)
    if own.isidentifier() and not keyword.iskeyword(own) and not _shadows(own, root):
        name = own
        _loaded_names.add(name)
    else:
        stem = re.sub(r"\W", "_", own) or "app"
        name = f"stockflow_app_{stem}_{next(_counter)}"
        if own.isidentifier() and not keyword.iskeyword(own):  # a name like `do-nothing` cannot be imported anyway
            notes.append(f"imported as {name}: the name {own} is taken by another module")
    if root not in sys.path:
        sys.path.append(root)
    if init is not None:
        spec = importlib.util.spec_from_file_location(name, init, submodule_search_locations=[location])
    else:
        spec = importlib.util.spec_from_file_location(name, location)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException as exc:
        for loaded in [key for key in sys.modules if key == name or key.startswith(name + ".")]:
            del sys.modules[loaded]
        raise _failed(f"importing {path}", exc)
    return module


# What in a table's DDL needs a PostgreSQL extension, and which (all trusted: the database's owner may create them).
_EXTENSIONS = (
    ("CITEXT", "citext"), ("UUID_GENERATE_V", "uuid-ossp"), ("GEN_SALT(", "pgcrypto"), ("CRYPT(", "pgcrypto"),
)


def _extensions_needed(metadata, dialect) -> list[str]:
    """The extensions the schema's DDL uses, in a fixed order: a `CITEXT` column (a case-insensitive SKU, say) or a
    `uuid_generate_v4()` default, which `create_all` alone would fail on."""
    ddl = " ".join(str(CreateTable(table).compile(dialect=dialect)) for table in metadata.sorted_tables).upper()
    needed = []
    for marker, extension in _EXTENSIONS:
        if marker in ddl and extension not in needed:
            needed.append(extension)
    return needed


def _on_exception(sender, exception, **extra):
    trace = recording.current()
    if trace is not None:
        trace.exception = exception


# The names a factory's first parameter may have for the harness to pass it the configuration dict.
_CONFIG_PARAMETERS = {"config", "test_config", "config_overrides", "overrides", "settings", "cfg", "conf"}


def _takes_config(factory) -> bool:
    """Whether to call `factory(config)` rather than `factory()`: its first parameter is required, or optional and
    named like a configuration (`config=None`, `test_config=None`; not `config_name="development"`)."""
    try:
        parameters = list(inspect.signature(factory).parameters.values())
    except (TypeError, ValueError):
        return True
    positional = [p for p in parameters if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    if not positional:
        return False
    first = positional[0]
    return first.default is inspect.Parameter.empty or first.name in _CONFIG_PARAMETERS


def _shown(url, folder: str) -> str:
    """The URI as a note shows it: password hidden, and the folder the submission was handed in from (a sandbox's
    copy has a new one on every run) as `<its folder>`, so a grade reads the same on every run."""
    try:
        shown = make_url(url).render_as_string(hide_password=True)
    except Exception:
        shown = str(url)
    return shown.replace(folder + os.sep, "<its folder>" + os.sep)


def _same_database(url, database_url: str) -> bool:
    try:
        return make_url(url) == make_url(database_url)
    except Exception:
        return False


def _rebind(db, app, database_url: str):
    """Points the app's default Flask-SQLAlchemy engine at `database_url`, disposing the one it made in `init_app`.

    Engine options the app configured are kept for a PostgreSQL URI and dropped for another backend (SQLite's
    `check_same_thread` means nothing to psycopg2). Answers the engine it replaced.
    """
    engines = db._app_engines.setdefault(app, {})
    old = engines.get(None)
    options = {}
    if old is not None and old.url.get_backend_name() == "postgresql":
        options.update(db._engine_options)
        options.update(app.config.get("SQLALCHEMY_ENGINE_OPTIONS") or {})
    options["url"] = database_url
    db._apply_driver_defaults(options, app)
    engines[None] = db._make_engine(None, options, app)
    if app.config.get("SQLALCHEMY_RECORD_QUERIES"):
        from flask_sqlalchemy import record_queries
        record_queries._listen(engines[None])
    if old is not None:
        old.dispose()
    return old


def _fragment(path: str, notes: list[str], name: str | None):
    """The module of a fragment (`fragment.py`), run fresh; noted."""
    location = os.path.abspath(path)
    _forget(os.path.dirname(location))
    stem = re.sub(r"\W", "_", name or os.path.splitext(os.path.basename(location))[0])
    try:
        module, given = fragment.load(location, f"stockflow_fragment_{stem}_{next(_counter)}")
    except BaseException as exc:
        raise _failed(f"running {path} as a fragment", exc)
    notes.extend(given)
    return module


# The modules of a package that build its app when its `__init__.py` does not, as answers name them.
_ENTRY_MODULES = ("app", "main", "wsgi", "run", "server", "application")


def _builds_app(module) -> bool:
    return callable(getattr(module, "create_app", None)) or getattr(module, "app", None) is not None


def _entry_module(module, path: str, notes: list[str]):
    """The module that builds the app: the one imported, or, for a package whose `__init__.py` has neither
    `create_app` nor `app` (often an empty one beside `app.py`), its first module of `_ENTRY_MODULES` that has one,
    imported as part of the package so its relative imports work; noted."""
    folders = getattr(module, "__path__", None)
    if _builds_app(module) or not folders:
        return module
    for candidate in _ENTRY_MODULES:
        if not os.path.isfile(os.path.join(folders[0], candidate + ".py")):
            continue
        try:
            entry = importlib.import_module(f"{module.__name__}.{candidate}")
        except BaseException as exc:
            raise _failed(f"importing {path}/{candidate}.py", exc)
        if _builds_app(entry):
            notes.append(f"the package's __init__.py builds no app: its {candidate}.py does, and was used")
            return entry
    return module


def _submission_databases(module) -> list:
    """The Flask-SQLAlchemy instances the submission's own modules hold (the app's module and every module imported
    from its folder), each once, in the order the modules were imported."""
    from flask_sqlalchemy import SQLAlchemy

    root = os.path.dirname(os.path.abspath(module.__file__))
    found = []
    for candidate in list(sys.modules.values()):
        if candidate is not module and not _inside(getattr(candidate, "__file__", None), root):
            continue
        for value in vars(candidate).values():
            if isinstance(value, SQLAlchemy) and all(value is not seen for seen in found):
                found.append(value)
    return found


def _register_unbound(app, module, path: str, database_url: str, notes: list[str]):
    """The app's Flask-SQLAlchemy instance when the submission made one (`db = SQLAlchemy()` in its models) but never
    registered it with the app (`db.init_app(app)`), which every query would then fail on: registered here, with a
    note, so the handlers are graded on what they do. An app with no instance, or with several, is not graded."""
    databases = _submission_databases(module)
    if not databases:
        raise AdapterError("app-load", f"{path} does not use Flask-SQLAlchemy")
    if len(databases) > 1:
        raise AdapterError(
            "app-load", f"{path} never registers Flask-SQLAlchemy with the app, and holds {len(databases)} instances "
                        "of it: which one the handlers mean is not known")
    app.config.setdefault("SQLALCHEMY_DATABASE_URI", database_url)
    databases[0].init_app(app)
    notes.append("Flask-SQLAlchemy was never registered with the app (no init_app): the harness registered it")
    return databases[0]


def load(path: str, database_url: str, naming, now: str | None = None, name: str | None = None) -> LoadedApp:
    """Imports and builds the app, points it at `database_url` and gives it fresh tables.

    Before the import, `DATABASE_URL` and `SQLALCHEMY_DATABASE_URI` are set in the environment to `database_url`, for
    apps that read their database from it. `create_app(config)` gets the configuration; a `create_app()` without a
    parameter, or a module-level `app`, is built as written and then given the configuration, its engine replaced by
    one on `database_url` whatever URI it configured. `notes` says what was done to run the app as handed in.
    """
    notes: list[str] = []
    os.environ["DATABASE_URL"] = database_url
    os.environ["SQLALCHEMY_DATABASE_URI"] = database_url
    clock.set_moment(now)
    if fragment.is_fragment(path):
        module = _fragment(path, notes, name)
    else:
        missing = fragment.missing_given_modules(path)
        with fragment.given_modules(missing):
            module = _entry_module(_import(path, notes, name), path, notes)
        if missing:
            notes.append(fragment.given_note(missing))
    config = {"SQLALCHEMY_DATABASE_URI": database_url, "PROPAGATE_EXCEPTIONS": False, "TESTING": False}
    if now is not None:
        config["STOCKFLOW_NOW"] = now
    try:
        factory = getattr(module, "create_app", None)
        given = False
        if factory is not None and callable(factory):
            given = _takes_config(factory)
            app = factory(dict(config)) if given else factory()
            if not given:
                notes.append("create_app() takes no configuration: built as written, then configured")
        elif getattr(module, "app", None) is not None:
            app = module.app
            notes.append("module-level app used as built (no create_app)")
        else:
            raise AdapterError("app-load", f"{path} has neither `create_app` nor a module-level `app`")
        if not given:
            app.config.update({key: value for key, value in config.items() if key != "SQLALCHEMY_DATABASE_URI"})
        app.config.update(PROPAGATE_EXCEPTIONS=False, TESTING=False)
        db = app.extensions.get("sqlalchemy")
        registered = db is None
        if registered:
            db = _register_unbound(app, module, path, database_url, notes)
        with app.app_context():
            current = db.engine.url
        if not _same_database(current, database_url):
            configured = app.config.get("SQLALCHEMY_DATABASE_URI") or current
            _rebind(db, app, database_url)
            app.config["SQLALCHEMY_DATABASE_URI"] = database_url
            shown = _shown(configured, os.path.dirname(os.path.abspath(path)))
            notes.append(f"database URI {shown} replaced by the harness's database")
        elif not given and not registered:
            notes.append("database read from DATABASE_URL, which the harness set to its database")
        with app.app_context():
            engine = db.engine
        metadata = db.metadata
    except AdapterError:
        raise
    except BaseException as exc:
        raise _failed(f"building {path}", exc)

    table_names = [table.name for table in metadata.sorted_tables]
    naming = naming.with_other_table_names(table_names, notes).with_column_synonyms(
        {table.name: [column.name for column in table.columns] for table in metadata.sorted_tables}, notes)
    notes.extend(keys.key_notes(metadata, engine.dialect))
    sales_as_orders = orders.find(metadata, naming)
    if sales_as_orders is not None:
        notes.append(sales_as_orders.note())
    try:
        with engine.begin() as connection:
            for table in reversed(metadata.sorted_tables):
                connection.execute(text(f'DROP TABLE IF EXISTS "{table.name}" CASCADE'))
            for extension in _extensions_needed(metadata, engine.dialect):
                connection.execute(text(f'CREATE EXTENSION IF NOT EXISTS "{extension}"'))
                notes.append(f"extension {extension} created: the schema uses it")
            metadata.create_all(connection)
    except Exception as exc:
        engine.dispose()
        raise database_error(exc, "creating the tables") from exc

    plan = recording.FaultPlan()
    recording.install(engine, naming, plan)
    got_request_exception.connect(_on_exception, app, weak=False)
    translation = keys.Keys(metadata, naming, engine.dialect)
    tables = Tables(engine, naming, table_names, metadata, now, translation, sales_as_orders)
    return LoadedApp(app, engine, naming, tables, plan, notes)
