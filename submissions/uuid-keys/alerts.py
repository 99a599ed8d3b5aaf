"""`GET /api/companies/<company_id>/alerts/low-stock`: the company's stock below its threshold (the product's own,
else its type's), for products that sold within the window, most urgent first, paged. A fixed number of queries,
however many products."""

from datetime import datetime, timedelta

from flask import Blueprint, current_app
from sqlalchemy import func
from sqlalchemy.exc import OperationalError

from .inputs import BadInput, caller, query_integers
from .models import Company, Inventory, Product, ProductType, Sale, Supplier, SupplierProduct, User, Warehouse, db

bp = Blueprint("alerts", __name__)

BOUNDS = {"days": (1, 365, 30), "limit": (1, 500, 50), "offset": (0, 1_000_000, 0)}


def _now():
    """The clock the deployment configures (`STOCKFLOW_NOW`), else UTC now: sales windows are testable."""
    configured = current_app.config.get("STOCKFLOW_NOW")
    if configured:
        return datetime.fromisoformat(str(configured).replace("Z", "+00:00")).replace(tzinfo=None)
    return datetime.utcnow()


@bp.get("/api/companies/<uuid:company_id>/alerts/low-stock")
def low_stock(company_id):
    user = caller(User, db.session)
    if user is None:
        return {"error": "sign in first: X-User-Id must name a user"}, 401
    try:
        window = query_integers(BOUNDS)
        if db.session.get(Company, company_id) is None:
            raise BadInput("company_id", f"company {company_id} does not exist", 404)
        if user.company_id != company_id:
            raise BadInput("company_id", "you may only see your own company's alerts", 403)
        alerts = _alerts(company_id, window["days"])
    except BadInput as bad:
        return bad.as_response()
    except OperationalError:
        db.session.rollback()
        return {"error": "the database is unavailable; retry later"}, 503, {"Retry-After": "1"}
    page = alerts[window["offset"]:window["offset"] + window["limit"]]
    return {"alerts": page, "total_alerts": len(alerts), "limit": window["limit"], "offset": window["offset"],
            "window_days": window["days"]}


def _alerts(company_id, days):
    since = _now() - timedelta(days=days)
    threshold = func.coalesce(Product.low_stock_threshold, ProductType.low_stock_threshold)
    stock = (
        db.session.query(Inventory, Product, Warehouse, threshold)
        .join(Product, Product.id == Inventory.product_id)
        .join(Warehouse, Warehouse.id == Inventory.warehouse_id)
        .outerjoin(ProductType, ProductType.id == Product.product_type_id)
        .filter(Warehouse.company_id == company_id, threshold.isnot(None), Inventory.quantity < threshold)
        .all())
    if not stock:
        return []
    product_ids = {product.id for _, product, _, _ in stock}
    sold = dict(
        ((product_id, warehouse_id), int(total)) for product_id, warehouse_id, total in db.session.query(
            Sale.product_id, Sale.warehouse_id, func.sum(Sale.quantity))
        .join(Warehouse, Warehouse.id == Sale.warehouse_id)
        .filter(Sale.product_id.in_(product_ids), Warehouse.company_id == company_id, Sale.sold_at >= since)
        .group_by(Sale.product_id, Sale.warehouse_id))
    selling = {product_id for (product_id, _), total in sold.items() if total > 0}
    suppliers = dict(
        db.session.query(SupplierProduct.product_id, Supplier)
        .join(Supplier, Supplier.id == SupplierProduct.supplier_id)
        .filter(SupplierProduct.product_id.in_(product_ids), SupplierProduct.company_id == company_id,
                SupplierProduct.is_primary.is_(True))
        .order_by(Supplier.name.desc()))
    alerts = []
    for inventory, product, warehouse, limit in stock:
        if product.id not in selling:
            continue
        units = sold.get((product.id, warehouse.id), 0)
        supplier = suppliers.get(product.id)
        alerts.append({
            "product_id": str(product.id), "product_name": product.name, "sku": product.sku,
            "warehouse_id": str(warehouse.id), "warehouse_name": warehouse.name,
            "current_stock": inventory.quantity, "threshold": limit,
            "days_until_stockout": inventory.quantity * days // units if units else None,
            "supplier": None if supplier is None else {
                "id": str(supplier.id), "name": supplier.name, "contact_email": supplier.contact_email},
        })
    # Most urgent first; UUIDs are random, so ties are broken by what a person reads: the SKU, then the warehouse.
    alerts.sort(key=lambda alert: (
        alert["days_until_stockout"] is None, alert["days_until_stockout"] or 0,
        alert["current_stock"] / alert["threshold"] if alert["threshold"] else 0, alert["sku"],
        alert["warehouse_name"]))
    return alerts
