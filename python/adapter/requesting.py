"""One request through the app's WSGI stack (Flask's test client), with what it sent to the database."""

import base64
import binascii
import logging
import threading

from . import recording
from .errors import format_exception, protocol_error
from .fields import optional, required


class RequestSpec:
    """A `request` command, checked before anything runs."""

    def __init__(self, command: dict, where: str = ""):
        self.method = required(command, "method", str, where=where).upper()
        self.path = required(command, "path", str, where=where)
        self.query = optional(command, "query", dict, default={}, where=where)
        for key, value in self.query.items():
            if not (isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value))):
                raise protocol_error(f"field `{where}query.{key}` must be a string or an array of strings")
        self.headers = optional(command, "headers", dict, default={}, where=where)
        for key, value in self.headers.items():
            if not isinstance(value, str):
                raise protocol_error(f"field `{where}headers.{key}` must be a string")
        body = optional(command, "body_b64", str, default="", where=where)
        try:
            self.body = base64.b64decode(body, validate=True)
        except (binascii.Error, ValueError):
            raise protocol_error(f"field `{where}body_b64` is not base64") from None
        self.user_id = optional(command, "user_id", int, where=where)
        self.dump = optional(command, "dump", bool, default=False, where=where)

    def addressed(self, loaded) -> tuple[str, dict]:
        """The path and headers the app is sent: the caller as `X-User-Id`, and, for an app keyed by UUID, the
        integer ids in both as its UUIDs (`keys.Keys.address`)."""
        headers = dict(self.headers)
        if self.user_id is not None:
            headers["X-User-Id"] = str(self.user_id)
        return loaded.keys.address(loaded.app, self.path, headers)


def _headers(response) -> dict:
    headers = {}
    for name, value in response.headers.items():
        headers[name] = f"{headers[name]}, {value}" if name in headers else value
    return headers


def _exception(exc: BaseException | None):
    if exc is None:
        return None
    return {"type": type(exc).__name__, "message": str(exc), "traceback": format_exception(exc)}


class LogCapture(logging.Handler):
    """A per-request handler on the app's logger: keeps the records this thread emits while serving the request
    (`{"level": "ERROR", "message": ...}`, the message as `record.getMessage()` gives it, without the traceback)."""

    def __init__(self, records: list):
        super().__init__(logging.NOTSET)
        self.records = records
        self.thread = threading.get_ident()

    def emit(self, record):
        if record.thread == self.thread:
            self.records.append({"level": record.levelname, "message": record.getMessage()})


def run(loaded, spec: RequestSpec, pause: recording.PausePoint | None = None) -> dict:
    """Runs the request on this thread; its app context, session, connection and log records are its own."""
    path, headers = spec.addressed(loaded)
    data = loaded.keys.request_body(spec.body)
    trace = recording.Trace(pause)
    recording.bind(trace)
    capture = LogCapture(trace.log)
    logger = loaded.app.logger
    logger.addHandler(capture)
    try:
        client = loaded.app.test_client(use_cookies=False)
        response = client.open(
            path, method=spec.method, query_string=spec.query, headers=headers, data=data
        )
        try:
            body = response.get_data()
        finally:
            response.close()
    finally:
        logger.removeHandler(capture)
        recording.bind(None)
    headers = _headers(response)
    if loaded.keys.active:
        loaded.keys.number_new_rows(loaded.engine)
        body = loaded.keys.response_body(body)
        headers = {name: loaded.keys.replace_in_text(value) for name, value in headers.items()}
    answer = {
        "status": response.status_code,
        "headers": headers,
        "body_b64": base64.b64encode(body).decode("ascii"),
        "exception": _exception(trace.exception),
        "statements": trace.statements,
        "faults_fired": trace.faults_fired,
        "log": trace.log,
    }
    if spec.dump:
        answer["tables"] = loaded.tables.dump()["tables"]
    return answer
