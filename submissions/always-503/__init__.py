"""A submission that answers every request with 503 and `Retry-After`, as if the database were always down.

Expected grade: broken (no valid create succeeds), score 0.
"""

from flask import Flask
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


class Product(db.Model):
    __tablename__ = "products"
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(255), nullable=False)
    sku = db.Column(db.String(64), nullable=False)
    price = db.Column(db.Numeric(10, 2), nullable=False)


def create_app(config=None):
    app = Flask(__name__)
    app.config.update(config or {})
    db.init_app(app)

    @app.before_request
    def unavailable():
        return {"error": "service unavailable; nothing was saved, retry later"}, 503, {"Retry-After": "1"}

    @app.route("/api/products", methods=["POST"])
    def create_product():
        return {}, 201

    return app
