"""The schema: a product belongs to a company, its SKU is unique platform-wide, its price is an exact decimal, and
stock lives in one inventory row per product and warehouse, with every change logged."""

from flask_sqlalchemy import SQLAlchemy

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
    company_id = db.Column(db.Integer, db.ForeignKey("companies.id"), nullable=False, index=True)
    name = db.Column(db.String(255), nullable=False)


class ProductType(db.Model):
    __tablename__ = "product_types"
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(255), nullable=False, unique=True)
    low_stock_threshold = db.Column(db.Integer, nullable=False)


class Product(db.Model):
    __tablename__ = "products"
    __table_args__ = (db.CheckConstraint("price >= 0", name="products_price_check"),)
    id = db.Column(db.Integer, primary_key=True)
    company_id = db.Column(db.Integer, db.ForeignKey("companies.id"), nullable=True, index=True)
    name = db.Column(db.String(255), nullable=False)
    sku = db.Column(db.String(64), nullable=False, unique=True)
    price = db.Column(db.Numeric(12, 2), nullable=False)
    product_type_id = db.Column(db.Integer, db.ForeignKey("product_types.id"), nullable=True)
    low_stock_threshold = db.Column(db.Integer, nullable=True)


db.Index("products_sku_lower_key", db.func.lower(Product.sku), unique=True)


class Inventory(db.Model):
    __tablename__ = "inventory"
    __table_args__ = (
        db.UniqueConstraint("product_id", "warehouse_id", name="inventory_product_warehouse_key"),
        db.CheckConstraint("quantity >= 0", name="inventory_quantity_check"),
    )
    id = db.Column(db.Integer, primary_key=True)
    product_id = db.Column(db.Integer, db.ForeignKey("products.id"), nullable=False)
    warehouse_id = db.Column(db.Integer, db.ForeignKey("warehouses.id"), nullable=False, index=True)
    quantity = db.Column(db.Integer, nullable=False)


class InventoryChange(db.Model):
    __tablename__ = "inventory_changes"
    id = db.Column(db.Integer, primary_key=True)
    inventory_id = db.Column(db.Integer, db.ForeignKey("inventory.id"), nullable=False)
    change = db.Column(db.Integer, nullable=False)
    quantity_after = db.Column(db.Integer, nullable=False)
    reason = db.Column(db.String(64), nullable=False)
    user_id = db.Column(db.Integer, nullable=True)
    created_at = db.Column(db.DateTime, nullable=False)


class Sale(db.Model):
    __tablename__ = "sales"
    id = db.Column(db.Integer, primary_key=True)
    product_id = db.Column(db.Integer, db.ForeignKey("products.id"), nullable=False, index=True)
    warehouse_id = db.Column(db.Integer, db.ForeignKey("warehouses.id"), nullable=False)
    quantity = db.Column(db.Integer, nullable=False)
    sold_at = db.Column(db.DateTime, nullable=False)


class Supplier(db.Model):
    __tablename__ = "suppliers"
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(255), nullable=False)
    contact_email = db.Column(db.String(255), nullable=True)


class SupplierProduct(db.Model):
    __tablename__ = "supplier_products"
    id = db.Column(db.Integer, primary_key=True)
    supplier_id = db.Column(db.Integer, db.ForeignKey("suppliers.id"), nullable=False)
    product_id = db.Column(db.Integer, db.ForeignKey("products.id"), nullable=False, index=True)
    company_id = db.Column(db.Integer, db.ForeignKey("companies.id"), nullable=False)
    is_primary = db.Column(db.Boolean, nullable=False, default=False)
