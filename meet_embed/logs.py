"""Request ids and structured logs.

Every request to meet-embed gets an id (the caller's ``X-Request-ID`` when it is a sane one, else a new
one), echoed in the response and attached to every log record and audit entry made while serving it.
"""

from __future__ import annotations

import json
import logging
import random
import re
from contextvars import ContextVar
from typing import Any

from litestar.datastructures import MutableScopeHeaders
from litestar.middleware import ASGIMiddleware
from litestar.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ("JsonFormatter", "RequestIdFilter", "RequestIdMiddleware", "current_request_id")

_REQUEST_ID: ContextVar[str | None] = ContextVar("meet_embed_request_id", default=None)
_SANE = re.compile(r"[A-Za-z0-9._:-]{1,64}")


def current_request_id() -> str | None:
    return _REQUEST_ID.get()


def request_id_for(supplied: str | None) -> str:
    """The caller's ``X-Request-ID`` when it is a sane one, else a new id."""
    # Unique, not secret: the Mersenne Twister costs no system call (uuid4 reads the kernel's entropy, a
    # measurable share of a 1 MiB media request).
    return supplied if supplied and _SANE.fullmatch(supplied) else f"{random.getrandbits(128):032x}"


class RequestIdMiddleware(ASGIMiddleware):
    scopes = ("http",)  # type: ignore[assignment]

    async def handle(self, scope: Scope, receive: Receive, send: Send, next_app: ASGIApp) -> None:
        supplied = None
        for name, value in scope.get("headers", []):
            if name == b"x-request-id":
                supplied = value.decode("latin-1")
                break
        request_id = request_id_for(supplied)
        token = _REQUEST_ID.set(request_id)

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableScopeHeaders.from_message(message)["X-Request-ID"] = request_id
            await send(message)

        try:
            await next_app(scope, receive, send_with_id)
        finally:
            _REQUEST_ID.reset(token)


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = _REQUEST_ID.get() or "-"
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request id, and the traceback if any."""

    def format(self, record: logging.LogRecord) -> str:
        data: dict[str, Any] = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None) or _REQUEST_ID.get(),
        }
        if record.exc_info:
            data["exception"] = self.formatException(record.exc_info)
        return json.dumps(data, ensure_ascii=False)
