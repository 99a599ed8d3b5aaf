"""The handlers' clock: `STOCKFLOW_NOW` from the app's config when set (fixed runs), the real clock otherwise."""

from datetime import datetime, timezone

from flask import current_app


def _moment(value) -> datetime:
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    if not isinstance(moment, datetime) or moment.tzinfo is None:
        raise ValueError(f"STOCKFLOW_NOW must be an ISO 8601 moment with a time zone, not {value!r}")
    return moment.astimezone(timezone.utc)


def configure(app):
    """Checks `STOCKFLOW_NOW` once, when the app is built, and keeps it as an aware UTC `datetime`."""
    if app.config.get("STOCKFLOW_NOW") is not None:
        app.config["STOCKFLOW_NOW"] = _moment(app.config["STOCKFLOW_NOW"])


def now() -> datetime:
    return current_app.config.get("STOCKFLOW_NOW") or datetime.now(timezone.utc)
