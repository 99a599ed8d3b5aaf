"""A submission that is a fragment, as the case study's own code is: a view decorated with `@app.route` that uses
`request`, `jsonify`, `db` and the models without defining any of them. It is run with what the case study's code
is given: Flask's `request` and `jsonify`, `app` (a Flask app, whose `logger` and `config` a view may use), `db`,
and the models the original implies (`apps/original/models.py`: `Company`, `Warehouse`, `Product`, `Inventory`,
`InventoryChange`). `from app import app, db` and `from models import Product` find them too.
"""

import importlib.util
import os
import re
import sys
import types

import flask

_PYTHON = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GIVEN_MODELS = os.path.join(_PYTHON, "apps", "original", "models.py")
MODEL_NAMES = ("Company", "Warehouse", "Product", "Inventory", "InventoryChange")

_ROUTE = re.compile(r"^\s*@app\.(?:route|get|post|put|patch|delete)\(", re.MULTILINE)
_BUILDS_APP = re.compile(r"\bFlask\s*\(|\bdef\s+create_app\b")
_given = None


def is_fragment(path: str) -> bool:
    """Whether the `.py` file at `path` is a fragment: it routes on an `app` it never builds (no `Flask(...)`, no
    `create_app`), and no `app.py` or `models.py` beside it could provide what it uses."""
    here = os.path.abspath(path)
    if not here.endswith(".py") or not os.path.isfile(here):
        return False
    beside = [os.path.join(os.path.dirname(here), name) for name in ("app.py", "models.py")]
    if any(other != here and os.path.isfile(other) for other in beside):
        return False
    with open(path, encoding="utf-8", errors="replace") as file:
        source = file.read()
    return bool(_ROUTE.search(source)) and not _BUILDS_APP.search(source)


def _given_models():
    """The case study's models, loaded once per process under a name of the adapter's own."""
    global _given
    if _given is None:
        spec = importlib.util.spec_from_file_location("stockflow_given_models", GIVEN_MODELS)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        _given = module
    return _given


def load(path: str, name: str) -> types.ModuleType:
    """Runs the fragment with the case study's context; answers a module whose `create_app(config)` configures the
    fragment's Flask app and registers the given models' `db` with it."""
    given = _given_models()
    app = flask.Flask(name)
    context = {"app": app, "db": given.db, "request": flask.request, "jsonify": flask.jsonify}
    context.update({model: getattr(given, model) for model in MODEL_NAMES})
    shims = {"app": types.ModuleType("app"), "models": types.ModuleType("models")}
    shims["app"].__dict__.update(context)
    shims["models"].__dict__.update({key: value for key, value in context.items() if key != "app"})
    module = types.ModuleType(name)
    module.__file__ = os.path.abspath(path)
    module.__dict__.update(context)
    saved = {key: sys.modules.get(key) for key in shims}
    sys.modules.update(shims)
    try:
        with open(path, encoding="utf-8") as file:
            exec(compile(file.read(), module.__file__, "exec"), module.__dict__)
    finally:
        for key, value in saved.items():
            if value is None:
                sys.modules.pop(key, None)
            else:
                sys.modules[key] = value

    def create_app(config):
        app.config.update(config)
        given.db.init_app(app)
        return app

    module.create_app = create_app
    return module


NOTE = ("a fragment, as the case study's own code is: run with what that code is given (Flask's request and "
        "jsonify, app, db, and the models the original implies: " + ", ".join(MODEL_NAMES) + ")")
