"""`POST /api/products`, corrected: checked input and caller, one transaction, the initial stock logged.

Client mistakes get a 4xx naming what is wrong (400/401/403/404/409/415) and write nothing; a database failure is
rolled back and answered 503, so a retry is safe. Mirrors `fixed/CreateProduct.swift`.
"""

from flask import Blueprint, request
from psycopg2 import errorcodes
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from .auth import current_user
from .clock import now
from .errors import ClientError, database_unavailable, unauthenticated
from .models import Inventory, InventoryChange, Product, User, Warehouse, db
from .product_input import ProductInput

bp = Blueprint("products", __name__)


@bp.errorhandler(ClientError)
def client_error(error: ClientError):
    db.session.rollback()
    return error.response()


@bp.post("/api/products")
def create_product():
    try:
        user = current_user(request)
        if user is None:  # finding: no-authentication
            raise unauthenticated()
        data = ProductInput.from_request(request)  # finding: missing-validation
        return _insert_product(data, user)
    except IntegrityError as error:
        db.session.rollback()  # finding: non-atomic-commit
        if _is_unique_violation_on_products(error):  # finding: sku-race
            raise ClientError(409, "sku", f"a product with sku {data.sku} already exists") from None
        return _database_failed()
    except SQLAlchemyError:
        db.session.rollback()
        return _database_failed()


def _database_failed():
    return database_unavailable(  # finding: no-error-handling
        "the product could not be created because the database failed; nothing was saved, retry the request")


def _is_unique_violation_on_products(error: IntegrityError) -> bool:
    cause = error.orig
    return (getattr(cause, "pgcode", None) == errorcodes.UNIQUE_VIOLATION
            and getattr(cause.diag, "table_name", None) == Product.__tablename__)


def _insert_product(data: ProductInput, user: User):
    """The transaction: checks the warehouse and the SKU, then writes product, inventory and change log, committing
    once."""
    warehouse = db.session.get(Warehouse, data.warehouse_id)
    if warehouse is None:  # finding: unknown-warehouse
        raise ClientError(404, "warehouse_id", f"warehouse {data.warehouse_id} does not exist")
    if warehouse.company_id != user.company_id:  # finding: no-tenant-check
        raise ClientError(403, "warehouse_id", f"warehouse {data.warehouse_id} belongs to another company")
    taken = db.session.scalar(select(Product.id).where(Product.sku == data.sku).limit(1))
    if taken is not None:  # finding: duplicate-sku
        raise ClientError(409, "sku", f"a product with sku {data.sku} already exists")

    # Create new product
    product = Product(
        name=data.name,
        sku=data.sku,
        price=data.price,  # finding: float-price
        company_id=user.company_id,  # finding: product-tied-to-warehouse
    )
    # Update inventory count
    inventory = Inventory(
        product=product,
        warehouse_id=data.warehouse_id,
        quantity=data.initial_quantity,  # finding: required-optional-field
    )
    change = InventoryChange(  # finding: no-change-log
        inventory=inventory, change=data.initial_quantity, quantity_after=data.initial_quantity,
        reason="initial_stock", user_id=user.id, created_at=now(),
    )
    db.session.add_all([product, inventory, change])
    db.session.commit()  # finding: non-atomic-commit

    return (  # finding: wrong-status-code
        {"message": "Product created", "product_id": product.id}, 201, {"Location": f"/api/products/{product.id}"})
