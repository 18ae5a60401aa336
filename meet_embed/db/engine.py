"""The database connection: an async engine and session factory, and schema migrations (Alembic)."""

from __future__ import annotations

import asyncio
import fcntl
import logging
import os
import threading
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config as AlembicConfig
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.script.revision import ResolutionError
from alembic.util.exc import CommandError
from sqlalchemy import event, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.pool import NullPool

__all__ = ("MIGRATIONS_DIR", "VERSION_TABLE", "Database")

logger = logging.getLogger("meet_embed.db")

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
VERSION_TABLE = "meet_embed_alembic_version"
"""Our own version table, so we never collide with a host's ``alembic_version`` in a shared database."""

_MIGRATION_LOCK_ID = 0x6D656574  # "meet": PostgreSQL advisory lock serialising replicas' upgrades


class Database:
    """Engine and sessions for one database URL."""

    def __init__(self, url: str, engine_options: dict[str, Any] | None = None) -> None:
        self.url = make_url(url)
        options = dict(engine_options or {})
        self.is_sqlite = self.url.get_backend_name() == "sqlite"
        if self.is_sqlite:
            database = self.url.database or ""
            if database and database != ":memory:":
                Path(database).parent.mkdir(parents=True, exist_ok=True)
            options.setdefault("connect_args", {}).setdefault("timeout", 30)
        ping_idle = not self.is_sqlite and "pool_pre_ping" not in options
        self.engine: AsyncEngine = create_async_engine(self.url, **options)
        if self.is_sqlite:
            event.listen(self.engine.sync_engine, "connect", _sqlite_pragmas)
        elif ping_idle:
            _ping_idle_connections(self.engine)
        self.sessionmaker = async_sessionmaker(self.engine, expire_on_commit=False, class_=AsyncSession)

    @classmethod
    def for_tools(cls, url: str) -> Database:
        """A short-lived connection for CLI commands (no pool kept around)."""
        return cls(url, {"poolclass": NullPool})

    def session(self) -> AsyncSession:
        return self.sessionmaker()

    async def dispose(self) -> None:
        await self.engine.dispose()

    async def ping(self) -> None:
        async with self.engine.connect() as conn:
            await conn.execute(text("SELECT 1"))

    # -- migrations -----------------------------------------------------------------------------------

    async def upgrade(self, revision: str = "head") -> None:
        """Bring the schema to ``revision``; safe to call from several replicas or workers at once (an
        advisory lock on PostgreSQL, a lock file next to a SQLite database)."""
        database = self.url.database or ""
        if self.is_sqlite and database and database != ":memory:":
            async with _file_lock(Path(database).with_name(Path(database).name + ".migrate-lock")):
                await self._upgrade(revision)
        else:
            await self._upgrade(revision)

    async def _upgrade(self, revision: str) -> None:
        async with self.engine.begin() as conn:
            if self.url.get_backend_name() == "postgresql":
                await conn.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _MIGRATION_LOCK_ID})
            await conn.run_sync(_run_alembic, "upgrade", revision)

    async def downgrade(self, revision: str) -> None:
        async with self.engine.begin() as conn:
            await conn.run_sync(_run_alembic, "downgrade", revision)

    async def current_revision(self) -> str | None:
        async with self.engine.connect() as conn:
            return await conn.run_sync(
                lambda c: MigrationContext.configure(
                    c, opts={"version_table": VERSION_TABLE}
                ).get_current_revision()
            )

    @staticmethod
    def head_revision() -> str | None:
        return ScriptDirectory.from_config(alembic_config()).get_current_head()

    @staticmethod
    def knows_revision(revision: str) -> bool:
        """Whether ``revision`` is one of the migrations shipped with this code (a database stamped with
        another one was migrated by a newer version)."""
        try:
            return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
        except (CommandError, ResolutionError):
            return False


def alembic_config(connection: Connection | None = None) -> AlembicConfig:
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    return cfg


_ALEMBIC = threading.Lock()
"""Alembic keeps the running migration's context in module globals: one migration per process at a time."""


def _run_alembic(connection: Connection, action: str, revision: str) -> None:
    cfg = alembic_config(connection)
    with _ALEMBIC:
        if action == "upgrade":
            command.upgrade(cfg, revision)
        else:
            command.downgrade(cfg, revision)


@asynccontextmanager
async def _file_lock(path: Path) -> AsyncIterator[None]:
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        await asyncio.to_thread(fcntl.flock, fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


IDLE_PING_SECONDS = 5.0
"""A pooled connection unused for longer is checked before it is handed out."""


def _ping_idle_connections(engine: AsyncEngine) -> None:
    """Pessimistic disconnect handling for connections that sat idle only.

    ``pool_pre_ping`` pings on every checkout: a round trip per request, measured at 0.6 ms of a 2 ms
    listing on PostgreSQL. Connections a database restart, a failover or a firewall kills are the idle
    ones, so only those are pinged; one that fails its ping is replaced (SQLAlchemy's DisconnectionError
    makes the pool retry with a new connection). An explicit ``pool_pre_ping`` in the engine options wins.
    """
    sync_engine = engine.sync_engine

    def on_checkin(_dbapi_connection: Any, record: Any) -> None:
        record.info["meet_checked_in"] = time.monotonic()

    def on_checkout(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        checked_in = record.info.get("meet_checked_in")
        if checked_in is None or time.monotonic() - checked_in < IDLE_PING_SECONDS:
            return
        try:
            alive = sync_engine.dialect.do_ping(dbapi_connection)
        except Exception as exc:
            raise DisconnectionError("idle connection failed its ping") from exc
        if not alive:
            raise DisconnectionError("idle connection failed its ping")

    event.listen(sync_engine, "checkin", on_checkin)
    event.listen(sync_engine, "checkout", on_checkout)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets readers (media requests, lists) go on while a writer commits; busy_timeout waits out the
    # writer instead of failing with "database is locked".
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def run_sync(coro: Any) -> Any:
    """Run a coroutine from synchronous CLI code."""
    return asyncio.run(coro)
