"""An answer to Part 1 that takes the product's company from the request body, as answers written without
authentication do: `company_id` is required, and the warehouse must belong to it.

Expected grade: graded, not broken. The case study's request sends no `company_id`, so the harness adds the
caller's company to every create (the grade says so under "How the harness ran it"); its validation and single
transaction are then graded as they are. Trusting the body for the company is no tenant check: a caller naming
another company's id writes into that company's warehouse, so `no-tenant-check` is still present.
"""

from decimal import Decimal, InvalidOperation

from flask import Flask, request
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.exc import IntegrityError

db = SQLAlchemy()


class Company(db.Model):
    __tablename__ = "companies"
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(255), nullable=False)


class Warehouse(db.Model):
    __tablename__ = "warehouses"
    id = db.Column(db.Integer, primary_key=True)
    company_id = db.Column(db.Integer, db.ForeignKey("companies.id"), nullable=False)
    name = db.Column(db.String(255), nullable=False)


class Product(db.Model):
    __tablename__ = "products"
    id = db.Column(db.Integer, primary_key=True)
    company_id = db.Column(db.Integer, db.ForeignKey("companies.id"), nullable=False)
    name = db.Column(db.String(255), nullable=False)
    sku = db.Column(db.String(64), nullable=False, unique=True)
    price = db.Column(db.Numeric(12, 2), nullable=False)


class Inventory(db.Model):
    __tablename__ = "inventory"
    id = db.Column(db.Integer, primary_key=True)
    product_id = db.Column(db.Integer, db.ForeignKey("products.id"), nullable=False)
    warehouse_id = db.Column(db.Integer, db.ForeignKey("warehouses.id"), nullable=False)
    quantity = db.Column(db.Integer, nullable=False)
    __table_args__ = (db.UniqueConstraint("product_id", "warehouse_id"),)


def _error(message, status=400):
    return {"error": message}, status


def create_app(config=None):
    app = Flask(__name__)
    app.config.update(config or {})
    db.init_app(app)

    @app.post("/api/products")
    def create_product():
        data = request.get_json(silent=True)
        if not isinstance(data, dict):
            return _error("body must be a JSON object")
        for field in ("company_id", "name", "sku", "price", "warehouse_id"):
            if field not in data:
                return _error(f"missing required field: {field}")
        try:
            price = Decimal(str(data["price"]))
        except InvalidOperation:
            return _error("price must be a number")
        warehouse = db.session.get(Warehouse, data["warehouse_id"])
        if warehouse is None:
            return _error(f"warehouse {data['warehouse_id']} not found", 404)
        if warehouse.company_id != data["company_id"]:
            return _error("warehouse_id does not belong to company_id", 403)
        try:
            product = Product(company_id=data["company_id"], name=data["name"], sku=data["sku"], price=price)
            db.session.add(product)
            db.session.flush()
            db.session.add(Inventory(product_id=product.id, warehouse_id=warehouse.id,
                                     quantity=data.get("initial_quantity", 0)))
            db.session.commit()
        except IntegrityError:
            db.session.rollback()
            return _error(f"sku {data['sku']} already exists", 409)
        return {"message": "Product created", "product_id": product.id}, 201

    return app
