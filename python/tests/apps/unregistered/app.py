"""A module-level `app` that uses `models.db` without ever registering it: as written, every query would fail."""

from flask import Flask, request

from models import Product, db

app = Flask(__name__)


@app.route("/api/products", methods=["POST"])
def create_product():
    product = Product(sku=request.get_json()["sku"])
    db.session.add(product)
    db.session.commit()
    return {"product_id": product.id}, 201
