"""A strong answer, written as a good candidate would: validated input, one transaction, a unique SKU, exact prices,
tenant checks, an audit trail, and low-stock alerts computed from real sales.

Expected grade: high score, no regression, baseline passed.
"""

from flask import Flask

from .alerts import alerts
from .models import db
from .products import products


def create_app(config=None):
    app = Flask(__name__)
    app.config.update(config or {})
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
