"""A create that writes the product and its stock in one statement (a CTE chaining `INSERT ... RETURNING`), as a
candidate fluent in SQL might write it; a database error is a 503 with nothing saved."""

from flask import Flask, request
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

db = SQLAlchemy()

CREATE = text("""
WITH product AS (INSERT INTO products (sku) VALUES (:sku) RETURNING id)
INSERT INTO inventory (product_id, quantity) SELECT id, :quantity FROM product
RETURNING product_id
""")


class Product(db.Model):
    __tablename__ = "products"
    id = db.Column(db.Integer, primary_key=True)
    sku = db.Column(db.String(50), nullable=False, unique=True)


class Inventory(db.Model):
    __tablename__ = "inventory"
    id = db.Column(db.Integer, primary_key=True)
    product_id = db.Column(db.Integer, db.ForeignKey("products.id"), nullable=False)
    quantity = db.Column(db.Integer, nullable=False)


def create_app(config=None):
    app = Flask(__name__)
    app.config.update(config or {})
    db.init_app(app)

    @app.post("/api/products")
    def create_product():
        data = request.get_json()
        try:
            product_id = db.session.execute(CREATE, {"sku": data["sku"], "quantity": data["quantity"]}).scalar_one()
            db.session.commit()
        except SQLAlchemyError:
            db.session.rollback()
            return {"error": "the database failed; nothing was saved"}, 503
        return {"product_id": product_id}, 201

    return app
