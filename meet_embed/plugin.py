"""The Litestar plugin: mounts meet-embed into a host app without touching the host's own setup."""

from __future__ import annotations

import copy
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

from litestar import Controller, Litestar, Router, route
from litestar.config.app import AppConfig
from litestar.middleware import DefineMiddleware
from litestar.params import FromPath
from litestar.plugins import CLIPlugin, InitPlugin
from litestar.stores.registry import StoreRegistry

from meet_embed.audit.routes import AuditController
from meet_embed.auth.routes import MeController, TokenController, TokenRefreshController
from meet_embed.config import MeetEmbedConfig
from meet_embed.dependencies import dependencies
from meet_embed.errors import NotFoundError, exception_handlers
from meet_embed.events.routes import AllRoomsEventsController, RoomEventsController
from meet_embed.logs import RequestIdMiddleware
from meet_embed.openapi import SECURITY_COMPONENTS, TAGS
from meet_embed.ops.health import HealthController
from meet_embed.ops.metrics import app_name_middleware, metrics_controller, prometheus_config
from meet_embed.ops.ratelimit import STORE_NAME, RateLimits, answering_429, make_store
from meet_embed.recorders.routes import RecordingControlController
from meet_embed.recordings.routes import RecordingsController
from meet_embed.rooms.routes import RoomsController
from meet_embed.runtime import MeetRuntime
from meet_embed.validation import single_valued_query
from meet_embed.web.login import LoginController
from meet_embed.web.pages import PagesController
from meet_embed.web.static import static_files_router

if TYPE_CHECKING:
    from click import Group

__all__ = ("MeetEmbedPlugin",)

STATE_KEY = "meet_embed"


@route(
    "/{path:path}",
    http_method=["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"],
    include_in_schema=False,
    status_code=404,
)
async def api_not_found(path: FromPath[str]) -> None:
    raise NotFoundError("API path not implemented", error="Path Not Found")


class MeetEmbedPlugin(InitPlugin, CLIPlugin):
    """Adds the recordings API, pages and static module under ``config.path`` (default ``/meet``).

    Its routes, dependencies and exception handlers live on a router of its own, so a host's routes,
    templates, static files, exception handlers and database plugin keep working as before.
    """

    __slots__ = ("config",)

    def __init__(self, config: MeetEmbedConfig | None = None) -> None:
        self.config = config if config is not None else MeetEmbedConfig.from_env()

    def on_app_init(self, app_config: AppConfig) -> AppConfig:
        app_config.route_handlers.append(self.router())
        stores = app_config.stores
        if isinstance(stores, StoreRegistry):
            stores.register(STORE_NAME, make_store(self.config.redis_url), allow_override=True)
        else:
            app_config.stores = {**(stores or {}), STORE_NAME: make_store(self.config.redis_url)}
        app_config.lifespan.append(self.lifespan)
        openapi = app_config.openapi_config
        if openapi is not None:
            # A copy: the config may be Litestar's shared default, which other apps in the process use too.
            known = {t.name for t in openapi.tags or []}
            components = openapi.components if isinstance(openapi.components, list) else [openapi.components]
            openapi = copy.copy(openapi)
            openapi.tags = [*(openapi.tags or []), *(t for t in TAGS if t.name not in known)]
            openapi.components = [*components, SECURITY_COMPONENTS]
            app_config.openapi_config = openapi
        return app_config

    def router(self) -> Router:
        limits = RateLimits(self.config)
        api = Router(
            path="/api/v1",
            route_handlers=[
                RoomsController,
                _with_middleware(TokenController, answering_429(limits.tokens)),
                _with_middleware(TokenRefreshController, answering_429(limits.tokens)),
                MeController,
                RoomEventsController,
                AllRoomsEventsController,
                _with_middleware(RecordingsController, answering_429(limits.secrets)),
                RecordingControlController,
                AuditController,
                api_not_found,
            ],
            before_request=single_valued_query,
        )
        handlers: list[Any] = [api, static_files_router(), HealthController]
        # A room page exchanges its link's secret for a token on every load: limited like secret access.
        handlers.append(_with_middleware(PagesController, answering_429(limits.secrets)))
        if self.config.metrics_path:
            handlers.append(metrics_controller(self.config.metrics_path))
        if self.config.recorder == "livekit":
            from meet_embed.recorders.livekit import LiveKitWebhookController

            handlers.append(LiveKitWebhookController)
        if self.config.admin_password:
            handlers.append(_with_middleware(LoginController, answering_429(limits.login)))
        app_name = self.config.resolved_metrics_app_name
        middleware: list[Any] = [
            RequestIdMiddleware(),
            app_name_middleware(app_name),
            prometheus_config(app_name).middleware,
        ]
        if self.config.cors_origins:
            middleware.insert(0, cors_middleware(self.config.cors_origins))
        return Router(
            path=self.config.path or "/",
            route_handlers=handlers,
            dependencies=dependencies,
            exception_handlers=exception_handlers,
            middleware=middleware,
        )

    @asynccontextmanager
    async def lifespan(self, app: Litestar) -> AsyncIterator[None]:
        runtime = MeetRuntime.create(self.config)
        app.state[STATE_KEY] = runtime
        await runtime.startup(app)
        try:
            yield
        finally:
            await runtime.shutdown()
            app.state.pop(STATE_KEY, None)

    def on_cli_init(self, cli: Group) -> None:
        from meet_embed.cli import meet_group

        cli.add_command(meet_group, "meet")


def cors_middleware(origins: Sequence[str]) -> DefineMiddleware:
    """CORS for meet-embed's routes only (the host's own CORS settings, if any, stay as they are), so the
    web components can run on a page of another origin. Credentials travel in headers, not cookies."""
    from litestar.config.cors import CORSConfig
    from litestar.middleware.cors import CORSMiddleware

    config = CORSConfig(
        allow_origins=list(origins),
        allow_methods=["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"],
        allow_headers=[
            "Authorization",
            "Content-Type",
            "If-None-Match",
            "If-Range",
            "Range",
            "X-API-KEY",
            "X-Request-ID",
            "X-Room-Member-Token",
        ],
        expose_headers=[
            "Accept-Ranges",
            "Content-Disposition",
            "Content-Length",
            "Content-Range",
            # The event streams' Date lets a page on another origin correct the elapsed time for its clock.
            "Date",
            "ETag",
            "Location",
            "Retry-After",
            "X-Request-ID",
        ],
        allow_credentials=False,
        max_age=600,
    )
    return DefineMiddleware(CORSMiddleware, config=config)


def _with_middleware(controller: type[Controller], *middleware: Any) -> type[Controller]:
    """The controller with extra middleware, as a subclass: limits come from this plugin's config."""
    declared = next(
        (c.__dict__["middleware"] for c in controller.__mro__ if "middleware" in c.__dict__), None
    )
    existing = list(declared) if isinstance(declared, (list, tuple)) else []
    attributes: dict[str, Any] = {"middleware": [*existing, *middleware]}
    return type(controller.__name__, (controller,), attributes)


def find_plugin(app: Any) -> MeetEmbedPlugin | None:
    """The plugin instance of an app (for CLI commands run through ``litestar meet …``)."""
    for plugin in getattr(app, "plugins", []):
        if isinstance(plugin, MeetEmbedPlugin):
            return plugin
    return None
