"""Answers that are not a success: a client mistake (4xx naming the field), a database failure answered by its
cause (`DatabaseFailure` in `fixed/DatabaseFailure.swift`)."""

from flask import current_app, jsonify, request
from psycopg2 import errorcodes

REQUEST_ID_HEADER = "X-Request-Id"


class ClientError(Exception):  # finding: html-error-responses
    """A client mistake, answered with a 4xx JSON error that names what is wrong; nothing is written."""

    def __init__(self, status: int, field: str | None, message: str):
        super().__init__(message)
        self.status = status
        self.field = field
        self.message = message

    def response(self):
        return error_response(self.message, self.status, field=self.field)


def error_response(message: str, status: int, field: str | None = None, headers: dict | None = None):
    """`{"error": message, "field": field}` (`field` only when there is one), as JSON."""
    body = {"error": message}
    if field is not None:
        body["field"] = field
    return jsonify(body), status, headers or {}


def unauthenticated():
    return ClientError(401, None, "authentication required")


def database_unavailable(message: str):
    """A failed database: everything was rolled back, so the client may simply retry."""
    return error_response(message, 503, headers={"Retry-After": "1"})


# SQLSTATEs of a failure that a retry of the same work may get past: the transaction lost a race, or waited too long.
_TRANSIENT = {errorcodes.SERIALIZATION_FAILURE, errorcodes.DEADLOCK_DETECTED, errorcodes.LOCK_NOT_AVAILABLE}

# Check constraints and rules refusing a value the client sent: (status, field, message).
_CHECKS = {
    "inventory_same_company": (403, "warehouse_id", "the warehouse belongs to another company"),
    "products_price_check": (422, "price", "price was refused by the database: price >= 0"),
    "inventory_quantity_check": (422, "initial_quantity", "initial_quantity was refused by the database: quantity >= 0"),
    "inventory_changes_quantity_after_check": (
        422, "initial_quantity", "initial_quantity was refused by the database: quantity_after >= 0"),
}


def is_transient(error) -> bool:
    """Whether a retry may succeed: the connection was lost (SQLSTATE class 08, or no SQLSTATE at all from a driver
    that lost its server), or the transaction lost a race (serialization failure, deadlock, lock timeout)."""
    if getattr(error, "connection_invalidated", False):
        return True
    cause = getattr(error, "orig", None)
    code = getattr(cause, "pgcode", None)
    if code is None:
        import psycopg2
        return isinstance(cause, psycopg2.OperationalError)
    return code in _TRANSIENT or code.startswith("08")


def _client_cause(error, data):
    """(status, field, message) for an integrity error caused by a value the client sent, else None."""
    cause = getattr(error, "orig", None)
    code = getattr(cause, "pgcode", None)
    diag = getattr(cause, "diag", None)
    table = getattr(diag, "table_name", None)
    constraint = getattr(diag, "constraint_name", None)
    if code == errorcodes.UNIQUE_VIOLATION and table == "products":  # finding: sku-race, sku-case-variants
        return 409, "sku", "a product with this sku already exists (SKUs are compared without regard to case)"
    if code == errorcodes.FOREIGN_KEY_VIOLATION and constraint == "inventory_warehouse_id_fkey":
        return 404, "warehouse_id", f"warehouse {data.warehouse_id} does not exist"
    if code == errorcodes.CHECK_VIOLATION and constraint in _CHECKS:
        return _CHECKS[constraint]
    return None


def database_failure(error, data):  # finding: no-error-handling, untraceable-failures, failures-not-by-cause
    """A database error met after the input was accepted (everything rolled back), answered by its cause.

    A retry helps only when the failure was transient: that is a 503 with `Retry-After`. A constraint that refused a
    value the client sent is a 4xx naming the field, since the same request would be refused again. Anything else is
    a bug on our side: a 500. Every server-side failure is logged once with the request id, which the error body
    carries too, so a client can quote it to support and an operator can find the log line.
    """
    client = _client_cause(error, data) if data is not None else None
    if client is not None:
        return ClientError(*client).response()
    request_id = request.headers.get(REQUEST_ID_HEADER) or "unknown"
    if is_transient(error):
        status, headers = 503, {"Retry-After": "1"}
        message = ("the product could not be created because of a temporary database failure; nothing was saved, "
                   "retry the request")
    else:
        status, headers = 500, {}
        message = ("the product could not be created because of an internal error; nothing was saved, quote the "
                   "request id to support")
    current_app.logger.error(
        "request %s: %s %s failed, answered %d: %s: %s", request_id, request.method, request.path, status,
        type(error.orig if getattr(error, "orig", None) is not None else error).__name__,
        str(getattr(error, "orig", None) or error).strip())
    headers[REQUEST_ID_HEADER] = request_id
    return jsonify({"error": message, "request_id": request_id}), status, headers
