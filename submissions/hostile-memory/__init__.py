"""Hostile: the strong answer, except that creating a product allocates memory without bound.

Expected: the memory limit stops it (a MemoryError or the process killed), the grade says so (broken, 0), and the
other grades are unaffected.
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
