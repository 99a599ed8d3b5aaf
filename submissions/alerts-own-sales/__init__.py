"""An answer to Part 3 alone whose sales live in orders and order lines, not in a `sales` table, and count only
once invoiced.

Expected grade: graded, not broken, and 0%. The harness writes each sale as an order with one line, but an order's
status here is `open`, `invoiced` or `void`, none of them a word it knows for an order that went through, so its
orders stay `open` (the first label) and these alerts, counting invoiced orders only, never see a product sell: the
baseline's alert check is "not checked" (it has no create endpoint, so no create check runs), the create-product
findings are not applicable, and every alerts finding whose probe needs Acme's own alerts to come back is
inconclusive, however right its 401, 403 and 404 are. Only a `limit` it ignores is judged without an alert (still
present).
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
    low_stock_threshold = db.Column(db.Integer)


class Inventory(db.Model):
    __tablename__ = "inventory"
    id = db.Column(db.Integer, primary_key=True)
    product_id = db.Column(db.Integer, db.ForeignKey("products.id"), nullable=False)
    warehouse_id = db.Column(db.Integer, db.ForeignKey("warehouses.id"), nullable=False)
    quantity = db.Column(db.Integer, nullable=False)


class SalesOrder(db.Model):
    __tablename__ = "sales_orders"
    id = db.Column(db.Integer, primary_key=True)
    warehouse_id = db.Column(db.Integer, db.ForeignKey("warehouses.id"), nullable=False)
    ordered_at = db.Column(db.DateTime, nullable=False)
    status = db.Column(db.Enum("open", "invoiced", "void", name="sales_order_status"), nullable=False)


class SalesOrderLine(db.Model):
    __tablename__ = "sales_order_lines"
    id = db.Column(db.Integer, primary_key=True)
    order_id = db.Column(db.Integer, db.ForeignKey("sales_orders.id"), nullable=False)
    product_id = db.Column(db.Integer, db.ForeignKey("products.id"), nullable=False)
    quantity = db.Column(db.Integer, nullable=False)


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
        sold = dict(
            db.session.query(SalesOrderLine.product_id, func.sum(SalesOrderLine.quantity))
            .join(SalesOrder, SalesOrder.id == SalesOrderLine.order_id)
            .join(Warehouse, Warehouse.id == SalesOrder.warehouse_id)
            .filter(Warehouse.company_id == company_id, SalesOrder.ordered_at >= since,
                    SalesOrder.status == "invoiced")
            .group_by(SalesOrderLine.product_id)
            .all()
        )
        rows = (
            db.session.query(Inventory, Product, Warehouse)
            .join(Product, Product.id == Inventory.product_id)
            .join(Warehouse, Warehouse.id == Inventory.warehouse_id)
            .filter(Warehouse.company_id == company_id, Product.low_stock_threshold.isnot(None))
            .filter(Inventory.quantity < Product.low_stock_threshold)
            .order_by(Inventory.id)
            .all()
        )
        alerts = []
        for inventory, product, warehouse in rows:
            units = sold.get(product.id, 0)
            if not units:
                continue
            alerts.append({
                "product_id": product.id, "product_name": product.name, "sku": product.sku,
                "warehouse_id": warehouse.id, "warehouse_name": warehouse.name,
                "current_stock": inventory.quantity, "threshold": product.low_stock_threshold,
                "days_until_stockout": inventory.quantity * 30 // units, "supplier": None,
            })
        return {"alerts": alerts, "total_alerts": len(alerts)}

    return app
