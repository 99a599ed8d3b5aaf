"""The corrected schema, constraint for constraint as `fixed/Schema.swift` declares it, under the same names.

A SKU is unique platform-wide whatever its letter case (a unique index on the stored generated column
`sku_normalized`, `lower(sku)`; the SKU itself is kept as sent), a price is an exact decimal, a product belongs to a
company rather than to a warehouse, inventory has one row per product and warehouse, every stock change is logged,
and a create's idempotency key is kept with the product it made; with Part 2's product types, suppliers, bundles and
sales. `case-study/SCHEMA.md` explains each constraint. The rules no constraint can state (same company across a
row's references, no bundle cycle) are triggers: `rules.py`.

Every foreign key has the `ON DELETE` rule `fixed/Schema.swift` chose for it (`case-study/SCHEMA.md`, "Deleting
rows"). The handlers look the caller up in `users` (the Swift request layer hands them an authenticated principal).
"""

from datetime import datetime
from decimal import Decimal

from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import (
    Boolean, CheckConstraint, Computed, DateTime, ForeignKey, Index, Integer, Numeric, String, Text, UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


# Objects keep their loaded values after the commit: a view answers with `product.id` without reading it back.
db = SQLAlchemy(model_class=Base, session_options={"expire_on_commit": False})


def _fk(target: str, name: str, ondelete: str):
    return ForeignKey(target, name=name, ondelete=ondelete)


class Company(db.Model):
    __tablename__ = "companies"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(255))


ROLES = ("admin", "manager", "staff", "viewer")
"""The roles a user may hold, as `fixed/SupplySchema.swift` declares them."""
MAY_CREATE_PRODUCTS = frozenset({"admin", "manager"})
"""The roles that may create products: the people who own the catalog."""


class User(db.Model):
    __tablename__ = "users"
    __table_args__ = (
        UniqueConstraint("name", name="users_name_key"),
        CheckConstraint("role IN ('admin', 'manager', 'staff', 'viewer')", name="users_role_check"),
        Index("users_company_id_idx", "company_id"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    company_id: Mapped[int] = mapped_column(_fk("companies.id", "users_company_id_fkey", "RESTRICT"))
    name: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16))


class Warehouse(db.Model):
    __tablename__ = "warehouses"
    __table_args__ = (Index("warehouses_company_id_idx", "company_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    company_id: Mapped[int] = mapped_column(_fk("companies.id", "warehouses_company_id_fkey", "RESTRICT"))
    name: Mapped[str] = mapped_column(String(255))


class ProductType(db.Model):  # finding: alerts-ignores-product-type
    __tablename__ = "product_types"
    __table_args__ = (
        UniqueConstraint("name", name="product_types_name_key"),
        CheckConstraint("low_stock_threshold >= 0", name="product_types_low_stock_threshold_check"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    low_stock_threshold: Mapped[int] = mapped_column(Integer)


class Product(db.Model):
    __tablename__ = "products"
    __table_args__ = (
        UniqueConstraint(  # finding: duplicate-sku, sku-race, sku-case-variants
            "sku_normalized", name="products_sku_normalized_key"),
        CheckConstraint("price >= 0", name="products_price_check"),  # finding: no-range-checks
        CheckConstraint("low_stock_threshold >= 0", name="products_low_stock_threshold_check"),
        CheckConstraint("updated_at >= created_at", name="products_updated_at_check"),
        Index("products_company_id_idx", "company_id"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(255))
    sku: Mapped[str] = mapped_column(String(64))
    sku_normalized: Mapped[str] = mapped_column(  # finding: sku-case-variants
        String(64), Computed("lower(sku)", persisted=True))
    price: Mapped[Decimal] = mapped_column(Numeric(12, 2))  # finding: float-price
    company_id: Mapped[int] = mapped_column(  # finding: product-tied-to-warehouse, no-tenant-check
        _fk("companies.id", "products_company_id_fkey", "RESTRICT"))
    product_type_id: Mapped[int | None] = mapped_column(  # finding: alerts-ignores-product-type
        _fk("product_types.id", "products_product_type_id_fkey", "SET NULL"))
    low_stock_threshold: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Inventory(db.Model):
    __tablename__ = "inventory"
    __table_args__ = (
        UniqueConstraint(  # finding: duplicate-inventory-row
            "product_id", "warehouse_id", name="inventory_product_warehouse_key"),
        CheckConstraint("quantity >= 0", name="inventory_quantity_check"),  # finding: no-range-checks
        CheckConstraint("reserved >= 0 AND reserved <= quantity", name="inventory_reserved_check"),
        Index("inventory_warehouse_id_idx", "warehouse_id"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    product_id: Mapped[int] = mapped_column(_fk("products.id", "inventory_product_id_fkey", "RESTRICT"))
    warehouse_id: Mapped[int] = mapped_column(_fk("warehouses.id", "inventory_warehouse_id_fkey", "RESTRICT"))
    quantity: Mapped[int] = mapped_column(Integer)
    reserved: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    product: Mapped[Product] = relationship()


class InventoryChange(db.Model):  # finding: no-change-log
    __tablename__ = "inventory_changes"
    __table_args__ = (
        CheckConstraint("quantity_after >= 0", name="inventory_changes_quantity_after_check"),
        CheckConstraint("(reason = 'correction') = (corrects_id IS NOT NULL)",
                        name="inventory_changes_correction_check"),
        Index("inventory_changes_inventory_id_idx", "inventory_id"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    inventory_id: Mapped[int] = mapped_column(_fk("inventory.id", "inventory_changes_inventory_id_fkey", "RESTRICT"))
    change: Mapped[int] = mapped_column(Integer)
    quantity_after: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(64))
    user_id: Mapped[int | None] = mapped_column(_fk("users.id", "inventory_changes_user_id_fkey", "RESTRICT"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    corrects_id: Mapped[int | None] = mapped_column(
        _fk("inventory_changes.id", "inventory_changes_corrects_id_fkey", "RESTRICT"))

    inventory: Mapped[Inventory] = relationship()


class IdempotencyKey(db.Model):  # finding: non-idempotent-retry
    """A create's `Idempotency-Key`, kept per company with the product it made and the body's fingerprint."""

    __tablename__ = "idempotency_keys"
    __table_args__ = (UniqueConstraint("company_id", "key", name="idempotency_keys_company_key_key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    company_id: Mapped[int] = mapped_column(_fk("companies.id", "idempotency_keys_company_id_fkey", "CASCADE"))
    key: Mapped[str] = mapped_column(String(255))
    request_fingerprint: Mapped[str] = mapped_column(Text)
    product_id: Mapped[int] = mapped_column(_fk("products.id", "idempotency_keys_product_id_fkey", "CASCADE"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    product: Mapped[Product] = relationship()


class Supplier(db.Model):
    __tablename__ = "suppliers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(255))
    contact_email: Mapped[str] = mapped_column(String(255))


class SupplierProduct(db.Model):  # finding: alerts-placeholder-supplier
    __tablename__ = "supplier_products"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    supplier_id: Mapped[int] = mapped_column(_fk("suppliers.id", "supplier_products_supplier_id_fkey", "CASCADE"))
    product_id: Mapped[int] = mapped_column(_fk("products.id", "supplier_products_product_id_fkey", "CASCADE"))
    company_id: Mapped[int] = mapped_column(_fk("companies.id", "supplier_products_company_id_fkey", "CASCADE"))
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    lead_time_days: Mapped[int | None] = mapped_column(Integer)
    unit_cost: Mapped[Decimal | None] = mapped_column(Numeric(12, 4))
    min_order_quantity: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    __table_args__ = (
        UniqueConstraint("supplier_id", "product_id", "company_id", name="supplier_products_key"),
        Index("supplier_products_one_primary_key", "product_id", "company_id", unique=True,
              postgresql_where=is_primary),
        Index("supplier_products_product_id_idx", "product_id"),
        CheckConstraint("lead_time_days >= 0", name="supplier_products_lead_time_days_check"),
        CheckConstraint("unit_cost >= 0", name="supplier_products_unit_cost_check"),
        CheckConstraint("min_order_quantity > 0", name="supplier_products_min_order_quantity_check"),
    )


class BundleComponent(db.Model):
    __tablename__ = "bundle_components"
    __table_args__ = (
        UniqueConstraint("bundle_id", "component_id", name="bundle_components_key"),
        CheckConstraint("quantity > 0", name="bundle_components_quantity_check"),
        CheckConstraint("bundle_id <> component_id", name="bundle_components_not_self_check"),
        Index("bundle_components_bundle_id_idx", "bundle_id"),
        Index("bundle_components_component_id_idx", "component_id"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    bundle_id: Mapped[int] = mapped_column(_fk("products.id", "bundle_components_bundle_id_fkey", "CASCADE"))
    component_id: Mapped[int] = mapped_column(_fk("products.id", "bundle_components_component_id_fkey", "RESTRICT"))
    quantity: Mapped[int] = mapped_column(Integer)


class Sale(db.Model):  # finding: alerts-no-recent-sales-filter, alerts-fake-sales-rate
    __tablename__ = "sales"
    __table_args__ = (
        CheckConstraint("quantity > 0", name="sales_quantity_check"),
        Index("sales_product_id_idx", "product_id"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    product_id: Mapped[int] = mapped_column(_fk("products.id", "sales_product_id_fkey", "RESTRICT"))
    warehouse_id: Mapped[int] = mapped_column(_fk("warehouses.id", "sales_warehouse_id_fkey", "RESTRICT"))
    quantity: Mapped[int] = mapped_column(Integer)
    sold_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


from . import rules  # noqa: E402  (the triggers attach to the tables above)

rules.install()
