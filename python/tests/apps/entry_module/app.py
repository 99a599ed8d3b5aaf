"""The package's app, built here with a relative import, as `flask --app app` would find it."""

import os

from flask import Flask, request

from .models import Product, db


def create_app():
    app = Flask(__name__)
    beside = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{beside}/local.db"  # beside the package, wherever it is
    db.init_app(app)

    @app.post("/api/products")
    def create_product():
        product = Product(sku=request.get_json()["sku"])
        db.session.add(product)
        db.session.commit()
        return {"product_id": product.id}, 201

    return app
