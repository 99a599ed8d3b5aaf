# An answer to Part 1 handed in as most are: the corrected view alone, like the case study's own code, using `app`,
# `request`, `jsonify`, `db` and the models without defining them.
from decimal import Decimal, InvalidOperation

from sqlalchemy.exc import IntegrityError


@app.route('/api/products', methods=['POST'])
def create_product():
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        return jsonify({"error": "body must be a JSON object"}), 400
    for field in ('name', 'sku', 'price', 'warehouse_id'):
        if data.get(field) is None:
            return jsonify({"error": f"{field} is required", "field": field}), 400
    try:
        price = Decimal(str(data['price']))
    except InvalidOperation:
        return jsonify({"error": "price must be a number", "field": "price"}), 400
    if price < 0:
        return jsonify({"error": "price must not be negative", "field": "price"}), 400
    quantity = data.get('initial_quantity', 0)
    if not isinstance(quantity, int) or quantity < 0:
        return jsonify({"error": "initial_quantity must be a non-negative integer", "field": "initial_quantity"}), 400
    if Warehouse.query.get(data['warehouse_id']) is None:
        return jsonify({"error": "warehouse not found", "field": "warehouse_id"}), 404
    if Product.query.filter_by(sku=data['sku']).first() is not None:
        return jsonify({"error": "SKU already exists", "field": "sku"}), 409

    try:
        product = Product(name=data['name'], sku=data['sku'], price=price, warehouse_id=data['warehouse_id'])
        db.session.add(product)
        db.session.flush()
        db.session.add(Inventory(product_id=product.id, warehouse_id=data['warehouse_id'], quantity=quantity))
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        return jsonify({"error": "the product could not be saved"}), 409
    return jsonify({"message": "Product created", "product_id": product.id}), 201
