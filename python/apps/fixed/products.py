"""`POST /api/products`, corrected: checked input and caller, one transaction, the initial stock logged.

Only an `admin` or a `manager` may create a product (they own the catalog): any other role is answered 403 naming
the rule, before the body is read. Client mistakes get a 4xx naming what is wrong (400/401/403/404/409/415/422) and
write nothing. A database failure is rolled back and answered by its cause (`errors.database_failure`): 503 only
when a retry can help. With an `Idempotency-Key`, a retry of a create whose answer was lost gets the first answer
instead of a 409. Without a `warehouse_id` the product enters the catalog unstocked. Mirrors
`fixed/CreateProduct.swift`.
"""

from flask import Blueprint, request
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from .auth import current_user
from .clock import now
from .errors import CREATOR_ROLES, ClientError, database_failure, may_not_create_products, unauthenticated
from .idempotency import IdempotencyKey, created
from .models import Inventory, InventoryChange, Product, User, Warehouse, db
from .product_input import ProductInput

bp = Blueprint("products", __name__)


@bp.errorhandler(ClientError)
def client_error(error: ClientError):
    db.session.rollback()
    return error.response()


@bp.post("/api/products")
def create_product():
    data = key = user = None
    try:
        user = current_user(request)
        if user is None:  # finding: no-authentication
            raise unauthenticated()
        if user.role not in CREATOR_ROLES:  # finding: no-role-check
            raise may_not_create_products(user.role)
        data = ProductInput.from_request(request)  # finding: missing-validation
        key = IdempotencyKey.from_request(request)  # finding: non-idempotent-retry
        earlier = key.earlier_answer(data, user.company_id) if key is not None else None
        if earlier is not None:
            return earlier
        return _insert_product(data, key, user)
    except SQLAlchemyError as error:
        db.session.rollback()  # finding: non-atomic-commit
        # A concurrent create with the same key won (on the SKU or on the key itself): answer what it answered.
        if key is not None and user is not None:  # finding: non-idempotent-retry
            try:
                earlier = key.earlier_answer(data, user.company_id)
            except SQLAlchemyError:
                db.session.rollback()
                earlier = None
            if earlier is not None:
                return earlier
        return database_failure(error, data)  # finding: no-error-handling


def _insert_product(data: ProductInput, key: IdempotencyKey | None, user: User):
    """The transaction: checks the warehouse and the SKU, then writes product, inventory and change log (and the
    idempotency key), committing once."""
    if data.warehouse_id is not None:
        warehouse = db.session.get(Warehouse, data.warehouse_id)
        if warehouse is None:  # finding: unknown-warehouse
            raise ClientError(404, "warehouse_id", f"warehouse {data.warehouse_id} does not exist")
        if warehouse.company_id != user.company_id:  # finding: no-tenant-check
            raise ClientError(403, "warehouse_id", f"warehouse {data.warehouse_id} belongs to another company")
    taken = db.session.scalar(  # finding: sku-case-variants
        select(Product.id).where(Product.sku_normalized == data.sku.lower()).limit(1))
    if taken is not None:  # finding: duplicate-sku
        raise ClientError(
            409, "sku", f"a product with sku {data.sku} already exists (SKUs are compared without regard to case)")

    # Create new product
    product = Product(
        name=data.name,
        sku=data.sku,
        price=data.price,  # finding: float-price
        company_id=user.company_id,  # finding: product-tied-to-warehouse
        created_at=now(),
    )
    product.updated_at = product.created_at
    rows = [product]
    if data.warehouse_id is not None:  # finding: catalog-requires-stock
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
        rows += [inventory, change]
    if key is not None:  # finding: non-idempotent-retry
        rows.append(key.record(data, user.company_id, product, now()))
    db.session.add_all(rows)
    db.session.commit()  # finding: non-atomic-commit

    return created(product.id)
