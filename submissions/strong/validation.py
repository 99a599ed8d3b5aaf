"""Reading a create-product body: every field checked for presence, JSON type and range before anything is written."""

import json
from decimal import Decimal

from flask import request


class Invalid(Exception):
    def __init__(self, field, message, status=400):
        super().__init__(message)
        self.field, self.message, self.status = field, message, status

    def response(self):
        return {"error": self.message, "field": self.field}, self.status


def _nan(name):
    return Decimal("NaN")


def read_body():
    if not request.is_json:
        raise Invalid("body", "the body must be JSON (Content-Type: application/json)", 415)
    try:
        data = json.loads(request.get_data(), parse_float=Decimal, parse_constant=_nan)
    except ValueError:
        raise Invalid("body", "the body is not valid JSON")
    if not isinstance(data, dict):
        raise Invalid("body", "the body must be a JSON object")
    return data


def text(data, field):
    if field not in data or data[field] is None:
        raise Invalid(field, f"{field} is required")
    value = data[field]
    if not isinstance(value, str):
        raise Invalid(field, f"{field} must be a string")
    if not value.strip():
        raise Invalid(field, f"{field} must not be blank")
    if len(value) > 255:
        raise Invalid(field, f"{field} is too long")
    return value.strip()


def integer(data, field, default=None, minimum=0):
    if field not in data or data[field] is None:
        if default is None:
            raise Invalid(field, f"{field} is required")
        return default
    value = data[field]
    if isinstance(value, bool) or not isinstance(value, int):
        raise Invalid(field, f"{field} must be an integer")
    if value < minimum or value > 2_147_483_647:
        raise Invalid(field, f"{field} must be between {minimum} and 2147483647")
    return value


def price(data, field="price", float_price=False):
    if field not in data or data[field] is None:
        raise Invalid(field, f"{field} is required")
    value = data[field]
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise Invalid(field, f"{field} must be a number")
    value = Decimal(value)
    if not value.is_finite():
        raise Invalid(field, f"{field} must be a finite number")
    if value < 0:
        raise Invalid(field, f"{field} must not be negative")
    if value.as_tuple().exponent < -2 and value != value.quantize(Decimal("0.01")):
        raise Invalid(field, f"{field} has more than two decimal places")
    if value >= Decimal("1e10"):
        raise Invalid(field, f"{field} is too large")
    return float(value) if float_price else value


def current_user(User):
    header = request.headers.get("X-User-Id", "")
    if not header.isdigit():
        return None
    return User.query.get(int(header))
