"""The adapter's own failures, each of one kind of PROTOCOL.md: protocol, app-load, database, internal."""

import traceback as _traceback


class AdapterError(Exception):
    def __init__(self, kind: str, message: str, traceback: str | None = None):
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.traceback = traceback

    def as_json(self) -> dict:
        error = {"kind": self.kind, "message": self.message}
        if self.traceback:
            error["traceback"] = self.traceback
        return error


def protocol_error(message: str) -> AdapterError:
    return AdapterError("protocol", message)


def database_error(exc: BaseException, doing: str) -> AdapterError:
    """The database refused something the adapter did on its own behalf."""
    original = getattr(exc, "orig", None) or exc
    message = str(original).strip()
    return AdapterError("database", f"{doing}: {message}", format_exception(exc))


def format_exception(exc: BaseException) -> str:
    return "".join(_traceback.format_exception(type(exc), exc, exc.__traceback__))
