"""Errors of the API and how they reach the wire: ``{"error": …, "message": …}`` as OpenVidu Meet does."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import Any

import msgspec
from litestar import MediaType, Request, Response
from litestar.exceptions import (
    HTTPException,
    MethodNotAllowedException,
    NotAuthorizedException,
    NotFoundException,
    PermissionDeniedException,
    TooManyRequestsException,
    ValidationException,
)
from litestar.types import ExceptionHandlersMap

__all__ = (
    "AuthenticationError",
    "AuthorizationError",
    "ConflictError",
    "ErrorBody",
    "FieldError",
    "MeetError",
    "NotFoundError",
    "UnprocessableError",
    "check_text",
    "exception_handlers",
)

logger = logging.getLogger("meet_embed")


class FieldError(msgspec.Struct):
    field: str
    message: str


class ErrorBody(msgspec.Struct, omit_defaults=True):
    """Every error the API returns has this shape."""

    error: str
    message: str
    details: list[FieldError] | None = None


class MeetError(Exception):
    """An error with an HTTP status, a short error name and a message safe to show to the caller."""

    status_code = 400
    error = "Bad Request"

    def __init__(
        self,
        message: str,
        *,
        error: str | None = None,
        status_code: int | None = None,
        headers: dict[str, str] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        if error is not None:
            self.error = error
        if status_code is not None:
            self.status_code = status_code
        self.headers = headers or {}
        self.extra = extra or {}

    def body(self) -> dict[str, Any]:
        return {"error": self.error, "message": self.message, **self.extra}


class AuthenticationError(MeetError):
    status_code = 401
    error = "Authentication Error"


class AuthorizationError(MeetError):
    status_code = 403
    error = "Authorization Error"

    def __init__(self, message: str = "Insufficient permissions to access this resource", **kw: Any) -> None:
        super().__init__(message, **kw)


class NotFoundError(MeetError):
    status_code = 404


class ConflictError(MeetError):
    status_code = 409


class UnprocessableError(MeetError):
    """422 with field details, as the reference's validators answer."""

    status_code = 422
    error = "Unprocessable Entity"

    def __init__(self, details: Sequence[FieldError] | FieldError, message: str = "Invalid request") -> None:
        if isinstance(details, FieldError):
            details = [details]
        super().__init__(message, extra={"details": [msgspec.to_builtins(d) for d in details]})

    @classmethod
    def field(cls, field: str, message: str) -> UnprocessableError:
        return cls(FieldError(field=field, message=message))


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def check_text(field: str, value: str | None) -> None:
    """Text that reaches a query or a header: control characters (NUL above all) are a 422."""
    if value is not None and _CONTROL.search(value):
        raise UnprocessableError.field(field, f"{field} must not contain control characters")


def _json(body: dict[str, Any], status: int, headers: dict[str, str] | None = None) -> Response[Any]:
    return Response(content=body, status_code=status, media_type=MediaType.JSON, headers=headers)


def _meet_error_handler(_: Request[Any, Any, Any], exc: MeetError) -> Response[Any]:
    return _json(exc.body(), exc.status_code, exc.headers)


_MISSING = re.compile(r"Object missing required field `([^`]+)`")
_MISSING_PARAMETER = re.compile(r"Missing required (?:query|header|cookie) parameter '([^']+)'")


def _validation_handler(request: Request[Any, Any, Any], exc: ValidationException) -> Response[Any]:
    details = []
    for item in exc.extra if isinstance(exc.extra, list) else []:
        if isinstance(item, dict):
            key = str(item.get("key") or item.get("source") or "body")
            message = str(item.get("message", "is invalid"))
            if item.get("source") == "query":
                # Litestar names query parameters by their Python name; the wire name is camelCase.
                key = _camel(key)
            elif key == "data":
                # Litestar names the body after the handler's argument; say which field is missing instead.
                missing = _MISSING.search(message)
                key, message = (missing.group(1), "is required") if missing else ("body", message)
                if message == "'data'":
                    message = "A JSON body is required"
            details.append({"field": key, "message": message})
    missing_parameter = _MISSING_PARAMETER.match(exc.detail or "")
    if not details and missing_parameter:
        name = missing_parameter.group(1)
        details.append({"field": name, "message": f"{name} is required"})
    if not details:
        # Malformed JSON and similar: the parser's own words are the useful part.
        return _json({"error": "Bad Request", "message": _clean(exc.detail)}, 400)
    return _json({"error": "Unprocessable Entity", "message": "Invalid request", "details": details}, 422)


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def _clean(detail: str) -> str:
    return detail.split(" for ", 1)[0] if detail.startswith("Validation failed") else detail


_HTTP_NAMES = {
    400: "Bad Request",
    401: "Authentication Error",
    403: "Authorization Error",
    404: "Not Found",
    405: "Method Not Allowed",
    409: "Conflict",
    413: "Payload Too Large",
    415: "Unsupported Media Type",
    429: "Too Many Requests",
}


def _http_handler(request: Request[Any, Any, Any], exc: HTTPException) -> Response[Any]:
    status = exc.status_code
    if status >= 500:
        return _internal_handler(request, exc)
    message = exc.detail or _HTTP_NAMES.get(status, "Error")
    headers = dict(exc.headers or {})
    if isinstance(exc, NotAuthorizedException):
        message = "Unauthorized" if exc.detail in ("", "Unauthorized") else exc.detail
    if isinstance(exc, TooManyRequestsException):
        message = "Too many requests; try again later"
        reset = next((v for k, v in headers.items() if k.lower() == "ratelimit-reset"), None)
        headers["Retry-After"] = str(reset or 60)
    return _json({"error": _HTTP_NAMES.get(status, "Error"), "message": message}, status, headers)


def _unavailable(exc: BaseException) -> bool:
    """A backing service (database, store, Redis) that cannot be reached, rather than a bug of ours."""
    for cause in (exc, exc.__cause__, exc.__context__):
        if cause is None:
            continue
        if isinstance(cause, (ConnectionError, TimeoutError)):
            return True
        module = type(cause).__module__
        if module.startswith(("redis", "asyncpg")) and "Connection" in type(cause).__name__:
            return True
    return False


def _internal_handler(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    if _unavailable(exc):
        logger.error("a backing service is unreachable on %s %s: %s", request.method, request.url.path, exc)
        return _json(
            {"error": "Service Unavailable", "message": "A service meet-embed depends on is unreachable"},
            503,
            {"Retry-After": "5"},
        )
    # The traceback goes to the log, never to the client.
    logger.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return _json({"error": "Internal Server Error", "message": "Something went wrong on our side"}, 500)


def _by_status(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    """Litestar looks handlers up by status code before exception class, so a host handler keyed by a
    status (``{404: …}``) would take over our errors too; ours are keyed by status as well, and dispatch on
    the exception's kind."""
    if isinstance(exc, MeetError):
        return _meet_error_handler(request, exc)
    if isinstance(exc, ValidationException):
        return _validation_handler(request, exc)
    if isinstance(exc, HTTPException):
        return _http_handler(request, exc)
    return _internal_handler(request, exc)


exception_handlers: ExceptionHandlersMap = {
    **dict.fromkeys((400, 401, 403, 404, 405, 409, 413, 415, 416, 422, 429, 500, 503), _by_status),
    MeetError: _meet_error_handler,
    ValidationException: _validation_handler,
    NotAuthorizedException: _http_handler,
    PermissionDeniedException: _http_handler,
    NotFoundException: _http_handler,
    MethodNotAllowedException: _http_handler,
    TooManyRequestsException: _http_handler,
    HTTPException: _http_handler,
    Exception: _internal_handler,
}
"""Registered on meet-embed's own router only, so a host's handlers for its routes stay untouched."""
