"""Guards that turn the request's principal into a yes or a clear no before a handler runs."""

from __future__ import annotations

from typing import Any

from litestar.connection import ASGIConnection
from litestar.handlers.base import BaseRouteHandler

from meet_embed.auth.principal import Principal
from meet_embed.auth.resolver import get_principal
from meet_embed.errors import AuthenticationError, AuthorizationError

__all__ = ("require_authenticated", "require_privileged")


def refuse(principal: Principal) -> None:
    """401 for a request without credentials, 403 for one whose credentials do not carry the right."""
    if principal.kind == "anonymous":
        raise AuthenticationError("Unauthorized")
    raise AuthorizationError()


async def require_privileged(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
    """API keys and administrators only (room management, the console)."""
    principal = await get_principal(connection)
    if not principal.is_privileged:
        refuse(principal)


async def require_authenticated(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
    principal = await get_principal(connection)
    if principal.kind == "anonymous":
        refuse(principal)
