"""The reviewed correction of StockFlow on real Flask + SQLAlchemy + PostgreSQL; mirrors the Swift `fixed/` module.

Every error is JSON, routing errors included (404 for an unknown path, 405 with `Allow` for a wrong method).
`POST /api/products` (`products.py`) and `GET /api/companies/<company_id>/alerts/low-stock` (`alerts.py`) over the
corrected schema (`models.py`, with the rules a constraint cannot say as triggers in `rules.py`).

Configuration: `SQLALCHEMY_DATABASE_URI`, and `STOCKFLOW_NOW` (an ISO 8601 moment such as `2026-01-15T12:00:00Z`,
or an aware `datetime`): the clock the handlers read, for reproducible runs; the real clock when unset.
"""

from flask import Flask, request
from werkzeug.exceptions import MethodNotAllowed, NotFound

from . import clock
from .alerts import bp as alerts
from .errors import error_response
from .models import db
from .products import bp as products


def create_app(config=None):
    app = Flask(__name__)
    app.config.update(config or {})
    clock.configure(app)
    db.init_app(app)
    app.register_blueprint(products)
    app.register_blueprint(alerts)
    app.register_error_handler(NotFound, _not_found)  # finding: html-error-responses
    app.register_error_handler(MethodNotAllowed, _method_not_allowed)
    return app


def _not_found(error: NotFound):
    """An unknown path (a non-integer company id included: the route's converter refuses it), as JSON."""
    return error_response(f"no resource at {request.path}", 404)


def _method_not_allowed(error: MethodNotAllowed):
    """A method the route does not allow, as JSON, with the `Allow` header Werkzeug's own page carries (sorted)."""
    allow = ", ".join(sorted(error.valid_methods or []))
    return error_response(f"{request.method} is not allowed on {request.path}; allowed: {allow}", 405,
                          headers={"Allow": allow})
