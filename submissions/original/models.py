"""The models the original code implies, matching `original/Schema.swift` column for column."""

from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


class Company(db.Model):
    __tablename__ = "companies"
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(255), nullable=False)


class Warehouse(db.Model):
    __tablename__ = "warehouses"
    id = db.Column(db.Integer, primary_key=True)
    company_id = db.Column(
        db.Integer, db.ForeignKey("companies.id", name="warehouses_company_id_fkey"), nullable=False
    )
    name = db.Column(db.String(255), nullable=False)


class Product(db.Model):
    __tablename__ = "products"
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(255), nullable=False)
    sku = db.Column(db.String(64), nullable=False)  # finding: duplicate-sku
    price = db.Column(db.Float, nullable=False)  # finding: float-price
    warehouse_id = db.Column(  # finding: product-tied-to-warehouse
        db.Integer, db.ForeignKey("warehouses.id", name="products_warehouse_id_fkey"), nullable=True
    )
    low_stock_threshold = db.Column(db.Integer, nullable=True)


class Inventory(db.Model):
    __tablename__ = "inventory"
    id = db.Column(db.Integer, primary_key=True)
    product_id = db.Column(  # finding: duplicate-inventory-row
        db.Integer, db.ForeignKey("products.id", name="inventory_product_id_fkey"), nullable=False
    )
    warehouse_id = db.Column(
        db.Integer, db.ForeignKey("warehouses.id", name="inventory_warehouse_id_fkey"), nullable=False
    )
    quantity = db.Column(db.Integer, nullable=False)


class InventoryChange(db.Model):
    __tablename__ = "inventory_changes"
    id = db.Column(db.Integer, primary_key=True)
    inventory_id = db.Column(
        db.Integer, db.ForeignKey("inventory.id", name="inventory_changes_inventory_id_fkey"), nullable=False
    )
    change = db.Column(db.Integer, nullable=False)
    quantity_after = db.Column(db.Integer, nullable=False)
    reason = db.Column(db.String(64), nullable=False)
    user_id = db.Column(db.Integer, nullable=True)
    created_at = db.Column(db.DateTime, nullable=False)
