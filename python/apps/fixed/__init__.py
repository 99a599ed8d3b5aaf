"""The reviewed correction of StockFlow on real Flask + SQLAlchemy + PostgreSQL; mirrors the Swift `fixed/` module.

`POST /api/products` (`products.py`) and `GET /api/companies/<company_id>/alerts/low-stock` (`alerts.py`) over the
corrected schema (`models.py`, with the rules a constraint cannot say as triggers in `rules.py`).

Configuration: `SQLALCHEMY_DATABASE_URI`, and `STOCKFLOW_NOW` (an ISO 8601 moment such as `2026-01-15T12:00:00Z`,
or an aware `datetime`): the clock the handlers read, for reproducible runs; the real clock when unset.
"""

from flask import Flask

from . import clock
from .alerts import bp as alerts
from .models import db
from .products import bp as products


def create_app(config=None):
    app = Flask(__name__)
    app.config.update(config or {})
    clock.configure(app)
    db.init_app(app)
    app.register_blueprint(products)
    app.register_blueprint(alerts)
    return app
