"""`GET /api/companies/<company_id>/alerts/low-stock`, done right: one company's stock, real thresholds, real sales,
real suppliers, most urgent first, a page at a time. Mirrors `fixed/LowStockAlerts.swift`, `fixed/AlertsQuery.swift`
and `fixed/SalesDemand.swift`.

Reads only the company's rows, through indexes, in a fixed number of queries (one more per level of bundle nesting);
the threshold test (`quantity < threshold`) runs in the database, so only low rows come back. 401 without a user,
404 for an unknown company, 403 for another company's, 400 naming a bad query parameter; 503 when the database
fails.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta
from fractions import Fraction

from flask import Blueprint, request
from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from .auth import current_user
from .clock import now
from .errors import ClientError, database_unavailable, unauthenticated
from .models import (
    BundleComponent, Company, Inventory, Product, ProductType, Sale, Supplier, SupplierProduct, Warehouse, db,
)

bp = Blueprint("alerts", __name__)


@bp.errorhandler(ClientError)
def client_error(error: ClientError):
    db.session.rollback()
    return error.response()


@dataclass(frozen=True)
class AlertsQuery:  # finding: alerts-unsorted-unpaginated
    """The query parameters, checked: the recent-sales window and the page."""

    days: int  # how many days count as "recent" for sales (1 to 365, default 30)
    limit: int  # how many alerts a page holds (1 to 500, default 50)
    offset: int  # how many alerts to skip (0 or more, default 0)

    BOUNDS = (("days", 1, 365, 30), ("limit", 1, 500, 50), ("offset", 0, 1_000_000, 0))

    @classmethod
    def from_args(cls, args) -> "AlertsQuery":
        names = [name for name, *_ in cls.BOUNDS]
        for key in sorted(args.keys()):
            if key not in names:
                raise ClientError(400, key, f"{key} is not a parameter; expected days, limit, offset")
        values = {}
        for name, lowest, highest, fallback in cls.BOUNDS:
            text = args.get(name)
            if text is None:
                values[name] = fallback
                continue
            if not (text.isascii() and text.isdigit() and lowest <= int(text) <= highest):
                raise ClientError(400, name, f"{name} must be an integer from {lowest} to {highest}")
            values[name] = int(text)
        return cls(**values)


@bp.get("/api/companies/<int:company_id>/alerts/low-stock")
def low_stock_alerts(company_id: int):
    try:
        user = current_user(request)
        if user is None:  # finding: alerts-no-authorization
            raise unauthenticated()
        query = AlertsQuery.from_args(request.args)  # finding: alerts-unsorted-unpaginated
        return _alerts(company_id, user, query)
    except SQLAlchemyError:
        db.session.rollback()
        return database_unavailable("the alerts could not be computed because the database failed; retry the request")


@dataclass(frozen=True)
class _Alert:
    """One product below its threshold in one warehouse."""

    product: Product
    warehouse: Warehouse
    stock: int
    threshold: int
    days_until_stockout: int | None  # whole days left at the recent rate of sale, rounded down; None: no sales there
    supplier: Supplier | None

    def sort_key(self):
        """Most urgent first: fewest days left (unknown last), then lowest stock relative to threshold, then ids."""
        days = (0, self.days_until_stockout) if self.days_until_stockout is not None else (1, 0)
        return days, Fraction(self.stock, self.threshold), self.product.id, self.warehouse.id

    def json(self) -> dict:
        supplier = self.supplier
        return {
            "product_id": self.product.id, "product_name": self.product.name, "sku": self.product.sku,
            "warehouse_id": self.warehouse.id,
            "warehouse_name": self.warehouse.name,  # finding: alerts-missing-warehouse-name
            "current_stock": self.stock, "threshold": self.threshold,
            "days_until_stockout": self.days_until_stockout,
            "supplier": None if supplier is None else {
                "id": supplier.id, "name": supplier.name, "contact_email": supplier.contact_email},
        }


def _alerts(company_id: int, user, query: AlertsQuery):
    if db.session.get(Company, company_id) is None:  # finding: alerts-unknown-company
        raise ClientError(404, "company_id", f"company {company_id} does not exist")
    if user.company_id != company_id:  # finding: alerts-no-authorization
        raise ClientError(403, "company_id", f"company {company_id} is not yours")

    # The company's stock below its threshold: the product's own, else its type's; none means no alert.
    threshold = func.coalesce(  # finding: alerts-ignores-product-type
        Product.low_stock_threshold, ProductType.low_stock_threshold)
    low = db.session.execute(  # finding: alerts-ignores-company, alerts-query-per-row
        select(Inventory.quantity, Product, Warehouse, threshold.label("threshold"))
        .join(Warehouse, Warehouse.id == Inventory.warehouse_id)
        .join(Product, Product.id == Inventory.product_id)
        .outerjoin(ProductType, ProductType.id == Product.product_type_id)
        .where(Warehouse.company_id == company_id)
        .where(Inventory.quantity < threshold)  # finding: alerts-missing-threshold-crash
        .order_by(Inventory.id)
    ).all()
    products = sorted({product.id for _, product, _, _ in low})
    demand = SalesDemand(  # finding: alerts-no-recent-sales-filter
        products, company_id, since=now() - timedelta(days=query.days))
    suppliers = _primary_suppliers(products, company_id)  # finding: alerts-placeholder-supplier

    alerts = []
    for stock, product, warehouse, limit in low:
        if product.id in demand.bundles or not demand.is_active(product.id):
            continue
        sold = demand.sold(product.id, warehouse.id)
        alerts.append(_Alert(
            product, warehouse, stock, limit,
            days_until_stockout=None if sold == 0 else stock * query.days // sold,  # finding: alerts-fake-sales-rate
            supplier=suppliers.get(product.id)))
    alerts.sort(key=_Alert.sort_key)  # finding: alerts-unsorted-unpaginated
    page = alerts[query.offset:query.offset + query.limit]
    return {
        "alerts": [alert.json() for alert in page], "total_alerts": len(alerts), "limit": query.limit,
        "offset": query.offset, "window_days": query.days,
    }


def _primary_suppliers(products: list[int], company_id: int) -> dict[int, Supplier]:
    """The primary supplier of each product for the company, where it has one."""
    if not products:
        return {}
    rows = db.session.execute(
        select(SupplierProduct.product_id, Supplier)
        .join(Supplier, Supplier.id == SupplierProduct.supplier_id)
        .where(SupplierProduct.product_id.in_(products), SupplierProduct.company_id == company_id,
               SupplierProduct.is_primary)
    ).all()
    return {product_id: supplier for product_id, supplier in rows}


class SalesDemand:  # finding: alerts-fake-sales-rate, alerts-no-recent-sales-filter
    """Units of each product sold per warehouse in the recent window, counting what bundles containing it used up.

    A bundle sold is its components sold: selling 3 of a bundle holding 2 of a component uses 6 of that component,
    through bundles of bundles too. Only sales in the company's own warehouses count.
    """

    def __init__(self, products: list[int], company_id: int, since):
        self.units: dict[int, dict[int, int]] = {}
        self.bundles: set[int] = set()  # products that are bundles: their stock is their components'
        if not products:
            return
        # Walk up from the products to every bundle that contains them, remembering each containment.
        contained_in: dict[int, list[tuple[int, int]]] = defaultdict(list)
        frontier, seen = set(products), set(products)
        while frontier:
            edges = db.session.execute(
                select(BundleComponent.bundle_id, BundleComponent.component_id, BundleComponent.quantity)
                .where(BundleComponent.component_id.in_(sorted(frontier)))
            ).all()
            frontier = set()
            for bundle, component, quantity in edges:
                contained_in[component].append((bundle, quantity))
                if bundle not in seen:
                    seen.add(bundle)
                    frontier.add(bundle)
        self.bundles = set(db.session.scalars(
            select(BundleComponent.bundle_id).where(BundleComponent.bundle_id.in_(products)).distinct()))
        sold: dict[int, dict[int, int]] = defaultdict(dict)
        for product, warehouse, quantity in db.session.execute(
            select(Sale.product_id, Sale.warehouse_id, func.sum(Sale.quantity))
            .join(Warehouse, Warehouse.id == Sale.warehouse_id)
            .where(Sale.product_id.in_(sorted(seen)), Sale.sold_at >= since, Warehouse.company_id == company_id)
            .group_by(Sale.product_id, Sale.warehouse_id)
        ):
            sold[product][warehouse] = int(quantity)
        for product in products:
            units: dict[int, int] = defaultdict(int)
            for seller, multiplier in self._units_of(product, contained_in).items():
                for warehouse, quantity in sold.get(seller, {}).items():
                    units[warehouse] += quantity * multiplier
            self.units[product] = dict(units)

    @staticmethod
    def _units_of(product: int, contained_in) -> dict[int, int]:
        """Each product whose sale uses up `product` (itself, and every bundle containing it), with how many units of
        `product` one sale uses."""
        result = defaultdict(int, {product: 1})
        stack = [(product, 1)]
        while stack:
            current, multiplier = stack.pop()
            for bundle, quantity in contained_in.get(current, []):
                result[bundle] += multiplier * quantity
                stack.append((bundle, multiplier * quantity))
        return result

    def sold(self, product: int, warehouse: int) -> int:
        """Units of `product` sold in `warehouse` in the window."""
        return self.units.get(product, {}).get(warehouse, 0)

    def is_active(self, product: int) -> bool:
        """Whether `product` sold anywhere in the company in the window."""
        return sum(self.units.get(product, {}).values()) > 0
