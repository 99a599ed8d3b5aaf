# A correction handed in as the case study's own code is: a view that uses `app` (its logger too), `request`, `db`
# and the models without defining them.

@app.route('/api/products', methods=['POST'])
def create_product():
    data = request.json
    product = Product(name=data['name'], sku=data['sku'], price=data['price'], warehouse_id=data['warehouse_id'])
    db.session.add(product)
    db.session.flush()
    inventory = Inventory(product_id=product.id, warehouse_id=data['warehouse_id'],
                          quantity=data.get('initial_quantity', 0))
    db.session.add(inventory)
    db.session.commit()
    app.logger.info("created product %s", product.id)
    return jsonify({"message": "Product created", "product_id": product.id}), 201
