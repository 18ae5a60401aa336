"""Liveness and readiness (issue 10): ``/meet/health/live`` says the process answers; ``/meet/health/ready``
checks the database (reachable and migrated), the object store and Redis (when configured), answers 503
naming what failed, and turns healthy again once it is back.

The unreachable store is a moto S3 server stopped and started again on the same port; a store that
accepts connections and never answers is a socket that listens and never accepts."""

from __future__ import annotations

import asyncio
import socket
import time
import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from litestar.testing import AsyncTestClient

from meet_embed import MeetEmbedConfig, create_app
from meet_embed.db.engine import Database
from tests.backends import needs_modules
from tests.conftest import API_KEY
from tests.recordings_support import RECORDINGS, ROOMS, assert_error, import_recording, runtime_of

LIVE = "/meet/health/live"
READY = "/meet/health/ready"
KEY = {"X-API-KEY": API_KEY}
QUIET = {"sweep_interval": 3600}
FAST_FAILING = {"retry_config": {"max_retries": 0, "retry_timeout": timedelta(seconds=2)}}
"""obstore gives up on the first refused connection instead of retrying for minutes."""


def closed_port() -> int:
    """A loopback port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class RestartableS3:
    """moto's S3 server on a fixed loopback port that can be stopped (the port then refuses connections)
    and started again; moto keeps its buckets in the process, so they are still there after a restart."""

    def __init__(self) -> None:
        self.port = 0
        self.server: Any = None
        self.start()
        self.bucket = f"health-{uuid.uuid4().hex[:10]}"
        httpx.put(f"{self.endpoint}/{self.bucket}", timeout=10).raise_for_status()

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        from moto.server import ThreadedMotoServer

        self.server = ThreadedMotoServer(ip_address="127.0.0.1", port=self.port, verbose=False)
        self.server.start()
        self.port = self.server.get_host_and_port()[1]

    def stop(self) -> None:
        self.server.stop()
        self.server._server.server_close()  # moto's stop() leaves the socket listening

    def config_values(self) -> dict[str, Any]:
        return {
            "storage_url": f"s3://{self.bucket}/t-{uuid.uuid4().hex[:8]}",
            "storage_options": {
                "endpoint": self.endpoint,
                "allow_http": True,
                "access_key_id": "testing",
                "secret_access_key": "testing",
                "region": "us-east-1",
                "virtual_hosted_style_request": False,
                **FAST_FAILING,
            },
        }


@pytest.fixture
def s3() -> Iterator[RestartableS3]:
    needs_modules("moto", install="the test dependencies")
    server = RestartableS3()
    yield server
    server.stop()


async def started(config: MeetEmbedConfig) -> AsyncTestClient[Any]:
    client = AsyncTestClient(create_app(config), base_url="http://testserver.local")
    await client.__aenter__()
    return client


async def ready(client: Any) -> tuple[int, dict[str, Any]]:
    response = await client.get(READY)
    assert response.headers["content-type"].startswith("application/json")
    assert response.headers["cache-control"] == "no-store"
    return response.status_code, response.json()


# -- healthy ----------------------------------------------------------------------------------------------


async def test_live_and_ready(client: Any) -> None:
    live = await client.get(LIVE)
    assert live.status_code == 200
    assert live.json() == {"status": "ok"}
    status, body = await ready(client)
    assert status == 200, body
    assert body == {"status": "ok", "checks": {"database": "ok", "store": "ok"}}
    # No credentials needed; credentials do not change anything either.
    assert (await client.get(READY, headers=KEY)).status_code == 200


# -- the store --------------------------------------------------------------------------------------------


async def test_ready_follows_the_store_going_away_and_coming_back(
    config_factory: Any, s3: RestartableS3, media_files: dict[str, Path]
) -> None:
    config = await asyncio.to_thread(config_factory, **QUIET, **s3.config_values())
    client = await started(config)
    try:
        assert await ready(client) == (200, {"status": "ok", "checks": {"database": "ok", "store": "ok"}})
        room = (await client.post(ROOMS, json={"roomName": "Stored"}, headers=KEY)).json()
        rid = (await import_recording(client, room["roomId"], media_files["mp4_2s_small"])).recording_id
        media = f"{RECORDINGS}/{rid}/media"
        assert (await client.get(media, headers={**KEY, "Range": "bytes=0-9"})).status_code == 206
        await asyncio.to_thread(s3.stop)
        began = time.monotonic()
        status, body = await ready(client)
        assert status == 503, body
        assert body["status"] == "unavailable"
        assert body["checks"]["database"] == "ok"
        assert body["checks"]["store"].startswith("error"), body
        assert time.monotonic() - began < 3.5
        # Liveness does not depend on it: restarting the process would not help.
        assert (await client.get(LIVE)).status_code == 200
        # Media says the store is unavailable (not a bug of ours); what lives in the database still works.
        unavailable = await client.get(media, headers={**KEY, "Range": "bytes=0-9"})
        assert_error(unavailable, 503, "Service Unavailable")
        assert (await client.get(f"{RECORDINGS}/{rid}", headers=KEY)).status_code == 200

        await asyncio.to_thread(s3.start)
        assert await ready(client) == (200, {"status": "ok", "checks": {"database": "ok", "store": "ok"}})
        assert (await client.get(media, headers={**KEY, "Range": "bytes=0-9"})).status_code == 206
    finally:
        await client.__aexit__(None, None, None)


async def test_media_and_poster_say_the_store_is_unavailable(
    config_factory: Any, s3: RestartableS3, media_files: dict[str, Path]
) -> None:
    config = await asyncio.to_thread(config_factory, **QUIET, **s3.config_values())
    client = await started(config)
    try:
        room = (await client.post(ROOMS, json={"roomName": "Pictured"}, headers=KEY)).json()
        rid = (await import_recording(client, room["roomId"], media_files["mp4_2s_small"])).recording_id
        poster = f"{RECORDINGS}/{rid}/poster"
        shown = await client.get(poster, headers=KEY)
        assert shown.status_code == 200, shown.text
        assert shown.content.startswith(b"\xff\xd8")  # a JPEG

        await asyncio.to_thread(s3.stop)
        unavailable = await client.get(poster, headers=KEY)
        body = assert_error(unavailable, 503, "Service Unavailable")
        media = assert_error(await client.get(f"{RECORDINGS}/{rid}/media", headers=KEY), 503)
        assert body == media  # the same answer as the media's
        await asyncio.to_thread(s3.start)
        assert (await client.get(poster, headers=KEY)).status_code == 200
    finally:
        await client.__aexit__(None, None, None)


async def test_a_store_that_never_answers_is_reported_within_the_timeout(config_factory: Any) -> None:
    with socket.socket() as hole:
        hole.bind(("127.0.0.1", 0))
        hole.listen(16)  # connections complete, nothing ever answers
        port = hole.getsockname()[1]
        config = await asyncio.to_thread(
            config_factory,
            **QUIET,
            storage_url="s3://silent/prefix",
            storage_options={
                "endpoint": f"http://127.0.0.1:{port}",
                "allow_http": True,
                "access_key_id": "testing",
                "secret_access_key": "testing",
                "region": "us-east-1",
            },
        )
        client = await started(config)
        try:
            began = time.monotonic()
            status, body = await ready(client)
            waited = time.monotonic() - began
        finally:
            await client.__aexit__(None, None, None)
    assert status == 503, body
    assert body["checks"] == {"database": "ok", "store": "timeout"}
    assert 2.5 < waited < 5, waited


# -- the database -----------------------------------------------------------------------------------------


async def test_an_unmigrated_database_is_not_ready_until_upgraded(
    config_factory: Any, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    overrides: dict[str, Any] = {**QUIET, "migrate_on_startup": False}
    if request.config.getoption("--meet-db") == "sqlite":
        overrides["database_url"] = f"sqlite+aiosqlite:///{tmp_path / 'fresh.db'}"
    # On PostgreSQL the factory's schema is a fresh, empty one: with migrate_on_startup=False it stays so.
    config = await asyncio.to_thread(config_factory, **overrides)
    client = await started(config)
    try:
        status, body = await ready(client)
        assert status == 503, body
        assert body["checks"]["store"] == "ok"
        database = body["checks"]["database"]
        assert database.startswith("error:"), database
        assert Database.head_revision() in database
        assert "meet-embed db upgrade" in database

        runtime = runtime_of(client)
        await asyncio.to_thread(client.blocking_portal.call, runtime.db.upgrade)
        assert await ready(client) == (200, {"status": "ok", "checks": {"database": "ok", "store": "ok"}})
        assert (await client.post(ROOMS, json={"roomName": "Now"}, headers=KEY)).status_code == 201
    finally:
        await client.__aexit__(None, None, None)


async def test_a_schema_behind_the_code_is_not_ready(client: Any, on_app: Any) -> None:
    """A replica of a new version on a database the release step has not migrated yet: not ready."""
    runtime = runtime_of(client)
    previous = "0003"
    assert Database.head_revision() != previous
    await on_app(runtime.db.downgrade, previous)
    try:
        status, body = await ready(client)
        assert status == 503, body
        assert body["checks"]["store"] == "ok"
        database = body["checks"]["database"]
        assert database.startswith("error:"), database
        assert f"schema at revision {previous}, expected {Database.head_revision()}" in database
        assert "meet-embed db upgrade" in database
    finally:
        await on_app(runtime.db.upgrade)
    assert await ready(client) == (200, {"status": "ok", "checks": {"database": "ok", "store": "ok"}})


async def test_a_schema_newer_than_the_code_is_ready_with_a_warning(client: Any, on_app: Any) -> None:
    """A rolling deploy migrates first: the replicas still on the previous version find a revision they do
    not know, and keep serving (ready, with a warning) until they are replaced."""
    from sqlalchemy import text

    from meet_embed.db.engine import VERSION_TABLE

    runtime = runtime_of(client)
    head = Database.head_revision()

    async def stamp(revision: str | None) -> None:
        async with runtime.db.engine.begin() as conn:
            await conn.execute(text(f"UPDATE {VERSION_TABLE} SET version_num = :v"), {"v": revision})

    await on_app(stamp, "9999_next_release")
    try:
        status, body = await ready(client)
        assert status == 200, body
        assert body["status"] == "ok"
        assert body["checks"] == {"database": "ok", "store": "ok"}
        warning = body["warnings"]["database"]
        assert "9999_next_release" in warning, warning
        assert f"newer than this version's {head}" in warning, warning
        # ...and it does serve.
        assert (await client.post(ROOMS, json={"roomName": "Still here"}, headers=KEY)).status_code == 201
    finally:
        await on_app(stamp, head)
    assert await ready(client) == (200, {"status": "ok", "checks": {"database": "ok", "store": "ok"}})


async def test_an_unreachable_database_is_not_ready(config_factory: Any) -> None:
    needs_modules("asyncpg", install="the postgres extra")
    config = await asyncio.to_thread(
        config_factory,
        **QUIET,
        database_url=f"postgresql+asyncpg://nobody@127.0.0.1:{closed_port()}/nothing",
        database_engine_options={},
        migrate_on_startup=False,
    )
    client = await started(config)
    try:
        status, body = await ready(client)
        assert status == 503, body
        assert body["checks"]["store"] == "ok"
        assert body["checks"]["database"].startswith("error"), body
        assert (await client.get(LIVE)).status_code == 200
    finally:
        await client.__aexit__(None, None, None)


# -- Redis ------------------------------------------------------------------------------------------------


async def test_redis_is_checked_when_configured(config_factory: Any) -> None:
    needs_modules("redis", install="the redis extra")
    config = await asyncio.to_thread(
        config_factory, **QUIET, redis_url=f"redis://127.0.0.1:{closed_port()}/0"
    )
    client = await started(config)
    try:
        status, body = await ready(client)
        assert status == 503, body
        assert body["checks"]["database"] == "ok"
        assert body["checks"]["store"] == "ok"
        assert body["checks"]["redis"].startswith("error"), body
        assert (await client.get(LIVE)).status_code == 200
    finally:
        await client.__aexit__(None, None, None)
