"""Models without `__tablename__`, so Flask-SQLAlchemy names their tables after them in the singular (`company`,
`warehouse`, `product`, `inventory`), as many candidates leave them."""

from flask import Flask, request
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


class Company(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(255), nullable=False)


class Warehouse(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    company_id = db.Column(db.Integer, db.ForeignKey("company.id"), nullable=False)
    name = db.Column(db.String(255), nullable=False)


class Product(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    sku = db.Column(db.String(50), nullable=False, unique=True)


class Inventory(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    product_id = db.Column(db.Integer, db.ForeignKey("product.id"), nullable=False)
    warehouse_id = db.Column(db.Integer, db.ForeignKey("warehouse.id"), nullable=False)
    quantity = db.Column(db.Integer, nullable=False)


def create_app(config=None):
    app = Flask(__name__)
    app.config.update(config or {})
    db.init_app(app)

    @app.post("/api/products")
    def create_product():
        data = request.get_json()
        product = Product(sku=data["sku"])
        db.session.add(product)
        db.session.flush()
        db.session.add(Inventory(product_id=product.id, warehouse_id=data["warehouse_id"], quantity=data["quantity"]))
        db.session.commit()
        return {"product_id": product.id}, 201

    return app
