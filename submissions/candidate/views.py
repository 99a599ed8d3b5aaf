"""The candidate's views, statement for statement as the case study gives them.

`create_product` is the correction quoted in the doc comment of `Sources/CandidateSubmission/CreateProduct.swift`
(its constructor calls spread over lines only to carry the markers); `low_stock_alerts` is the sketch quoted in
`case-study/ORIGINAL.md`. `# finding:` markers as in the Swift ports. `app` is a Blueprint so that the decorators
read as written; the factory registers it.
"""

from decimal import Decimal
from types import SimpleNamespace

from flask import Blueprint, request

from .models import Inventory, Product, db

app = Blueprint("candidate", __name__)


@app.route('/api/products', methods=['POST'])
def create_product():  # finding: no-authentication
    data = request.json  # finding: html-error-responses
    for field in ['name', 'sku', 'price', 'warehouse_id']:
        if field not in data:  # finding: missing-validation, non-object-body
            return {"error": f"{field} is required"}, 400
    if Product.query.filter_by(sku=data['sku']).first():  # finding: duplicate-sku
        return {"error": "SKU already exists"}, 409
    try:
        product = Product(
            name=data['name'],  # finding: unchecked-types, no-range-checks
            sku=data['sku'],  # finding: sku-race
            price=Decimal(str(data['price'])))  # finding: float-price, no-range-checks, product-tied-to-warehouse
        db.session.add(product)
        db.session.flush()  # finding: non-atomic-commit
        inventory = Inventory(
            product_id=product.id,  # finding: duplicate-inventory-row
            warehouse_id=data['warehouse_id'],  # finding: unknown-warehouse, no-tenant-check
            quantity=data.get('initial_quantity', 0))  # finding: required-optional-field
        db.session.add(inventory)
        db.session.commit()  # finding: non-atomic-commit, no-change-log
        return {"message": "Product created successfully", "product_id": product.id}, 201  # finding: wrong-status-code
    except Exception:
        db.session.rollback()
        return {"error": "Failed to create product"}, 500  # finding: no-error-handling


def get_average_daily_sales(product_id):
    """The sketch's placeholder: 2 for every product."""
    return 2


def get_supplier(product_id):
    """The sketch's placeholder: the same supplier for every product."""
    return SimpleNamespace(id=1, name="Default Supplier", contact_email="supplier@example.com")


@app.route('/api/companies/<int:company_id>/alerts/low-stock')
def low_stock_alerts(company_id):  # finding: alerts-no-authorization
    alerts = []
    inventory_items = Inventory.query.all()  # finding: alerts-ignores-company, alerts-unknown-company

    for item in inventory_items:
        product = Product.query.get(item.product_id)  # finding: alerts-query-per-row
        threshold = product.low_stock_threshold  # finding: alerts-ignores-product-type

        if item.quantity >= threshold:  # finding: alerts-missing-threshold-crash
            continue

        avg_daily_sales = get_average_daily_sales(product.id)   # placeholder: always 2  # finding: alerts-no-recent-sales-filter
        if avg_daily_sales == 0:
            continue

        days_until_stockout = item.quantity // avg_daily_sales  # finding: alerts-fake-sales-rate
        supplier = get_supplier(product.id)                     # placeholder: always the same supplier  # finding: alerts-placeholder-supplier

        alerts.append({  # finding: alerts-missing-warehouse-name
            "product_id": product.id,
            "product_name": product.name,
            "sku": product.sku,
            "warehouse_id": item.warehouse_id,
            "current_stock": item.quantity,
            "threshold": threshold,
            "days_until_stockout": days_until_stockout,
            "supplier": {"id": supplier.id, "name": supplier.name, "contact_email": supplier.contact_email},
        })

    return {"alerts": alerts, "total_alerts": len(alerts)}  # finding: alerts-unsorted-unpaginated
