"""Resolving a request's credentials into a :class:`Principal`, once per request.

Order, as the reference (3.7) does it: only credentials that are present are tried, and a credential that
is present but wrong ends the request with 401 even when another one would have been fine.
``X-API-KEY`` → member token (``X-Room-Member-Token`` or ``Authorization: Bearer``) → the host's
administrator hook → anonymous.

One exception: ``Authorization`` is the host's header too. A bearer token that is not a valid member token
is the host's own (its login's access token, say) when the host's administrator hook vouches for the
request; only otherwise is it a wrong credential.
"""

from __future__ import annotations

import hmac
import inspect
import logging
from typing import TYPE_CHECKING, Any

from meet_embed.auth.principal import ANONYMOUS, Principal
from meet_embed.auth.tokens import InvalidToken, KeysUnavailable
from meet_embed.errors import AuthenticationError, MeetError

if TYPE_CHECKING:
    from litestar.connection import ASGIConnection

    from meet_embed.config import AccessHook
    from meet_embed.runtime import MeetRuntime

__all__ = (
    "call_hook",
    "forged_elsewhere",
    "get_principal",
    "has_credentials",
    "member_token_from",
    "runtime_of",
)

logger = logging.getLogger("meet_embed.auth")

_PRINCIPAL_KEY = "meet_embed.principal"
_RUNTIME_KEY = "meet_embed"


def runtime_of(connection: ASGIConnection[Any, Any, Any, Any]) -> MeetRuntime:
    runtime: MeetRuntime = connection.app.state[_RUNTIME_KEY]
    return runtime


def has_credentials(connection: ASGIConnection[Any, Any, Any, Any]) -> bool:
    """Whether the request carries an API key or a member token (which must then be valid)."""
    return "x-api-key" in connection.headers or member_token_from(connection) is not None


def member_token_from(connection: ASGIConnection[Any, Any, Any, Any]) -> str | None:
    return _member_token(connection)[0]


def _member_token(connection: ASGIConnection[Any, Any, Any, Any]) -> tuple[str | None, bool]:
    """The member token and whether it came from ``Authorization`` (a header the host may use too)."""
    raw = connection.headers.get("x-room-member-token")
    from_authorization = raw is None
    if raw is None:
        auth = connection.headers.get("authorization")
        if auth is None:
            return None, False
        scheme, _, raw = auth.partition(" ")
        if scheme.lower() != "bearer":
            return None, False
    return _strip_bearer(raw), from_authorization


def _strip_bearer(raw: str) -> str:
    raw = raw.strip()
    if raw[:7].lower() == "bearer ":  # the reference sends "X-Room-Member-Token: Bearer <jwt>"
        raw = raw[7:].strip()
    return raw


def forged_elsewhere(connection: ASGIConnection[Any, Any, Any, Any]) -> bool:
    """A request another site made (a form posted at us, an image, a script's request), not a navigation.

    The host's session (and over HTTPS meet-embed's own, ``SameSite=None`` so the console works framed by
    an allowed origin) travels with such requests too; they must not act as the signed-in user. The
    browser's ``Sec-Fetch-Site`` says where a request comes from: a framed page's own requests are
    ``same-origin``, the host page loading the frame is a navigation."""
    if connection.headers.get("sec-fetch-site", "") != "cross-site":
        return False
    method = str(connection.scope.get("method", "GET"))
    return not (method in ("GET", "HEAD") and connection.headers.get("sec-fetch-mode", "") == "navigate")


async def call_hook(hook: AccessHook | None, connection: ASGIConnection[Any, Any, Any, Any]) -> bool | str:
    """Ask a host hook; a string answer is taken as yes, naming the user (for logs and the audit trail).
    Never for a request forged elsewhere: the hook reads the host's session, which such a request carries."""
    if hook is None or forged_elsewhere(connection):
        return False
    try:
        result: Any = hook(connection)
        if inspect.isawaitable(result):
            result = await result
    except Exception:
        # A broken hook must not open the door, nor turn every request into a 500.
        logger.exception("the host's access hook raised; treating the request as not authorised")
        return False
    if isinstance(result, str):
        return result or False
    return bool(result)


async def get_principal(connection: ASGIConnection[Any, Any, Any, Any]) -> Principal:
    cached = connection.scope.get(_PRINCIPAL_KEY)
    if isinstance(cached, Principal):
        return cached
    principal = await _resolve(connection)
    connection.scope[_PRINCIPAL_KEY] = principal  # type: ignore[literal-required]
    return principal


async def _resolve(connection: ASGIConnection[Any, Any, Any, Any]) -> Principal:
    runtime = runtime_of(connection)

    api_key = connection.headers.get("x-api-key")
    key_name = None
    if api_key is not None:
        supplied = api_key.strip().encode()
        # Compare against every key, without stopping early, so timing tells nothing about which matched.
        for name, key in runtime.api_keys:
            if hmac.compare_digest(supplied, key):
                key_name = name
        if key_name is None:
            raise AuthenticationError("Invalid API key")

    member: Principal | None = None
    token, from_authorization = _member_token(connection)
    if token is not None:
        # Checked even beside a valid API key: a credential that is present and wrong is never ignored.
        try:
            claims = await runtime.tokens.verify(token)
        except InvalidToken as exc:
            if key_name is None and from_authorization:
                admin = await call_hook(runtime.is_admin_hook, connection)
                if admin:
                    return _admin(admin)
            logger.info("member token refused: %s", exc)
            raise AuthenticationError("Invalid token") from None
        except KeysUnavailable as exc:
            logger.warning("the identity provider's keys are unavailable: %s", exc)
            raise MeetError(
                "Member tokens cannot be verified right now", error="Service Unavailable", status_code=503
            ) from None
        member = Principal(
            kind="member",
            name=claims.identity,
            room_id=claims.room_id,
            role=claims.role,
            display_name=claims.name,
            expires_at=claims.expires_at,
        )
    if key_name is not None:
        return Principal(kind="api_key", name=key_name)
    if member is not None:
        return member

    admin = await call_hook(runtime.is_admin_hook, connection)
    if admin:
        return _admin(admin)
    return ANONYMOUS


def _admin(answer: bool | str) -> Principal:
    return Principal(kind="admin", name=answer if isinstance(answer, str) else "admin")
