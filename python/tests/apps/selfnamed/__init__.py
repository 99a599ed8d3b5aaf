"""A package that imports itself by name (`selfnamed.settings`, `from selfnamed.models import ...`) and whose
`create_app()` takes no parameter and reads its database from `DATABASE_URL`, with no fallback."""

import os

from flask import Flask, jsonify
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


def create_app():
    app = Flask(__name__)
    app.config.from_object("selfnamed.settings.Settings")
    app.config["SQLALCHEMY_DATABASE_URI"] = os.environ["DATABASE_URL"]
    db.init_app(app)
    from selfnamed.models import Company

    @app.route("/api/companies/<int:company_id>/alerts/low-stock")
    def alerts(company_id):
        return jsonify({"alerts": [], "company": db.session.get(Company, company_id).name})

    return app
