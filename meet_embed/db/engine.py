"""The database connection: an async engine and session factory, and schema migrations (Alembic)."""

from __future__ import annotations

import asyncio
import fcntl
import logging
import os
import threading
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
        else:
            options.setdefault("pool_pre_ping", True)
        self.engine: AsyncEngine = create_async_engine(self.url, **options)
        if self.is_sqlite:
            event.listen(self.engine.sync_engine, "connect", _sqlite_pragmas)
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
