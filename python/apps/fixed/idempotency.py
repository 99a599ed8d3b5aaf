"""The `Idempotency-Key` a client sends with a create so that a retry after a lost answer is safe; mirrors
`fixed/IdempotencyKey.swift`.

The key is kept with the product it made, per company, in the same transaction: the same key with the same body
replays the first answer and writes nothing; the same key with another body is refused (422); another company's
identical key is a different key.
"""

import re
from dataclasses import dataclass

from sqlalchemy import select

from .errors import ClientError
from .models import IdempotencyKey as KeyRecord, db

HEADER = "Idempotency-Key"
_PRINTABLE = re.compile(r"[\x21-\x7e]{1,255}\Z")


def created(product_id: int):
    """The answer to a successful create, the same on a replay."""
    return (  # finding: wrong-status-code
        {"message": "Product created", "product_id": product_id}, 201, {"Location": f"/api/products/{product_id}"})


@dataclass(frozen=True)
class IdempotencyKey:  # finding: non-idempotent-retry
    value: str

    @classmethod
    def from_request(cls, request) -> "IdempotencyKey | None":
        """The key the request carries, `None` when it sends none; a blank, over-long or non-printable key is a
        400."""
        value = request.headers.get(HEADER)
        if value is None:
            return None
        if not _PRINTABLE.match(value):
            raise ClientError(400, HEADER, f"{HEADER} must be 1 to 255 printable ASCII characters")
        return cls(value)

    def earlier_answer(self, data, company_id: int):
        """The answer to a create that reuses this key, or `None` when the company has not used it yet."""
        earlier = db.session.scalars(
            select(KeyRecord).where(KeyRecord.company_id == company_id, KeyRecord.key == self.value).limit(1)
        ).first()
        if earlier is None:
            return None
        if earlier.request_fingerprint != data.fingerprint:
            raise ClientError(
                422, HEADER,
                f"{HEADER} {self.value} was already used with a different body; send a new key for a new product")
        return created(earlier.product_id)

    def record(self, data, company_id: int, product, at) -> KeyRecord:
        """The row that records this key's create, written in the create's transaction."""
        return KeyRecord(
            company_id=company_id, key=self.value, request_fingerprint=data.fingerprint, product=product,
            created_at=at)
