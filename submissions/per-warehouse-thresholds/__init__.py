"""An answer to Part 3 alone that keeps the low-stock threshold per warehouse, on the stock row
(`inventory.reorder_level`), rather than on the product.

Expected grade: graded on its alerts, not left unchecked. The harness finds where the schema keeps a threshold (the
product has none; the stock row's `reorder_level` is another name for it) and writes each scenario's threshold
onto the product's stock rows, so the baseline's alert check is made and passes, and the alerts findings get
verdicts of their own. It has no create endpoint, so the create-product findings are not applicable. It has no
product types or suppliers: the findings about those are its to leave.
"""

from datetime import datetime, timedelta

from flask import Flask, request
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import func

db = SQLAlchemy()


class Company(db.Model):
    __tablename__ = "companies"
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(255), nullable=False)


class User(db.Model):
    __tablename__ = "users"
    id = db.Column(db.Integer, primary_key=True)
    company_id = db.Column(db.Integer, db.ForeignKey("companies.id"), nullable=False)
    name = db.Column(db.String(255), nullable=False)


class Warehouse(db.Model):
    __tablename__ = "warehouses"
    id = db.Column(db.Integer, primary_key=True)
    company_id = db.Column(db.Integer, db.ForeignKey("companies.id"), nullable=False)
    name = db.Column(db.String(255), nullable=False)


class Product(db.Model):
    __tablename__ = "products"
    id = db.Column(db.Integer, primary_key=True)
    company_id = db.Column(db.Integer, db.ForeignKey("companies.id"))
    name = db.Column(db.String(255), nullable=False)
    sku = db.Column(db.String(64), nullable=False, unique=True)
    price = db.Column(db.Numeric(12, 2), nullable=False)


class Inventory(db.Model):
    __tablename__ = "inventory"
    id = db.Column(db.Integer, primary_key=True)
    product_id = db.Column(db.Integer, db.ForeignKey("products.id"), nullable=False)
    warehouse_id = db.Column(db.Integer, db.ForeignKey("warehouses.id"), nullable=False)
    quantity = db.Column(db.Integer, nullable=False)
    reorder_level = db.Column(db.Integer)  # alert when quantity falls below it, per warehouse


class Sale(db.Model):
    __tablename__ = "sales"
    id = db.Column(db.Integer, primary_key=True)
    product_id = db.Column(db.Integer, db.ForeignKey("products.id"), nullable=False)
    warehouse_id = db.Column(db.Integer, db.ForeignKey("warehouses.id"), nullable=False)
    quantity = db.Column(db.Integer, nullable=False)
    sold_at = db.Column(db.DateTime, nullable=False)


def create_app(config=None):
    app = Flask(__name__)
    app.config.update(config or {})
    db.init_app(app)

    @app.get("/api/companies/<int:company_id>/alerts/low-stock")
    def low_stock_alerts(company_id):
        if db.session.get(Company, company_id) is None:
            return {"error": f"company {company_id} not found", "field": "company_id"}, 404
        user_id = request.headers.get("X-User-Id", "")
        user = db.session.get(User, int(user_id)) if user_id.isdigit() else None
        if user is None:
            return {"error": "authentication required"}, 401
        if user.company_id != company_id:
            return {"error": "not your company"}, 403
        since = datetime.utcnow() - timedelta(days=30)
        sold = {
            (product_id, warehouse_id): units
            for product_id, warehouse_id, units in db.session.query(
                Sale.product_id, Sale.warehouse_id, func.sum(Sale.quantity))
            .join(Warehouse, Warehouse.id == Sale.warehouse_id)
            .filter(Warehouse.company_id == company_id, Sale.sold_at >= since)
            .group_by(Sale.product_id, Sale.warehouse_id)
        }
        rows = (
            db.session.query(Inventory, Product, Warehouse)
            .join(Product, Product.id == Inventory.product_id)
            .join(Warehouse, Warehouse.id == Inventory.warehouse_id)
            .filter(Warehouse.company_id == company_id, Inventory.reorder_level.isnot(None))
            .filter(Inventory.quantity < Inventory.reorder_level)
            .order_by(Inventory.id)
            .all()
        )
        alerts = []
        for inventory, product, warehouse in rows:
            units = sold.get((product.id, warehouse.id), 0)
            if not units:
                continue
            alerts.append({
                "product_id": product.id, "product_name": product.name, "sku": product.sku,
                "warehouse_id": warehouse.id, "warehouse_name": warehouse.name,
                "current_stock": inventory.quantity, "threshold": inventory.reorder_level,
                "days_until_stockout": inventory.quantity * 30 // units, "supplier": None,
            })
        return {"alerts": alerts, "total_alerts": len(alerts)}

    return app
