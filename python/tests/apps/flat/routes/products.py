from flask import Blueprint, jsonify, request

from extensions import db
from models import Product

bp = Blueprint("products", __name__)


@bp.route("/api/products", methods=["POST"])
def create_product():
    data = request.get_json()
    product = Product(name=data["name"], sku=data["sku"], price=data["price"])
    db.session.add(product)
    db.session.commit()
    return jsonify({"product_id": product.id}), 201
