"""Real backing services for the tests: PostgreSQL (a schema per test), a moto S3 server on loopback.

A developer without PostgreSQL or Redis still gets a green run of the embedded default: the tests that
need them are skipped with the reason. Under ``CI=true`` they must run, so a missing service fails.
"""

from __future__ import annotations

import asyncio
import os
import socket
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

POSTGRES_URL = os.environ.get(
    "MEET_EMBED_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
)
REDIS_URL = os.environ.get("MEET_EMBED_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def service_missing(what: str, why: str) -> None:
    """Skip when a developer lacks a service; fail in CI, where every service must be there."""
    message = f"{what} is not reachable ({why}); set its URL in the environment to run these tests"
    if IN_CI:
        pytest.fail(f"CI=true: {message}")
    pytest.skip(message)


def needs_modules(*modules: str, install: str) -> None:
    """Skip when a developer lacks an optional package; fail in CI, which installs everything."""
    import importlib.util

    for module in modules:
        if importlib.util.find_spec(module) is None:
            message = f"{module} is not installed ({install})"
            if IN_CI:
                pytest.fail(f"CI=true: {message}")
            pytest.skip(message)


def _reachable(url: str, default_port: int) -> str | None:
    parts = urlsplit(url.replace("+asyncpg", ""))
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or default_port), timeout=1):
            return None
    except OSError as exc:
        return str(exc)


def postgres_or_skip() -> str:
    problem = _reachable(POSTGRES_URL, 5432)
    if problem:
        service_missing("PostgreSQL", problem)
    return POSTGRES_URL


def redis_or_skip() -> str:
    problem = _reachable(REDIS_URL, 6379)
    if problem:
        service_missing("Redis", problem)
    return REDIS_URL


async def _pg_execute(url: str, *statements: str) -> None:
    import asyncpg

    dsn = url.replace("postgresql+asyncpg://", "postgresql://")
    conn = await asyncpg.connect(dsn)
    try:
        for statement in statements:
            await conn.execute(statement)
    finally:
        await conn.close()


def _pg_run(url: str, *statements: str) -> None:
    """Run statements from sync code, also when called inside a running event loop (an async fixture)."""
    import threading

    errors: list[BaseException] = []

    def target() -> None:
        try:
            asyncio.run(_pg_execute(url, *statements))
        except BaseException as exc:  # re-raised in the caller's thread
            errors.append(exc)

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    if errors:
        raise errors[0]


@contextmanager
def postgres_schema(url: str) -> Iterator[dict[str, Any]]:
    """A fresh schema for one test; the engine options point ``search_path`` at it."""
    schema = f"t_{uuid.uuid4().hex[:12]}"
    _pg_run(url, f'CREATE SCHEMA "{schema}"')
    try:
        yield {"connect_args": {"server_settings": {"search_path": schema}}}
    finally:
        _pg_run(url, f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


class MotoS3:
    """moto's S3 server in a thread on a free loopback port, with one bucket."""

    def __init__(self) -> None:
        from moto.server import ThreadedMotoServer

        self.server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
        self.server.start()
        host, port = self.server.get_host_and_port()
        self.endpoint = f"http://{host}:{port}"
        self.bucket = "meet-embed-tests"
        import httpx

        httpx.put(f"{self.endpoint}/{self.bucket}", timeout=10).raise_for_status()

    def options(self) -> dict[str, Any]:
        return {
            "endpoint": self.endpoint,
            "allow_http": True,
            "access_key_id": "testing",
            "secret_access_key": "testing",
            "region": "us-east-1",
            "virtual_hosted_style_request": False,
        }

    def url(self, prefix: str) -> str:
        return f"s3://{self.bucket}/{prefix}"

    def stop(self) -> None:
        self.server.stop()


@dataclass
class BackendSelection:
    db: str
    store: str
    s3: MotoS3 | None = None
    _stack: list[Any] = field(default_factory=list)

    def config_values(self, tmp_path: Path) -> dict[str, Any]:
        values: dict[str, Any] = {}
        if self.db == "postgres":
            url = postgres_or_skip()
            ctx = postgres_schema(url)
            options = ctx.__enter__()
            self._stack.append(ctx)
            values.update(database_url=url, database_engine_options=options, migrate_on_startup=True)
        if self.store == "memory":
            values["storage_url"] = "memory://"
        elif self.store == "s3":
            assert self.s3 is not None
            values.update(
                storage_url=self.s3.url(f"t-{uuid.uuid4().hex[:10]}"), storage_options=self.s3.options()
            )
        return values

    def cleanup(self) -> None:
        while self._stack:
            self._stack.pop().__exit__(None, None, None)


@contextmanager
def make_backends(db: str, store: str, _tmp: pytest.TempPathFactory) -> Iterator[BackendSelection]:
    s3 = MotoS3() if store == "s3" else None
    selection = BackendSelection(db=db, store=store, s3=s3)
    try:
        yield selection
    finally:
        selection.cleanup()
        if s3 is not None:
            s3.stop()
