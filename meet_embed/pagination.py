"""Keyset pagination shared by the list endpoints: ``maxItems`` parsing and opaque, signed page tokens.

A page token carries the last item's sort value and id; the next page starts strictly after that pair,
so a deep page costs what the first one does and concurrent inserts never cause duplicates or gaps.
"""

from __future__ import annotations

import math
from typing import Any

from msgspec import Struct

from meet_embed.errors import UnprocessableError
from meet_embed.signing import BadSignature, Signer

__all__ = ("DEFAULT_MAX_ITEMS", "MAX_ITEMS_CAP", "PageCursor", "Pagination", "parse_max_items")

DEFAULT_MAX_ITEMS = 10
MAX_ITEMS_CAP = 100


class Pagination(Struct, rename="camel", omit_defaults=True):
    is_truncated: bool
    max_items: int
    next_page_token: str | None = None


def parse_max_items(raw: str | None) -> int:
    """As the reference: default 10, fractions floored, capped at 100, anything not positive is a 422."""
    if raw is None:
        return DEFAULT_MAX_ITEMS
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if math.isnan(value):
        raise UnprocessableError.field(
            "maxItems", f"maxItems must be a positive number (Expected number, received {raw!r})"
        )
    if value < 1:
        raise UnprocessableError.field("maxItems", "maxItems must be a positive number")
    return min(MAX_ITEMS_CAP, math.floor(value) if math.isfinite(value) else MAX_ITEMS_CAP)


class PageCursor:
    """Encodes ``(scope, sort value, id)`` into a page token and back."""

    def __init__(self, signer: Signer, purpose: str) -> None:
        self._signer = signer
        self._purpose = purpose

    def encode(self, scope: str, value: Any, item_id: str) -> str:
        return self._signer.dumps(self._purpose, [scope, value, item_id])

    def decode(self, token: str, scope: str) -> tuple[Any, str]:
        """The ``(value, id)`` after which the next page starts; a token made for another listing (other
        sort, order or filters) or a tampered one is a 422."""
        try:
            data = self._signer.loads(self._purpose, token)
        except BadSignature:
            raise UnprocessableError.field("nextPageToken", "nextPageToken is not valid") from None
        if not (isinstance(data, list) and len(data) == 3 and data[0] == scope and isinstance(data[2], str)):
            raise UnprocessableError.field(
                "nextPageToken", "nextPageToken does not belong to this listing (filters or sort changed)"
            )
        return data[1], data[2]
