"""An answer keyed by UUID everywhere, written as a good candidate would: every table's primary key is a random UUID
(ids that leak nothing about volumes and can be made anywhere), validated input, one transaction, a SKU unique
whatever its case, exact prices, tenant and role checks, a change log, and low-stock alerts from recent sales.

Expected grade: graded (the harness translates its integer ids to these UUIDs), a high score, no regression.
"""

from flask import Flask
from werkzeug.exceptions import HTTPException

from .alerts import bp as alerts_bp
from .models import db
from .products import bp as products_bp


def create_app(config=None):
    app = Flask(__name__)
    app.config.update(config or {})
    db.init_app(app)
    app.register_blueprint(products_bp)
    app.register_blueprint(alerts_bp)

    @app.errorhandler(HTTPException)
    def json_error(error):
        """Every HTTP error as JSON, so a client never has to parse an HTML page."""
        return {"error": error.description, "field": "body"}, error.code

    return app
