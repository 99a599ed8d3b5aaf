"""The view exactly as `case-study/ORIGINAL.md` quotes it; `# finding:` markers as in `original/CreateProduct.swift`.

`app` is a Blueprint here so that the quoted text, decorator included, stays word for word; the factory registers it.
"""

from flask import Blueprint, request

from .models import Inventory, Product, db

app = Blueprint("original", __name__)


@app.route('/api/products', methods=['POST'])
def create_product():  # finding: no-authentication
    data = request.json  # finding: non-object-body, html-error-responses

    # Create new product
    product = Product(
        name=data['name'],  # finding: missing-validation, unchecked-types, no-range-checks
        sku=data['sku'],  # finding: duplicate-sku, sku-race
        price=data['price'],  # finding: float-price, no-range-checks
        warehouse_id=data['warehouse_id']  # finding: product-tied-to-warehouse
    )
    db.session.add(product)
    db.session.commit()  # finding: non-atomic-commit, no-error-handling

    # Update inventory count
    inventory = Inventory(
        product_id=product.id,  # finding: duplicate-inventory-row
        warehouse_id=data['warehouse_id'],  # finding: unknown-warehouse, no-tenant-check
        quantity=data['initial_quantity']  # finding: required-optional-field
    )
    db.session.add(inventory)
    db.session.commit()  # finding: non-atomic-commit, no-change-log

    return {"message": "Product created", "product_id": product.id}  # finding: wrong-status-code
