"""The package's app, built here with a relative import, as `flask --app app` would find it."""

from flask import Flask, request

from .models import Product, db


def create_app():
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///local.db"
    db.init_app(app)

    @app.post("/api/products")
    def create_product():
        product = Product(sku=request.get_json()["sku"])
        db.session.add(product)
        db.session.commit()
        return {"product_id": product.id}, 201

    return app
