"""A flat layout's models: imported by name (`from models import ...`) from the folder's `app.py`.

Companies carry a NOT NULL UNIQUE `email` with no default, and every table a NOT NULL `created_at` with only a
Python-side default (a mixin), as real answers write them: the fixture fills neither.
"""

from datetime import datetime, timezone

from extensions import db


def utcnow():
    return datetime.now(timezone.utc)


class Stamped:
    created_at = db.Column(db.DateTime(timezone=True), nullable=False, default=utcnow)


class Company(Stamped, db.Model):
    __tablename__ = "companies"
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(100), nullable=False)
    email = db.Column(db.String(40), nullable=False, unique=True)
    plan = db.Column(db.String(20), nullable=False, default="free")


class Warehouse(Stamped, db.Model):
    __tablename__ = "warehouses"
    id = db.Column(db.Integer, primary_key=True)
    company_id = db.Column(db.Integer, db.ForeignKey("companies.id"), nullable=False)
    name = db.Column(db.String(100), nullable=False)
    is_active = db.Column(db.Boolean, nullable=False, default=True)


class Product(Stamped, db.Model):
    __tablename__ = "products"
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(100), nullable=False)
    sku = db.Column(db.String(50), nullable=False, unique=True)
    price = db.Column(db.Numeric(10, 2), nullable=False)


class BundleComponent(db.Model):
    """An association table keyed by its two columns: no `id`, so no id sequence."""
    __tablename__ = "bundle_components"
    bundle_id = db.Column(db.Integer, db.ForeignKey("products.id"), primary_key=True)
    component_id = db.Column(db.Integer, db.ForeignKey("products.id"), primary_key=True)
    quantity = db.Column(db.Integer, nullable=False, default=1)
