"""An answer that fixes validation and the transaction (and authentication, tenants, the audit trail, status codes)
but keeps a binary float price and no unique SKU, and has no alerts endpoint. It writes the stock inside a
savepoint (`begin_nested()`), so its requests send `SAVEPOINT` and `RELEASE SAVEPOINT` too.

Expected grade: partial credit; it leaves what `strong` leaves plus exactly `float-price`, `duplicate-sku`, `sku-race`
and `sku-case-variants` (the float and the missing unique SKU); alerts not applicable.
"""

from flask import Flask

from .models import db
from .products import products


def create_app(config=None):
    app = Flask(__name__)
    app.config.update(config or {})
    db.init_app(app)
    app.register_blueprint(products)

    @app.errorhandler(404)
    @app.errorhandler(405)
    @app.errorhandler(415)
    @app.errorhandler(400)
    def http_error(error):
        return {"error": error.description, "field": "body"}, error.code

    return app
