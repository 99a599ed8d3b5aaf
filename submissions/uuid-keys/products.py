"""`POST /api/products`: a product of the caller's company, optionally stocked in one of its warehouses, written in
one transaction with its change-log entry. 409 for a taken SKU (in any case, also when a concurrent request takes it
first), 503 saying nothing was saved when the database fails."""

from datetime import datetime, timezone

from flask import Blueprint
from sqlalchemy import func
from sqlalchemy.exc import IntegrityError, OperationalError

from .inputs import BadInput, caller, json_object, money, optional_count, optional_uuid, required_text
from .models import Inventory, InventoryChange, Product, User, Warehouse, db

bp = Blueprint("products", __name__)

CREATORS = {"admin", "manager"}


def _stock_target(body, user):
    """The warehouse to stock the product in and the quantity, or (None, None) for a catalog-only product."""
    warehouse_id = optional_uuid(body, "warehouse_id")
    quantity = optional_count(body, "initial_quantity")
    if warehouse_id is None:
        if quantity:
            raise BadInput("warehouse_id", "initial_quantity needs a warehouse_id to put the stock in")
        return None, None
    warehouse = db.session.get(Warehouse, warehouse_id)
    if warehouse is None:
        raise BadInput("warehouse_id", f"warehouse {warehouse_id} does not exist", 404)
    if warehouse.company_id != user.company_id:
        raise BadInput("warehouse_id", f"warehouse {warehouse_id} belongs to another company", 403)
    return warehouse, quantity or 0


def _create(body, user):
    name = required_text(body, "name")
    sku = required_text(body, "sku", max_length=64)
    price = money(body)
    warehouse, quantity = _stock_target(body, user)
    taken = db.session.query(Product.id).filter(func.lower(Product.sku) == sku.lower()).first()
    if taken is not None:
        raise BadInput("sku", f"sku {sku} is already used", 409)
    product = Product(name=name, sku=sku, price=price, company_id=user.company_id)
    db.session.add(product)
    db.session.flush()
    if warehouse is not None:
        stock = Inventory(product_id=product.id, warehouse_id=warehouse.id, quantity=quantity)
        db.session.add(stock)
        db.session.flush()
        db.session.add(InventoryChange(
            inventory_id=stock.id, change=quantity, quantity_after=quantity, reason="initial_stock",
            user_id=user.id, created_at=datetime.now(timezone.utc).replace(tzinfo=None)))
    return product.id


@bp.post("/api/products")
def create_product():
    try:
        user = caller(User, db.session)
        if user is None:
            return {"error": "sign in first: X-User-Id must name a user"}, 401
        if user.role not in CREATORS:
            return {"error": "only admins and managers may create products", "field": "role"}, 403
        product_id = _create(json_object(), user)
        db.session.commit()
    except BadInput as bad:
        db.session.rollback()
        return bad.as_response()
    except IntegrityError as error:
        db.session.rollback()
        if "sku" in str(error.orig):
            return {"error": "sku is already used", "field": "sku"}, 409
        return {"error": "the product conflicts with stored data", "field": "body"}, 409
    except OperationalError:
        db.session.rollback()
        return {"error": "the database is unavailable; nothing was saved, retry later"}, 503, {"Retry-After": "1"}
    return {"product_id": str(product_id), "message": "created"}, 201, {"Location": f"/api/products/{product_id}"}
