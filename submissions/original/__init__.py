"""The `POST /api/products` view as given, on real Flask + SQLAlchemy; ported by `original/CreateProduct.swift`."""

from flask import Flask

from .models import db
from .views import app as views


def create_app(config=None):
    app = Flask(__name__)
    app.config.update(config or {})
    db.init_app(app)
    app.register_blueprint(views)
    return app
