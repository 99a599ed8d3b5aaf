"""A fragment importing what it uses from a placeholder for the app it was cut from (`your_app`)."""

from flask import request, jsonify
from your_app import app, db
from your_app.models import Product, Inventory


@app.route('/api/products', methods=['POST'])
def create_product():
    data = request.get_json()
    product = Product(name=data['name'], sku=data['sku'], price=data['price'])
    db.session.add(product)
    db.session.flush()
    db.session.add(Inventory(product_id=product.id, warehouse_id=data['warehouse_id'], quantity=0))
    db.session.commit()
    return jsonify({"product_id": product.id}), 201
