"""Rate limits on what an attacker would hammer: token issuing, share-secret access and the login.

Litestar's rate-limit middleware, with its counters in meet-embed's own store (Redis when configured, so
the limit holds across replicas), keyed by client address and category. Past the limit: 429 with
``Retry-After`` and the usual JSON error body.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from litestar import Request
from litestar.middleware.rate_limit import RateLimitConfig, get_remote_address
from litestar.types import ASGIApp, Receive, Scope, Send

from meet_embed.config import MeetEmbedConfig

__all__ = ("STORE_NAME", "RateLimits", "answering_429", "make_store")

STORE_NAME = "meet_embed_rate_limit"


def _identifier(category: str) -> Callable[[Request[Any, Any, Any]], str]:
    def identify(request: Request[Any, Any, Any]) -> str:
        return f"{category}:{get_remote_address(request)}"

    return identify


# Coroutines: Litestar runs a plain function in a worker thread, a hop on every media request.
async def _has_secret(request: Request[Any, Any, Any]) -> bool:
    return "secret" in request.query_params


async def _is_post(request: Request[Any, Any, Any]) -> bool:
    return request.method == "POST"


class RateLimits:
    def __init__(self, config: MeetEmbedConfig) -> None:
        common: dict[str, Any] = {"store": STORE_NAME, "set_rate_limit_headers": True}
        self.tokens = RateLimitConfig(
            rate_limit=("minute", config.rate_limit_tokens),
            identifier_for_request=_identifier("tokens"),
            **common,
        )
        self.secrets = RateLimitConfig(
            rate_limit=("minute", config.rate_limit_secrets),
            identifier_for_request=_identifier("secrets"),
            check_throttle_handler=_has_secret,
            **common,
        )
        self.login = RateLimitConfig(
            rate_limit=("minute", config.rate_limit_login),
            identifier_for_request=_identifier("login"),
            check_throttle_handler=_is_post,
            **common,
        )


def make_store(redis_url: str | None) -> Any:
    if redis_url:
        from litestar.stores.redis import RedisStore

        return RedisStore.with_client(url=redis_url, namespace="MEET_EMBED_RATE_LIMIT")
    from litestar.stores.memory import MemoryStore

    return MemoryStore()


def answering_429(config: RateLimitConfig) -> Callable[[ASGIApp], ASGIApp]:
    """Litestar's rate-limit middleware, answering its 429 itself: raised from a middleware, the exception
    would otherwise pass the router's request-id and metrics middleware and reach the host's handlers."""
    from litestar import Request
    from litestar.exceptions import TooManyRequestsException

    from meet_embed.errors import exception_handlers

    handler = exception_handlers[TooManyRequestsException]

    def middleware(app: ASGIApp) -> ASGIApp:
        limited = config.middleware(app)

        async def wrapped(scope: Scope, receive: Receive, send: Send) -> None:
            try:
                await limited(scope, receive, send)
            except TooManyRequestsException as exc:
                request: Request[Any, Any, Any] = Request(scope, receive, send)
                response = handler(request, exc)
                await response.to_asgi_response(app=None, request=request)(scope, receive, send)

        return wrapped

    return middleware
