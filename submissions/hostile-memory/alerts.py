"""`GET /api/companies/<company_id>/alerts/low-stock`: the company's own stock below its threshold (the product's
override, else its type's), for products that sold in the window, most urgent first, paged, in a fixed number of
queries."""

from datetime import datetime, timedelta

from flask import Blueprint, current_app, request
from sqlalchemy import func
from sqlalchemy.exc import OperationalError

from .models import Company, Inventory, Product, ProductType, Sale, Supplier, SupplierProduct, User, Warehouse, db
from .validation import current_user

alerts = Blueprint("alerts", __name__)

BOUNDS = {"days": (1, 365, 30), "limit": (1, 500, 50), "offset": (0, 1_000_000, 0)}


def _now():
    """The harness's clock when it sets one (`STOCKFLOW_NOW` in the config), the real clock otherwise."""
    value = current_app.config.get("STOCKFLOW_NOW")
    if value:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00")).replace(tzinfo=None)
    return datetime.utcnow()


def _query():
    values = {}
    for name in request.args:
        if name not in BOUNDS:
            return None, ({"error": f"{name} is not a parameter", "field": name}, 400)
    for name, (low, high, default) in BOUNDS.items():
        text = request.args.get(name)
        if text is None:
            values[name] = default
        elif not text.isdigit() or not low <= int(text) <= high:
            return None, ({"error": f"{name} must be an integer from {low} to {high}", "field": name}, 400)
        else:
            values[name] = int(text)
    return values, None


@alerts.route("/api/companies/<int:company_id>/alerts/low-stock")
def low_stock_alerts(company_id):
    user = current_user(User)
    if user is None:
        return {"error": "authentication required"}, 401
    query, error = _query()
    if error:
        return error
    try:
        if db.session.get(Company, company_id) is None:
            return {"error": f"company {company_id} does not exist", "field": "company_id"}, 404
        if user.company_id != company_id:
            return {"error": "not your company", "field": "company_id"}, 403
        return _alerts(company_id, query)
    except OperationalError:
        db.session.rollback()
        return {"error": "the database failed; retry the request"}, 503, {"Retry-After": "1"}


def _alerts(company_id, query):
    since = _now() - timedelta(days=query["days"])
    warehouses = {w.id: w for w in Warehouse.query.filter_by(company_id=company_id)}
    rows = Inventory.query.filter(Inventory.warehouse_id.in_(warehouses)).all() if warehouses else []
    product_ids = sorted({row.product_id for row in rows})
    products = {p.id: p for p in Product.query.filter(Product.id.in_(product_ids))} if product_ids else {}
    type_ids = sorted({p.product_type_id for p in products.values() if p.product_type_id})
    types = {t.id: t for t in ProductType.query.filter(ProductType.id.in_(type_ids))} if type_ids else {}
    sold = {}
    if product_ids:
        totals = (
            db.session.query(Sale.product_id, Sale.warehouse_id, func.sum(Sale.quantity))
            .filter(Sale.product_id.in_(product_ids), Sale.warehouse_id.in_(warehouses), Sale.sold_at >= since)
            .group_by(Sale.product_id, Sale.warehouse_id))
        sold = {(product, warehouse): int(total) for product, warehouse, total in totals}
    suppliers = {}
    if product_ids:
        links = (
            db.session.query(SupplierProduct.product_id, Supplier)
            .join(Supplier, Supplier.id == SupplierProduct.supplier_id)
            .filter(SupplierProduct.product_id.in_(product_ids), SupplierProduct.company_id == company_id,
                    SupplierProduct.is_primary.is_(True)))
        suppliers = {product: supplier for product, supplier in links}
    active = {product for (product, _), total in sold.items() if total > 0}
    found = []
    for row in rows:
        product = products[row.product_id]
        if product.id not in active:
            continue
        threshold = product.low_stock_threshold
        if threshold is None and product.product_type_id in types:
            threshold = types[product.product_type_id].low_stock_threshold
        if threshold is None or row.quantity >= threshold:
            continue
        units = sold.get((product.id, row.warehouse_id), 0)
        days_left = row.quantity * query["days"] // units if units else None
        supplier = suppliers.get(product.id)
        found.append({
            "product_id": product.id, "product_name": product.name, "sku": product.sku,
            "warehouse_id": row.warehouse_id, "warehouse_name": warehouses[row.warehouse_id].name,
            "current_stock": row.quantity, "threshold": threshold, "days_until_stockout": days_left,
            "supplier": None if supplier is None else {
                "id": supplier.id, "name": supplier.name, "contact_email": supplier.contact_email},
        })
    found.sort(key=lambda a: (
        a["days_until_stockout"] if a["days_until_stockout"] is not None else float("inf"),
        a["current_stock"] / a["threshold"], a["product_id"], a["warehouse_id"]))
    page = found[query["offset"]:query["offset"] + query["limit"]]
    return {"alerts": page, "total_alerts": len(found), "limit": query["limit"], "offset": query["offset"],
            "window_days": query["days"]}
