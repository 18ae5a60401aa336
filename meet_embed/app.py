"""A ready ASGI app for hosts that are not Litestar apps, and for ``meet-embed serve``."""

from __future__ import annotations

from typing import Any

from litestar import Litestar, MediaType, Request, Response
from litestar.exceptions import HTTPException, MethodNotAllowedException, NotFoundException
from litestar.logging import LoggingConfig
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import ScalarRenderPlugin, SwaggerRenderPlugin

from meet_embed.config import MeetEmbedConfig
from meet_embed.logs import request_id_for
from meet_embed.plugin import MeetEmbedPlugin

__all__ = ("create_app",)


def create_app(config: MeetEmbedConfig | None = None, **litestar_options: Any) -> Litestar:
    """Build a Litestar (ASGI) app serving only meet-embed, configured from ``config`` or the environment.

    Mount it into FastAPI/Starlette/Django ASGI, or through an ASGI-to-WSGI bridge into Flask.
    """
    config = config if config is not None else MeetEmbedConfig.from_env()
    plugin = MeetEmbedPlugin(config)
    options: dict[str, Any] = {
        "openapi_config": OpenAPIConfig(
            title="meet-embed",
            version="1",
            description="Recordings of video meetings, wire-compatible with OpenVidu Meet's recordings API.",
            path=f"{config.path}/docs",
            render_plugins=[ScalarRenderPlugin(), SwaggerRenderPlugin(path="/swagger")],
        ),
        "logging_config": _logging(config),
        # Requests that match no route never reach the plugin's router: answer them in the API's format too.
        "exception_handlers": {
            NotFoundException: _unrouted,
            MethodNotAllowedException: _unrouted,
        },
    }
    options.update(litestar_options)
    options["plugins"] = [plugin, *options.get("plugins", [])]
    return Litestar(**options)


def _unrouted(request: Request[Any, Any, Any], exc: HTTPException) -> Response[Any]:
    if exc.status_code == 405:
        body = {"error": "Method Not Allowed", "message": f"{request.method} is not allowed here"}
    elif "/api/" in request.url.path:
        body = {"error": "Path Not Found", "message": "API path not implemented"}
    else:
        body = {"error": "Not Found", "message": "Nothing here"}
    # Answered before routing, so no middleware gave it an id: it gets one here.
    headers = {**(exc.headers or {}), "X-Request-ID": request_id_for(request.headers.get("x-request-id"))}
    return Response(body, status_code=exc.status_code, media_type=MediaType.JSON, headers=headers)


def _logging(config: MeetEmbedConfig) -> LoggingConfig:
    formatter = (
        {"()": "meet_embed.logs.JsonFormatter"}
        if config.log_format == "json"
        else {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"}
    )
    return LoggingConfig(
        root={"level": "INFO", "handlers": ["queue_listener"]},
        formatters={"standard": formatter},
        filters={"request_id": {"()": "meet_embed.logs.RequestIdFilter"}},
        handlers={
            "console": {"class": "logging.StreamHandler", "formatter": "standard"},
            # The filter sits on the queue handler: it runs in the request's task, where the id is known
            # (the console handler runs later, in the listener's thread).
            "queue_listener": {
                "class": "litestar.logging.standard.QueueListenerHandler",
                "handlers": ["cfg://handlers.console"],
                "filters": ["request_id"],
            },
        },
        log_exceptions="debug",
        disable_stack_trace={401, 403, 404, 405, 409, 413, 416, 422, 429},
    )
