"""A submission that does nothing: every request is refused with a 400, and nothing is ever written.

Expected grade: broken (every valid create of the baseline is refused), score 0.
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

    @app.route("/api/products", methods=["POST"])
    def create_product():
        return {"error": "invalid request", "fields": ["name", "sku", "price", "warehouse_id", "initial_quantity"]}, 400

    return app
