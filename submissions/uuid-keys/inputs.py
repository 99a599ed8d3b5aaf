"""Reading a request: the caller, the JSON body and each field, checked for presence, type and range before
anything is written. A refusal is a `BadInput` naming the field."""

import json
import uuid
from decimal import Decimal

from flask import request

MAX_INT = 2_147_483_647


class BadInput(Exception):
    def __init__(self, field, message, status=400):
        super().__init__(message)
        self.field, self.message, self.status = field, message, status

    def as_response(self):
        return {"error": self.message, "field": self.field}, self.status


def caller(user_model, session):
    """The user the proxy authenticated (`X-User-Id: <uuid>`), or None."""
    user_id = parse_uuid(request.headers.get("X-User-Id", ""))
    return session.get(user_model, user_id) if user_id is not None else None


def parse_uuid(text):
    try:
        return uuid.UUID(text) if isinstance(text, str) else None
    except ValueError:
        return None


def json_object():
    if not request.is_json:
        raise BadInput("body", "send JSON with Content-Type: application/json", 415)
    try:
        # Decimals, not floats, so 19.99 stays 19.99; NaN and Infinity are caught by the range checks.
        body = json.loads(request.get_data(), parse_float=Decimal, parse_constant=Decimal)
    except (ValueError, RecursionError):
        raise BadInput("body", "the body is not valid JSON")
    if not isinstance(body, dict):
        raise BadInput("body", "the body must be a JSON object")
    return body


def required_text(body, field, max_length=255):
    value = body.get(field)
    if value is None:
        raise BadInput(field, f"{field} is required")
    if not isinstance(value, str):
        raise BadInput(field, f"{field} must be a string")
    value = value.strip()
    if not value:
        raise BadInput(field, f"{field} must not be blank")
    if len(value) > max_length:
        raise BadInput(field, f"{field} must be at most {max_length} characters")
    return value


def optional_uuid(body, field):
    value = body.get(field)
    if value is None:
        return None
    found = parse_uuid(value)
    if found is None:
        raise BadInput(field, f"{field} must be a UUID string")
    return found


def optional_count(body, field):
    value = body.get(field)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise BadInput(field, f"{field} must be a whole number")
    if not 0 <= value <= MAX_INT:
        raise BadInput(field, f"{field} must be from 0 to {MAX_INT}")
    return value


def money(body, field="price"):
    value = body.get(field)
    if value is None:
        raise BadInput(field, f"{field} is required")
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise BadInput(field, f"{field} must be a number")
    value = Decimal(value)
    if not value.is_finite():
        raise BadInput(field, f"{field} must be a finite number")
    if value < 0:
        raise BadInput(field, f"{field} must not be negative")
    if value != value.quantize(Decimal("0.01")):
        raise BadInput(field, f"{field} must have at most two decimal places")
    if value >= Decimal("1e10"):
        raise BadInput(field, f"{field} must be below 10000000000")
    return value


def query_integers(bounds):
    """The query's integer parameters within `bounds` ({name: (low, high, default)}); any other parameter is
    refused."""
    for name in request.args:
        if name not in bounds:
            raise BadInput(name, f"unknown query parameter {name}")
    values = {}
    for name, (low, high, default) in bounds.items():
        text = request.args.get(name)
        if text is None:
            values[name] = default
            continue
        if not text.isdigit() or not low <= int(text) <= high:
            raise BadInput(name, f"{name} must be an integer from {low} to {high}")
        values[name] = int(text)
    return values
