"""Hostile: creating a product loops forever.

Expected: the sandbox stops it after its time limit, the grade says so (broken, 0), and the other grades are
unaffected.
"""

from flask import Flask
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


class Product(db.Model):
    __tablename__ = "products"
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(255), nullable=False)
    sku = db.Column(db.String(64), nullable=False, unique=True)
    price = db.Column(db.Numeric(10, 2), nullable=False)


def create_app(config=None):
    app = Flask(__name__)
    app.config.update(config or {})
    db.init_app(app)

    @app.route("/api/products", methods=["POST"])
    def create_product():
        while True:  # hostile: never answers
            pass

    return app
