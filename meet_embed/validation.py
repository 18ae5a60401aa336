"""Strict request bodies: ``"enabled": "true"`` or ``"maxDuration": "60"`` are errors (422), as in the
reference, not values to coerce. Litestar converts leniently (query strings need that); this guard checks
the JSON body strictly first, after the credentials were checked."""

from __future__ import annotations

import re
from typing import Any

import msgspec
from litestar.connection import ASGIConnection, Request
from litestar.handlers.base import BaseRouteHandler

from meet_embed.errors import MeetError, UnprocessableError

__all__ = ("single_valued_query", "strict_json")

_PATH = re.compile(r" - at `\$\.?(?P<path>[^`]*)`$")


def _field_error(exc: msgspec.ValidationError) -> UnprocessableError:
    message = str(exc)
    match = _PATH.search(message)
    field = "body"
    if match:
        field = re.sub(r"\[(\d+)\]", r".\1", match.group("path")).lstrip(".") or "body"
        message = message[: match.start()]
    missing = re.match(r"Object missing required field `([^`]+)`", message)
    named = missing or re.match(r"Object contains unknown field `([^`]+)`", message)
    if named:
        field = f"{field}.{named.group(1)}" if field != "body" else named.group(1)
        message = "is required" if missing else "is not a known field"
    return UnprocessableError.field(field, message)


def strict_json(model: type[Any]) -> Any:
    async def guard(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
        assert isinstance(connection, Request)
        raw = await connection.body()
        if not raw.strip():
            raise UnprocessableError.field("body", "A JSON body is required")
        try:
            msgspec.json.decode(raw, type=model, strict=True)
        except msgspec.ValidationError as exc:
            raise _field_error(exc) from None
        except msgspec.DecodeError as exc:
            raise MeetError(f"The body is not valid JSON: {exc}", error="Bad Request") from None

    return guard


async def single_valued_query(request: Request[Any, Any, Any]) -> None:
    """``?fields=a&fields=b`` is a 422: every query parameter of the API takes one value, and which of two a
    server would keep is a guess the client should not have to make."""
    seen: set[str] = set()
    for key, _ in request.query_params.multi_items():
        if key in seen:
            raise UnprocessableError.field(key, f"Expected string, received array: give {key} once")
        seen.add(key)
