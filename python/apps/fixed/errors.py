"""Answers that are not a success: a client mistake (4xx naming the field), a database failure (503, retry)."""

from flask import jsonify


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
