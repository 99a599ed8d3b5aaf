"""A create-product body, checked field by field: presence, JSON type, format and range.

Every rejection is a `ClientError` naming the field, so a client mistake is a 4xx that says what to change, never a
500, and is found before anything is written. Numbers are read from their JSON text: a price `19.99` is the
`Decimal` 19.99, never the nearest binary float.
"""

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from .errors import ClientError

INT32_MAX = 2**31 - 1
REQUIRED_FIELDS = ("name", "sku", "price")
OPTIONAL_FIELDS = ("warehouse_id", "initial_quantity")
FIELD_LIST = ", ".join(REQUIRED_FIELDS + OPTIONAL_FIELDS)

# The white space trimmed from a name: Unicode's (as Swift's `whitespacesAndNewlines`), without the four
# information separators U+001C-U+001F that Python's `str.isspace` adds; those are refused as control characters.
_WHITESPACE = "".join(c for c in map(chr, range(0x3001)) if c.isspace() and c not in "\x1c\x1d\x1e\x1f")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
# A lone surrogate (PostgreSQL cannot store one; the driver cannot even encode it) or U+FFFD, what a decoder leaves
# of one: the Swift fix's parser cannot tell them apart, so both are refused, as text damaged on its way here.
_DAMAGED = re.compile("[\ud800-\udfff\ufffd]")
_SKU = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*\Z")
_EXPONENT = re.compile(r"[eE]([+-]?\d+)\Z")
# The largest written exponent read, as the Swift fix reads numbers; past it the literal counts as not finite.
_EXPONENT_LIMIT = 10_000


class JSONObject(dict):
    """A JSON object as Python's `json` builds it (the last value of a repeated key wins), remembering repeats."""

    def __init__(self, pairs):
        super().__init__(pairs)
        counts = Counter(key for key, _ in pairs)
        self.duplicate_keys = sorted(key for key, count in counts.items() if count > 1)


def _number(text: str) -> Decimal:
    """A JSON number with a fraction or exponent, exactly as written."""
    exponent = _EXPONENT.search(text)
    if exponent and abs(int(exponent.group(1))) > _EXPONENT_LIMIT:
        return Decimal("NaN")
    return Decimal(text)


def json_object(request) -> JSONObject:  # finding: non-object-body
    """The body as a JSON object; a wrong content type is a 415, anything else that is not an object a 400."""
    if not request.is_json:
        raise ClientError(415, "body", "body must be sent as Content-Type: application/json")
    data = request.get_data(cache=False)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        # `surrogatepass`, as Python's `json.loads` decodes bytes; the text checks refuse the surrogates.
        value = json.loads(data.decode("utf-8", "surrogatepass"), parse_float=_number, parse_int=int,
                           parse_constant=Decimal, object_pairs_hook=JSONObject)
    except (ValueError, RecursionError) as exc:
        raise ClientError(400, "body", f"body is not valid JSON: {exc}") from None
    if not isinstance(value, dict):
        raise ClientError(400, "body", f"body must be a JSON object, not {json_type(value)}")
    return value


def json_type(value) -> str:
    """The value's JSON type in words for error messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, Decimal):
        return "a non-integer number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


@dataclass(frozen=True)
class ProductInput:  # finding: missing-validation, unchecked-types, no-range-checks
    name: str
    sku: str
    price: Decimal  # an exact amount with at most two fraction digits
    warehouse_id: int | None  # where the initial stock goes; None creates the product in the catalog only
    initial_quantity: int

    @classmethod
    def from_request(cls, request) -> "ProductInput":
        body = json_object(request)  # finding: non-object-body, html-error-responses
        for key in body:
            if key not in REQUIRED_FIELDS and key not in OPTIONAL_FIELDS:
                raise ClientError(400, key, f"{key} is not a field of a product; expected {FIELD_LIST}")
        if body.duplicate_keys:
            key = body.duplicate_keys[0]
            raise ClientError(400, key, f"{key} appears more than once")
        for field in REQUIRED_FIELDS:  # finding: missing-validation
            if field not in body:
                raise ClientError(400, field, f"{field} is required")
        name = _text(body, "name", max_length=255)
        sku = _sku(body)
        price = _price(body)  # finding: float-price
        if body.get("warehouse_id") is None:  # finding: catalog-requires-stock
            warehouse_id = None
        else:
            warehouse_id = _integer(body, "warehouse_id", minimum=1)
        if body.get("initial_quantity") is None:  # finding: required-optional-field
            initial_quantity = 0
        else:
            initial_quantity = _integer(body, "initial_quantity", minimum=0)
        if warehouse_id is None and initial_quantity != 0:
            raise ClientError(400, "warehouse_id", "warehouse_id is required when initial_quantity is given")
        return cls(name, sku, price, warehouse_id, initial_quantity)

    @property
    def fingerprint(self) -> str:
        """The checked input in one canonical line: two bodies that differ only in spelling (white space, key order,
        `19.9` and `19.90`) create the same product and have the same fingerprint (as the Swift fix writes it)."""
        fields = {
            "name": self.name, "sku": self.sku, "price": _plain(self.price), "warehouse_id": self.warehouse_id,
            "initial_quantity": self.initial_quantity,
        }
        return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _plain(amount: Decimal) -> str:
    """The amount without trailing fraction zeros or an exponent, as Foundation's `Decimal` prints it: `19.9`, `5`."""
    if amount == 0:
        return "0"
    return format(amount.normalize(), "f")


def _text(body: dict, field: str, max_length: int, trimmed: bool = True) -> str:
    """A string field; `trimmed` removes surrounding white space (a name's, never an identifier's)."""
    raw = body[field]
    if not isinstance(raw, str):
        raise ClientError(400, field, f"{field} must be a string, not {json_type(raw)}")
    text = raw.strip(_WHITESPACE) if trimmed else raw
    if not text:
        raise ClientError(400, field, f"{field} must not be empty")
    if len(text) > max_length:
        raise ClientError(400, field, f"{field} must be at most {max_length} characters")
    if _CONTROL.search(text):
        raise ClientError(400, field, f"{field} must not contain control characters")
    _refuse_unseen(text, field)
    return text


def _refuse_unseen(text: str, field: str):
    """Refuses a lone surrogate or U+FFFD, and the invisible format characters (Unicode category Cf: zero-width space
    and joiners, the byte order mark, the soft hyphen, bidirectional marks, embeddings, overrides such as U+202E and
    isolates), which make two names that look alike differ, or make a name display reversed."""
    if _DAMAGED.search(text):
        raise ClientError(400, field, f"{field} must not contain a lone surrogate or U+FFFD (text damaged in encoding)")
    for char in text:
        if unicodedata.category(char) == "Cf":
            raise ClientError(
                400, field, f"{field} must not contain invisible or direction-changing characters (found U+{ord(char):04X})")


def _sku(body: dict) -> str:
    sku = _text(body, "sku", max_length=64, trimmed=False)
    if not _SKU.match(sku):
        raise ClientError(
            400, "sku",
            "sku may contain only ASCII letters, digits, '.', '_' and '-', and must start with a letter or digit")
    return sku


def _digits(amount: Decimal) -> tuple[int, int]:
    """(digits after the point, digits before it), trailing fraction zeros and leading zeros not counted."""
    sign, digits, exponent = amount.as_tuple()
    significant = "".join(map(str, digits)).lstrip("0")
    if not significant:
        return 0, 0
    stripped = significant.rstrip("0")
    scale = -exponent - (len(significant) - len(stripped))
    return max(scale, 0), max(len(stripped) - scale, 0)


def _price(body: dict) -> Decimal:
    value = body["price"]
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise ClientError(400, "price", f"price must be a number, not {json_type(value)}")
    amount = Decimal(value)
    if not amount.is_finite():
        raise ClientError(400, "price", "price must be a finite number")
    fraction_digits, integer_digits = _digits(amount)
    if fraction_digits > 2:
        raise ClientError(400, "price", "price must have at most 2 decimal places")
    if amount < 0:
        raise ClientError(400, "price", "price must not be negative")
    if integer_digits > 10:
        raise ClientError(400, "price", "price must be below 10000000000")
    return amount.quantize(Decimal("0.01"))


def _integer(body: dict, field: str, minimum: int) -> int:
    value = body[field]
    if isinstance(value, bool) or not isinstance(value, int):
        raise ClientError(400, field, f"{field} must be an integer, not {json_type(value)}")
    if not minimum <= value <= INT32_MAX:
        raise ClientError(400, field, f"{field} must be an integer from {minimum} to {INT32_MAX}")
    return value
