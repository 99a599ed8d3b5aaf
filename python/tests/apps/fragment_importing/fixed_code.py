"""A fragment importing what it uses from the modules of an app it never handed in (`app`, `database`, `models`)."""

from flask import request, jsonify
from app import app
from database import db
from models import Product, Inventory


@app.route('/api/products', methods=['POST'])
def create_product():
    data = request.get_json()
    product = Product(name=data['name'], sku=data['sku'], price=float(data['price']))
    db.session.add(product)
    db.session.flush()
    db.session.add(Inventory(product_id=product.id, warehouse_id=data['warehouse_id'],
                             quantity=int(data.get('initial_quantity', 0))))
    db.session.commit()
    return jsonify({"product_id": product.id}), 201
