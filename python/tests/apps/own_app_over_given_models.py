"""An answer that builds its own Flask app over a `models` module it never handed in."""

from flask import Flask, jsonify, request

from models import Inventory, Product, db

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///:memory:"
db.init_app(app)


@app.route("/api/products", methods=["POST"])
def create_product():
    data = request.get_json()
    product = Product(name=data["name"], sku=data["sku"], price=data["price"], warehouse_id=data["warehouse_id"])
    db.session.add(product)
    db.session.flush()
    db.session.add(Inventory(product_id=product.id, warehouse_id=data["warehouse_id"],
                             quantity=data.get("initial_quantity", 0)))
    db.session.commit()
    return jsonify({"message": "Product created", "product_id": product.id}), 201
