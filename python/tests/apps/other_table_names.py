"""Tables the case study names otherwise, as answers do: the change log as `inventory_movements` (a change as
`quantity_delta`, its reason as `change_type`, no resulting level) and the product-supplier link as
`product_suppliers`."""

from flask import Flask
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


class Product(db.Model):
    __tablename__ = "products"
    id = db.Column(db.Integer, primary_key=True)
    sku = db.Column(db.String(50), nullable=False)


class Supplier(db.Model):
    __tablename__ = "suppliers"
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(100), nullable=False)


class ProductSupplier(db.Model):
    __tablename__ = "product_suppliers"
    id = db.Column(db.Integer, primary_key=True)
    product_id = db.Column(db.Integer, db.ForeignKey("products.id"), nullable=False)
    supplier_id = db.Column(db.Integer, db.ForeignKey("suppliers.id"), nullable=False)


class InventoryMovement(db.Model):
    __tablename__ = "inventory_movements"
    id = db.Column(db.Integer, primary_key=True)
    product_id = db.Column(db.Integer, db.ForeignKey("products.id"), nullable=False)
    quantity_delta = db.Column(db.Integer, nullable=False)
    change_type = db.Column(db.String(50), nullable=False)


def create_app(config=None):
    app = Flask(__name__)
    app.config.update(config or {})
    db.init_app(app)
    return app
