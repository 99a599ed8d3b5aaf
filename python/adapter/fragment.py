"""A submission that is a fragment, as the case study's own code is: a view decorated with `@app.route` that uses
`request`, `jsonify`, `db` and the models without defining any of them. It is run with what the case study's code
is given: Flask's `request` and `jsonify`, `app` (a Flask app, whose `logger` and `config` a view may use), `db`,
and the models the original implies (`apps/original/models.py`: `Company`, `Warehouse`, `Product`, `Inventory`,
`InventoryChange`). `from app import app, db` and `from models import Product` find them too, as does any module
the fragment imports only those names from and that is found nowhere (`from your_app.models import Product`, a
placeholder for "the app"). A fragment routing on a Blueprint of its own instead (`bp = Blueprint(...)`,
`@bp.route`) has its blueprints registered on that app.

An answer that builds its own app over a module holding `db` and the models that it never handed in (`from models
import db, Product` with no `models.py` beside it) is given that module the same way (`given_modules`).
"""

import ast
import contextlib
import importlib.util
import os
import re
import sys
import types

import flask

_PYTHON = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GIVEN_MODELS = os.path.join(_PYTHON, "apps", "original", "models.py")
MODEL_NAMES = ("Company", "Warehouse", "Product", "Inventory", "InventoryChange")
GIVEN_MODULES = ("models", "database", "extensions")
"""The modules an answer keeps `db` and its models in: each one it imports but never handed in holds the given ones."""

_ROUTE = re.compile(r"^\s*@(?:app|(\w+))\.(?:route|get|post|put|patch|delete)\(", re.MULTILINE)
_BLUEPRINT = re.compile(r"^\s*(\w+)\s*=\s*(?:flask\.)?Blueprint\s*\(", re.MULTILINE)
_BUILDS_APP = re.compile(r"\bFlask\s*\(|\bdef\s+create_app\b")
_given = None


def _source(path: str, errors: str = "replace") -> str:
    with open(path, encoding="utf-8", errors=errors) as file:
        return file.read()


def _imports(source: str) -> list[ast.ImportFrom | ast.Import]:
    """The absolute imports of `source`, wherever they stand; none when it does not parse (running it will say why)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    return [node for node in ast.walk(tree)
            if isinstance(node, ast.Import) or (isinstance(node, ast.ImportFrom) and not node.level and node.module)]


def _handed_in(folder: str, module: str) -> bool:
    return os.path.isfile(os.path.join(folder, module + ".py")) or os.path.isdir(os.path.join(folder, module))


def missing_given_modules(path: str) -> list[str]:
    """The modules of `GIVEN_MODULES` that the `.py` file at `path` builds its app over and never handed in: those
    it imports by name with no module of that name beside it. Empty for a fragment, a folder, or a file that builds
    no app."""
    here = os.path.abspath(path)
    if not here.endswith(".py") or not os.path.isfile(here):
        return []
    source = _source(here)
    if not _BUILDS_APP.search(source):
        return []
    imported = set()
    for node in _imports(source):
        imported.update([node.module] if isinstance(node, ast.ImportFrom) else (alias.name for alias in node.names))
    folder = os.path.dirname(here)
    return [name for name in GIVEN_MODULES if name in imported and not _handed_in(folder, name)]


def is_fragment(path: str) -> bool:
    """Whether the `.py` file at `path` is a fragment: it routes on an `app` it never builds (no `Flask(...)`, no
    `create_app`), and no `app.py` or `models.py` beside it could provide what it uses."""
    here = os.path.abspath(path)
    if not here.endswith(".py") or not os.path.isfile(here):
        return False
    beside = [os.path.join(os.path.dirname(here), name) for name in ("app.py", "models.py")]
    if any(other != here and os.path.isfile(other) for other in beside):
        return False
    source = _source(here)
    blueprints = set(_BLUEPRINT.findall(source))
    routes = any(not on or on in blueprints for on in _ROUTE.findall(source))
    return routes and not _BUILDS_APP.search(source)


def _given_models():
    """The case study's models, loaded once per process under a name of the adapter's own."""
    global _given
    if _given is None:
        spec = importlib.util.spec_from_file_location("stockflow_given_models", GIVEN_MODELS)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        _given = module
    return _given


def _given_context() -> dict:
    """`db` and the case study's models, by name."""
    given = _given_models()
    return {"db": given.db, **{model: getattr(given, model) for model in MODEL_NAMES}}


def _lacking(module: str, holds: list[str]):
    """A module `__getattr__` for a module the harness gives in place of one never handed in: a name it does not
    hold is an `ImportError` saying what it does hold, rather than Python's "(unknown location)"."""

    def __getattr__(name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        raise ImportError(
            f"cannot import name {name!r} from {module!r}: {module} was not handed in, and the one given in its place "
            f"holds only {', '.join(holds)}", name=module)

    return __getattr__


@contextlib.contextmanager
def _importable(modules: dict):
    """The modules in `modules` (name: contents) importable by name while the block runs, and only then."""
    saved = {key: sys.modules.get(key) for key in modules}
    for key, contents in modules.items():
        sys.modules[key] = types.ModuleType(key)
        sys.modules[key].__dict__.update(contents)
        sys.modules[key].__getattr__ = _lacking(key, list(contents))
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                sys.modules.pop(key, None)
            else:
                sys.modules[key] = value


def given_modules(names: list[str]):
    """A context in which each module in `names` imports as one holding `db` and the case study's models."""
    context = _given_context() if names else {}
    return _importable({name: context for name in names})


def _placeholders(source: str, context: dict) -> list[str]:
    """The modules (and their parent packages) that `source` imports only names of `context` from, and that are
    found nowhere: stand-ins for the app a fragment was cut from (`your_app`, `your_app.models`)."""
    found = []
    for node in _imports(source):
        if not isinstance(node, ast.ImportFrom):
            continue
        if not all(alias.name in context for alias in node.names) or _findable(node.module):
            continue
        parts = node.module.split(".")
        found += [".".join(parts[:end]) for end in range(1, len(parts) + 1)]
    return list(dict.fromkeys(found))


def _findable(module: str) -> bool:
    try:
        return importlib.util.find_spec(module.split(".")[0]) is not None
    except (ImportError, ValueError):
        return False


def load(path: str, name: str) -> tuple[types.ModuleType, list[str]]:
    """Runs the fragment with the case study's context; answers a module whose `create_app(config)` configures the
    fragment's Flask app and registers the given models' `db` with it, and the notes saying what it was given."""
    app = flask.Flask(name, root_path=os.path.dirname(os.path.abspath(path)))  # its folder, as if built there
    data = _given_context()
    context = {"app": app, "request": flask.request, "jsonify": flask.jsonify, **data}
    module = types.ModuleType(name)
    module.__file__ = os.path.abspath(path)
    module.__dict__.update(context)
    source = _source(path, errors="strict")
    given = {"app": context, **{key: data for key in GIVEN_MODULES}}
    placeholders = [name for name in _placeholders(source, context) if name not in given]
    given.update({name: context for name in placeholders})
    with _importable(given):
        exec(compile(source, module.__file__, "exec"), module.__dict__)
    notes = [NOTE]
    if placeholders:
        notes.append(f"{', '.join(placeholders)} found nowhere: taken as the app the fragment comes from")
    for blueprint in _blueprints(module):
        app.register_blueprint(blueprint)
        notes.append(f"its blueprint {blueprint.name} registered on that app")

    def create_app(config):
        app.config.update(config)
        data["db"].init_app(app)
        return app

    module.create_app = create_app
    return module, notes


def _blueprints(module) -> list[flask.Blueprint]:
    """The Blueprints a fragment defines, in the order it defines them."""
    found = []
    for value in vars(module).values():
        if isinstance(value, flask.Blueprint) and all(value is not seen for seen in found):
            found.append(value)
    return found


NOTE = ("a fragment, as the case study's own code is: run with what that code is given (Flask's request and "
        "jsonify, app, db, and the models the original implies: " + ", ".join(MODEL_NAMES) + ")")


def given_note(names: list[str]) -> str:
    """The note on an app built over modules it never handed in."""
    return (f"{' and '.join(names)} imported but not handed in: given as db and the models the original implies ("
            + ", ".join(MODEL_NAMES) + ")")
