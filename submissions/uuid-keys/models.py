"""The schema, every row keyed by a UUID the application generates (`uuid4`); references are UUID foreign keys.

A product belongs to a company and is stocked in any of its warehouses (one inventory row per product and
warehouse); its SKU is unique platform-wide, case-insensitively; its price is an exact decimal; every stock change
is logged with who made it.
"""

import uuid

from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import CheckConstraint, Index, UniqueConstraint, func
from sqlalchemy.dialects.postgresql import UUID

db = SQLAlchemy()


def uuid_key():
    return db.Column(UUID(as_uuid=True), primary_key=True, default=uuid.uuid4)


def uuid_ref(target, nullable=False, index=False):
    return db.Column(UUID(as_uuid=True), db.ForeignKey(target), nullable=nullable, index=index)


class Company(db.Model):
    __tablename__ = "companies"
    id = uuid_key()
    name = db.Column(db.String(255), nullable=False)


class User(db.Model):
    __tablename__ = "users"
    id = uuid_key()
    company_id = uuid_ref("companies.id", index=True)
    name = db.Column(db.String(255), nullable=False)
    role = db.Column(db.String(32), nullable=False, default="viewer")


class Warehouse(db.Model):
    __tablename__ = "warehouses"
    id = uuid_key()
    company_id = uuid_ref("companies.id", index=True)
    name = db.Column(db.String(255), nullable=False)


class ProductType(db.Model):
    __tablename__ = "product_types"
    id = uuid_key()
    name = db.Column(db.String(255), nullable=False, unique=True)
    low_stock_threshold = db.Column(db.Integer, nullable=False)


class Product(db.Model):
    __tablename__ = "products"
    __table_args__ = (
        CheckConstraint("price >= 0", name="products_price_not_negative"),
    )
    id = uuid_key()
    company_id = uuid_ref("companies.id", nullable=True, index=True)
    name = db.Column(db.String(255), nullable=False)
    sku = db.Column(db.String(64), nullable=False)
    price = db.Column(db.Numeric(12, 2), nullable=False)
    product_type_id = uuid_ref("product_types.id", nullable=True)
    low_stock_threshold = db.Column(db.Integer, nullable=True)


Index("products_sku_unique_ci", func.lower(Product.sku), unique=True)


class Inventory(db.Model):
    __tablename__ = "inventory"
    __table_args__ = (
        UniqueConstraint("product_id", "warehouse_id", name="inventory_one_row_per_product_and_warehouse"),
        CheckConstraint("quantity >= 0", name="inventory_quantity_not_negative"),
    )
    id = uuid_key()
    product_id = uuid_ref("products.id")
    warehouse_id = uuid_ref("warehouses.id", index=True)
    quantity = db.Column(db.Integer, nullable=False)


class InventoryChange(db.Model):
    __tablename__ = "inventory_changes"
    id = uuid_key()
    inventory_id = uuid_ref("inventory.id", index=True)
    change = db.Column(db.Integer, nullable=False)
    quantity_after = db.Column(db.Integer, nullable=False)
    reason = db.Column(db.String(64), nullable=False)
    user_id = uuid_ref("users.id", nullable=True)
    created_at = db.Column(db.DateTime, nullable=False)


class Sale(db.Model):
    __tablename__ = "sales"
    id = uuid_key()
    product_id = uuid_ref("products.id", index=True)
    warehouse_id = uuid_ref("warehouses.id")
    quantity = db.Column(db.Integer, nullable=False)
    sold_at = db.Column(db.DateTime, nullable=False, index=True)


class Supplier(db.Model):
    __tablename__ = "suppliers"
    id = uuid_key()
    name = db.Column(db.String(255), nullable=False)
    contact_email = db.Column(db.String(255), nullable=True)


class SupplierProduct(db.Model):
    __tablename__ = "supplier_products"
    id = uuid_key()
    supplier_id = uuid_ref("suppliers.id")
    product_id = uuid_ref("products.id", index=True)
    company_id = uuid_ref("companies.id")
    is_primary = db.Column(db.Boolean, nullable=False, default=False)
