"""A case-insensitive SKU as a `CITEXT` column, which needs PostgreSQL's `citext` extension in the database."""

from flask import Flask, request
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.dialects.postgresql import CITEXT
from sqlalchemy.exc import IntegrityError

db = SQLAlchemy()


class Product(db.Model):
    __tablename__ = "products"
    id = db.Column(db.Integer, primary_key=True)
    sku = db.Column(CITEXT, nullable=False, unique=True)


def create_app(config=None):
    app = Flask(__name__)
    app.config.update(config or {})
    db.init_app(app)

    @app.post("/api/products")
    def create_product():
        product = Product(sku=request.get_json()["sku"])
        db.session.add(product)
        try:
            db.session.commit()
        except IntegrityError:
            db.session.rollback()
            return {"error": "sku already exists", "field": "sku"}, 409
        return {"product_id": product.id}, 201

    return app
