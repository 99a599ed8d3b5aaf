"""The candidate's correction of `POST /api/products` and their low-stock alerts sketch, on real Flask + SQLAlchemy.

Ported by `Sources/CandidateSubmission/CreateProduct.swift` and `original/LowStockAlerts.swift`.
"""

from flask import Flask

from .models import db
from .views import app as views


def create_app(config=None):
    app = Flask(__name__)
    app.config.update(config or {})
    db.init_app(app)
    app.register_blueprint(views)
    return app
