"""`POST /api/products`: validated, one transaction, a 503 that says nothing was saved when the database fails; but
the price is kept as a float and a SKU may be taken twice."""

from datetime import datetime

from flask import Blueprint
from sqlalchemy.exc import IntegrityError, OperationalError

from .models import Inventory, InventoryChange, Product, User, Warehouse, db
from .validation import Invalid, current_user, integer, price, read_body, text

products = Blueprint("products", __name__)


@products.route("/api/products", methods=["POST"])
def create_product():
    try:
        user = current_user(User)
        if user is None:
            return {"error": "authentication required"}, 401
        data = read_body()
        name, sku = text(data, "name"), text(data, "sku")
        amount = price(data, float_price=True)
        warehouse_id = integer(data, "warehouse_id", default=0, minimum=1)
        quantity = integer(data, "initial_quantity", default=0)
        warehouse = None
        if warehouse_id:
            warehouse = db.session.get(Warehouse, warehouse_id)
            if warehouse is None:
                raise Invalid("warehouse_id", f"warehouse {warehouse_id} does not exist", 404)
            if warehouse.company_id != user.company_id:
                raise Invalid("warehouse_id", f"warehouse {warehouse_id} is not yours", 403)
        elif data.get("initial_quantity") is not None:
            raise Invalid("warehouse_id", "initial_quantity needs a warehouse_id to stock it in")
        product = Product(name=name, sku=sku, price=amount, company_id=user.company_id)
        db.session.add(product)
        db.session.flush()
        if warehouse is not None:
            with db.session.begin_nested():  # the stock in a savepoint, as candidates sometimes write it
                inventory = Inventory(product_id=product.id, warehouse_id=warehouse.id, quantity=quantity)
                db.session.add(inventory)
                db.session.flush()
                db.session.add(InventoryChange(
                    inventory_id=inventory.id, change=quantity, quantity_after=quantity, reason="initial_stock",
                    user_id=user.id, created_at=datetime.utcnow()))
        product_id = product.id
        db.session.commit()
    except Invalid as invalid:
        db.session.rollback()
        return invalid.response()
    except IntegrityError as error:
        db.session.rollback()
        if "sku" in str(error.orig):
            return {"error": "sku already exists", "field": "sku"}, 409
        return {"error": "the request conflicts with stored data", "field": "body"}, 409
    except OperationalError:
        db.session.rollback()
        return {"error": "the database failed; nothing was saved, retry the request"}, 503, {"Retry-After": "1"}
    return {"message": "Product created", "product_id": product_id}, 201, {"Location": f"/api/products/{product_id}"}
