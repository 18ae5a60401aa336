"""Everything a running meet-embed holds: database, store, signing keys, token verifier.

One runtime per app, created when the app starts and kept in ``app.state`` (never in a module global),
so two apps in one process, or one test after another, never share state.
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
from collections.abc import Coroutine
from typing import Any

from meet_embed.auth.tokens import MemberTokens, member_tokens_for
from meet_embed.config import AccessHook, ApiKey, MeetEmbedConfig
from meet_embed.db.engine import Database
from meet_embed.signing import Signer
from meet_embed.storage.store import MediaStore

__all__ = ("MeetRuntime", "SchemaBehind")

logger = logging.getLogger("meet_embed")


class SchemaBehind(RuntimeError):
    """The database's schema is not the one this version of meet-embed needs."""


def _capture_backend(config: MeetEmbedConfig) -> Any:
    if config.recorder == "livekit":
        from meet_embed.recorders.livekit import LiveKitCapture

        return LiveKitCapture(config)
    from meet_embed.recorders.browser import BrowserCapture

    return BrowserCapture()


def _listened_emit(app: Any) -> Any:
    """``app.emit`` for events somebody listens to (Litestar refuses events without a listener)."""

    def emit(event_id: str, *args: Any, **kwargs: Any) -> None:
        if app.event_emitter.listeners.get(event_id):
            app.emit(event_id, *args, **kwargs)

    return emit


class MeetRuntime:
    # A plain class, not a dataclass: Litestar re-validates dataclass values handed out by dependencies.

    def __init__(
        self,
        *,
        config: MeetEmbedConfig,
        db: Database,
        store: MediaStore,
        signer: Signer,
        tokens: MemberTokens,
        api_keys: tuple[tuple[str, bytes], ...],
        is_admin_hook: AccessHook | None,
        is_user_hook: AccessHook | None,
    ) -> None:
        self.config = config
        self.db = db
        self.store = store
        self.signer = signer
        self.tokens = tokens
        self.api_keys = api_keys
        self.is_admin_hook = is_admin_hook
        self.is_user_hook = is_user_hook
        self._tasks: set[asyncio.Task[Any]] = set()
        self._redis: Any = None
        self._schema_warned = False

        from meet_embed.events.bus import RecordingEvents, make_channels
        from meet_embed.events.webhooks import WebhookSender
        from meet_embed.recorders.control import RecordingControl
        from meet_embed.recorders.finalize import Finalizer
        from meet_embed.recorders.sweep import Sweeper

        webhook_secret = config.webhook_secret or (api_keys[0][1].decode() if api_keys else None)
        self.webhooks = (
            WebhookSender(config.webhook_url, webhook_secret)
            if config.webhook_url and webhook_secret
            else None
        )
        if config.webhook_url and not webhook_secret:
            logger.warning(
                "webhook_url is set but there is no webhook_secret or API key to sign with: not sent"
            )
        self.channels = make_channels(config.redis_url)
        self.events = RecordingEvents(self.channels, self.webhooks, self.spawn)
        self.capture = _capture_backend(config)
        self.control = RecordingControl(self)
        self.finalizer = Finalizer(self)
        self.sweeper = Sweeper(self)

        from meet_embed.audit.service import AuditLog

        self.audit = AuditLog(self.db.sessionmaker, self.signer)

        from meet_embed.auth.cache import AccessCache

        self.access_cache = AccessCache(self.db.sessionmaker)

    @classmethod
    def create(cls, config: MeetEmbedConfig) -> MeetRuntime:
        secret_key = config.resolved_secret_key()
        keys = tuple(k for k in config.api_keys if isinstance(k, ApiKey))
        is_admin = config.is_admin if callable(config.is_admin) else None
        is_user = config.is_user if callable(config.is_user) else None
        if config.admin_password:
            from meet_embed.web.login import with_admin_session

            is_user = is_user or is_admin
            is_admin = with_admin_session(is_admin)
        return cls(
            config=config,
            db=Database(config.resolved_database_url, config.database_engine_options),
            store=MediaStore(config.resolved_storage_url, config.storage_options),
            signer=Signer(secret_key),
            tokens=member_tokens_for(config),
            api_keys=tuple((k.name, k.key.encode()) for k in keys),
            is_admin_hook=is_admin,
            is_user_hook=is_user or is_admin,
        )

    async def startup(self, app: Any | None = None, *, background: bool = True) -> None:
        """Migrate (when configured), connect the event channels, start the sweep. ``background=False``
        (CLI commands) skips the long-running parts."""
        if self.config.should_migrate_on_startup:
            await self.db.upgrade()
        if app is not None:
            self.events.emit = _listened_emit(app)
        if background:
            await self.channels.__aenter__()
            self._channels_open = True
            self.spawn(self.sweeper.run_forever(), name="meet-embed-sweep")
            from meet_embed.ops.retention import retention_loop

            self.spawn(retention_loop(self, self.sweeper.holder), name="meet-embed-retention")

    async def shutdown(self) -> None:
        if getattr(self, "_channels_open", False):  # started with background work, so it may hold leases
            try:
                await self.sweeper.release()
            except Exception:
                logger.warning("could not release the sweep lease at shutdown", exc_info=True)
        for task in list(self._tasks):
            task.cancel()
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)
        if getattr(self, "_channels_open", False):
            await self.channels.__aexit__(None, None, None)
            self._channels_open = False
        if self.webhooks is not None:
            await self.webhooks.close()
        await self.capture.close()
        if self._redis is not None:
            await self._redis.aclose()
        await self.db.dispose()

    async def db_ready(self) -> str | None:
        """The database answers and holds every revision this code needs (else :class:`SchemaBehind`).

        A schema *newer* than the code is ready: in a rolling deploy the release step migrates first, and
        the replicas of the previous version keep serving until they are replaced (migrations are written
        so the previous version works on them). That case returns a warning to show, and logs it once.
        """
        from meet_embed.db.engine import Database

        current = await self.db.current_revision()
        head = Database.head_revision()
        if current == head:
            return None
        if current is None or Database.knows_revision(current):
            # Linear history: a revision this code ships that is not its head is one of its ancestors.
            raise SchemaBehind(f"schema at revision {current}, expected {head} (run meet-embed db upgrade)")
        warning = (
            f"schema at revision {current}, newer than this version's {head}: "
            "serving on it; replace this replica with the new version"
        )
        if not self._schema_warned:
            self._schema_warned = True
            logger.warning("the database %s", warning)
        return warning

    async def redis_ping(self) -> None:
        if self._redis is None:
            from redis.asyncio import Redis

            self._redis = Redis.from_url(
                self.config.redis_url or "", socket_timeout=2, socket_connect_timeout=2
            )
        await self._redis.ping()

    def public_base(self, base_url: str) -> str:
        """The URL links are built on: the configured public URL, or the one the request came in on."""
        return self.config.public_url or base_url

    def api_url(self, base_url: str, path: str) -> str:
        return f"{self.public_base(base_url)}{self.config.api_path}{path}"

    def page_url(self, base_url: str, path: str) -> str:
        return f"{self.public_base(base_url)}{self.config.path}{path}"

    def spawn(self, coro: Coroutine[Any, Any, Any], name: str) -> asyncio.Task[Any]:
        """Run work in the background, keep a reference (so it is not collected) and log its failure.

        The task counts its metrics under this app's name, wherever it was started from (a request, the
        lifespan)."""
        from meet_embed.ops.metrics import use_app_name

        context = contextvars.copy_context()
        context.run(use_app_name, self.config.resolved_metrics_app_name)
        task = asyncio.create_task(coro, name=name, context=context)
        self._tasks.add(task)

        def done(t: asyncio.Task[Any]) -> None:
            self._tasks.discard(t)
            if not t.cancelled() and t.exception() is not None:
                logger.error("background task %s failed", name, exc_info=t.exception())

        task.add_done_callback(done)
        return task
