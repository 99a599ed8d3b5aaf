"""A single file with a module-level `app` (no factory) bound to its own SQLite database."""

from flask import Flask, jsonify, request
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///:memory:"
app.config["SQLALCHEMY_ENGINE_OPTIONS"] = {"connect_args": {"check_same_thread": False}}
db = SQLAlchemy(app)


class Product(db.Model):
    __tablename__ = "products"
    id = db.Column(db.Integer, primary_key=True)
    sku = db.Column(db.String(50), nullable=False)


@app.route("/api/products", methods=["POST"])
def create_product():
    product = Product(sku=request.get_json()["sku"])
    db.session.add(product)
    db.session.commit()
    return jsonify({"product_id": product.id}), 201
