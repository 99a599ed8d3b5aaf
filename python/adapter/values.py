"""Typed values between PostgreSQL and the protocol's JSON (the table "Values" of PROTOCOL.md).

Columns are classed by their PostgreSQL type; the adapter reads every value as PostgreSQL's own text output, so a
numeric's `5.00` stays `5.00`, a float is its shortest exact text, and nothing passes through a conversion.
"""

import datetime as _dt
import math
import re
from decimal import Decimal, InvalidOperation

from .errors import protocol_error

INTEGER, FLOAT, NUMERIC, TEXT, BOOLEAN, TIMESTAMP, OTHER = (
    "integer", "float", "numeric", "text", "boolean", "timestamp", "other")

_CATEGORIES = {
    "int2": INTEGER, "int4": INTEGER, "int8": INTEGER,
    "float4": FLOAT, "float8": FLOAT,
    "numeric": NUMERIC,
    "varchar": TEXT, "text": TEXT, "bpchar": TEXT,
    "bool": BOOLEAN,
    "timestamp": TIMESTAMP, "timestamptz": TIMESTAMP,
}


class ColumnInfo:
    """A column as PostgreSQL describes it: `type` is `format_type`'s text, e.g. `character varying(255)`."""

    def __init__(self, name: str, type_text: str, type_name: str):
        self.name = name
        self.type = type_text
        self.category = _CATEGORIES.get(type_name, OTHER)
        self.with_time_zone = type_name == "timestamptz"

    def text_expression(self) -> str:
        """The column as text PostgreSQL prints exactly: numerics and floats as their own output, timestamps in UTC."""
        quoted = '"' + self.name.replace('"', '""') + '"'
        if self.category == TIMESTAMP:
            utc = f"({quoted} AT TIME ZONE 'UTC')" if self.with_time_zone else quoted
            return f"to_char({utc}, 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
        return quoted + "::text"


def from_text(text, column: ColumnInfo):
    """A value as PostgreSQL's text output gave it, typed for the protocol (the dump reads every column as text)."""
    if text is None:
        return None
    category = column.category
    if category == INTEGER:
        return int(text)
    if category == NUMERIC:
        return {"numeric": text}
    if category == FLOAT:
        return {"float": repr(float(text))}
    if category == TIMESTAMP:
        return {"timestamp": text}
    if category == BOOLEAN:
        return text == "true"
    return text


_INTEGER_TEXT = re.compile(r"^[+-]?\d+$")


def from_json(value, column: ColumnInfo, label: str):
    """A protocol value to send to `column`, refusing what would not convert without loss."""
    if value is None:
        return None

    def refuse():
        return protocol_error(f"value for `{label}` does not fit a {column.type} column: {value!r}")

    tagged = None
    if isinstance(value, dict):
        if len(value) != 1:
            raise refuse()
        (tag, tagged), = value.items()
        if not isinstance(tagged, str) or tag not in ("numeric", "float", "timestamp"):
            raise refuse()
    category = column.category
    try:
        if category == INTEGER:
            if tagged is None and isinstance(value, int) and not isinstance(value, bool):
                return value
            if tagged is None and isinstance(value, float) and value.is_integer():
                return int(value)
            if tagged is None and isinstance(value, str) and _INTEGER_TEXT.match(value.strip()):
                return int(value)
            if tagged is not None and tag == "numeric" and Decimal(tagged) == Decimal(tagged).to_integral_value():
                return int(Decimal(tagged))
            raise refuse()
        if category == FLOAT:
            if tagged is not None and tag in ("float", "numeric"):
                return float(tagged)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                return float(value)
            if isinstance(value, str):
                return float(value)
            raise refuse()
        if category == NUMERIC:
            if tagged is not None and tag in ("numeric", "float"):
                return Decimal(tagged)
            if isinstance(value, bool):
                raise refuse()
            if isinstance(value, int):
                return Decimal(value)
            if isinstance(value, float):
                if math.isinf(value):
                    raise refuse()
                return Decimal(repr(value))
            if isinstance(value, str):
                return Decimal(value)
            raise refuse()
        if category == TEXT:
            if tagged is None and isinstance(value, str):
                return value
            raise refuse()
        if category == BOOLEAN:
            if isinstance(value, bool):
                return value
            raise refuse()
        if category == TIMESTAMP:
            text = tagged if tagged is not None and tag == "timestamp" else value
            if not isinstance(text, str):
                raise refuse()
            moment = _dt.datetime.fromisoformat(text)
            if moment.tzinfo is not None and not column.with_time_zone:
                moment = moment.astimezone(_dt.timezone.utc).replace(tzinfo=None)
            return moment
    except (ValueError, InvalidOperation, ArithmeticError):
        raise refuse() from None
    return tagged if tagged is not None else value
