"""Pooled PostgreSQL connections that the server dropped while they sat idle (a restart, a failover, a
firewall's timeout) are replaced before use: the next request works, no 5xx. Busy connections are not
pinged on every checkout (a round trip per request)."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from meet_embed import MeetEmbedConfig, create_app
from meet_embed.db import engine as db_engine
from tests.backends import _pg_execute, postgres_or_skip, postgres_schema
from tests.conftest import API_KEY, SECRET_KEY

pytestmark = pytest.mark.postgres

HEADERS = {"X-API-KEY": API_KEY}


@pytest.fixture
def pg_config(tmp_path: Path) -> Iterator[tuple[MeetEmbedConfig, str, str]]:
    url = postgres_or_skip()
    name = f"meet-reconnect-{uuid.uuid4().hex[:8]}"
    with postgres_schema(url) as options:
        options["connect_args"]["server_settings"]["application_name"] = name
        yield (
            MeetEmbedConfig(
                data_dir=tmp_path / "data",
                api_keys=[f"host={API_KEY}"],
                secret_key=SECRET_KEY,
                database_url=url,
                database_engine_options=options,
                migrate_on_startup=True,
                sweep_interval=3600,
                retention_interval=3600,
            ),
            url,
            name,
        )


async def _backends(url: str, name: str) -> list[int]:
    import asyncpg

    conn = await asyncpg.connect(url.replace("postgresql+asyncpg://", "postgresql://"))
    try:
        rows = await conn.fetch("SELECT pid FROM pg_stat_activity WHERE application_name = $1", name)
        return [r["pid"] for r in rows]
    finally:
        await conn.close()


async def test_idle_connections_killed_by_the_server_are_replaced(
    pg_config: tuple[MeetEmbedConfig, str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    config, url, name = pg_config
    monkeypatch.setattr(db_engine, "IDLE_PING_SECONDS", 0.2)
    async with AsyncTestClient(create_app(config), base_url="http://testserver.local") as client:
        for _ in range(3):
            assert (await client.get("/meet/api/v1/rooms", headers=HEADERS)).status_code == 200
        before = await _backends(url, name)
        assert before, "the app holds pooled connections"
        await _pg_execute(
            url, f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '{name}'"
        )
        await asyncio.sleep(0.4)  # idle for longer than the ping threshold
        for _ in range(5):
            response = await client.get("/meet/api/v1/rooms", headers=HEADERS)
            assert response.status_code == 200, response.text
        after = await _backends(url, name)
        assert after, "the app connected again"
        assert not set(after) & set(before), (before, after)


async def test_busy_connections_are_not_pinged(
    pg_config: tuple[MeetEmbedConfig, str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Back-to-back requests reuse their connection without a ``SELECT 1`` before each one."""
    config, _url, _name = pg_config
    pings: list[Any] = []
    async with AsyncTestClient(create_app(config), base_url="http://testserver.local") as client:
        dialect = client.app.state["meet_embed"].db.engine.sync_engine.dialect
        original = dialect.do_ping
        monkeypatch.setattr(dialect, "do_ping", lambda conn: pings.append(conn) or original(conn))
        for _ in range(20):
            assert (await client.get("/meet/api/v1/rooms", headers=HEADERS)).status_code == 200
    assert pings == []
