"""Beyond one machine (issue 8): two app processes side by side, sharing PostgreSQL, a bucket and Redis.

The tests start real ``meet-embed serve`` processes (two, unless a test needs one) configured only
through ``MEET_EMBED_*`` variables, the way an orchestrator runs replicas: one database (a fresh PostgreSQL
schema, migrated once by ``meet-embed db upgrade`` as a release step), one S3 bucket (a moto server on
loopback), one Redis, one secret key and API keys. Everything is then shown through HTTP: live events cross
replicas, chunks land on either one, the database keeps one recording per room, a room's access setting
reaches the other replica within its one-second cache, rate limits are counted once for all replicas, and
the periodic sweep runs once, not once per replica; readiness waits for the release step's migration and
checks Redis when it is configured.

The replicas' logs are printed when a test fails.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import itertools
import json
import logging
import os
import socket
import subprocess
import sys
import time
import uuid
import zipfile
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from meet_embed import MeetEmbedConfig, mint_member_token
from meet_embed.media.synth import synthesize
from meet_embed.storage.store import MediaStore
from tests.backends import MotoS3, postgres_or_skip, postgres_schema, redis_or_skip

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.s3, pytest.mark.timeout(120)]

API = "/meet/api/v1"
ROOMS = f"{API}/rooms"
RECORDINGS = f"{API}/recordings"

API_KEY = "replica-api-key-0123456789"
SECRET_KEY = "replica-secret-key-for-signing-0123456789"
API_HEADERS = {"X-API-KEY": API_KEY}
FINAL = ("complete", "limit_reached", "failed", "aborted")
SWEEP_INTERVAL = 1
"""Seconds between sweeps: the lease is taken for twice that."""


# -- two replicas -----------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _meet_embed_command() -> list[str]:
    """The console script a deployment runs, from the venv running the tests."""
    script = Path(sys.executable).with_name("meet-embed")
    return [str(script)] if script.exists() else [sys.executable, "-m", "meet_embed.cli"]


@dataclass
class Replica:
    name: str
    port: int
    log_path: Path
    process: subprocess.Popen[bytes]

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def log(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except FileNotFoundError:
            return "(no log)"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()

    def wait_stopped(self) -> None:
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(5)


@dataclass
class Deployment:
    """Two replicas on one database schema, one bucket prefix and one Redis."""

    env: dict[str, str]
    schema: str
    database_url: str
    storage_url: str
    storage_options: dict[str, Any]
    replicas: list[Replica] = field(default_factory=list)

    @property
    def a(self) -> Replica:
        return self.replicas[0]

    @property
    def b(self) -> Replica:
        return self.replicas[1]

    def config(self, tmp_path: Path) -> MeetEmbedConfig:
        """A config in the test process with the replicas' keys (to mint member tokens as a host does)."""
        return MeetEmbedConfig(
            data_dir=tmp_path / "host", secret_key=SECRET_KEY, api_keys=[f"host={API_KEY}"]
        )

    def store(self) -> MediaStore:
        """The bucket the replicas write to, read directly."""
        return MediaStore(self.storage_url, self.storage_options)

    async def sql(self, query: str, *args: Any) -> list[Any]:
        """Rows of ``query`` run in the deployment's schema."""
        import asyncpg

        dsn = self.database_url.replace("postgresql+asyncpg://", "postgresql://")
        conn = await asyncpg.connect(dsn, server_settings={"search_path": self.schema})
        try:
            return list(await conn.fetch(query, *args))
        finally:
            await conn.close()


class ReplicaFactory:
    def __init__(self, tmp_path: Path, moto: MotoS3) -> None:
        self.tmp_path = tmp_path
        self.moto = moto
        self.deployments: list[Deployment] = []
        self._schemas: list[Any] = []

    async def start(
        self, *, count: int = 2, migrate: bool = True, wait_for: str = "ready", **settings: str | int
    ) -> Deployment:
        """Create a schema, migrate it once (the release step), start ``count`` replicas on it and wait
        until each answers ``/meet/health/{wait_for}``. ``settings`` become ``MEET_EMBED_*`` variables."""
        # Blocking work (the schema, the release step, waiting for readiness) off the test's event loop.
        return await asyncio.to_thread(self._start, settings, count, migrate, wait_for)

    def release(self, deployment: Deployment) -> subprocess.CompletedProcess[bytes]:
        """``meet-embed db upgrade`` with the deployment's environment, as a release step runs it."""
        return subprocess.run(
            [*_meet_embed_command(), "db", "upgrade", "--json"],
            env={**deployment.env, "MEET_EMBED_DATA_DIR": str(self.tmp_path / "release")},
            cwd=self.tmp_path,
            capture_output=True,
            timeout=60,
            check=False,
        )

    def _start(self, settings: dict[str, str | int], count: int, migrate: bool, wait_for: str) -> Deployment:
        database_url = postgres_or_skip()
        redis_url = redis_or_skip()
        schema_ctx = postgres_schema(database_url)
        engine_options = schema_ctx.__enter__()
        self._schemas.append(schema_ctx)
        schema = engine_options["connect_args"]["server_settings"]["search_path"]

        storage_url = self.moto.url(f"replicas-{uuid.uuid4().hex[:10]}")
        storage_options = self.moto.options()
        env = {k: v for k, v in os.environ.items() if not k.startswith("MEET_EMBED_")}
        env.update(
            {
                "PYTHONUNBUFFERED": "1",
                "MEET_EMBED_DATABASE_URL": database_url,
                "MEET_EMBED_DATABASE_ENGINE_OPTIONS": json.dumps(engine_options),
                "MEET_EMBED_STORAGE_URL": storage_url,
                "MEET_EMBED_STORAGE_OPTIONS": json.dumps(storage_options),
                "MEET_EMBED_REDIS_URL": redis_url,
                "MEET_EMBED_SECRET_KEY": SECRET_KEY,
                "MEET_EMBED_API_KEYS": f"host={API_KEY}",
                "MEET_EMBED_SWEEP_INTERVAL": str(SWEEP_INTERVAL),
            }
        )
        env.update({f"MEET_EMBED_{k.upper()}": str(v) for k, v in settings.items()})
        deployment = Deployment(env, schema, database_url, storage_url, storage_options)
        self.deployments.append(deployment)

        # The release step: migrate once, before any replica starts (they do not migrate on PostgreSQL).
        if migrate:
            upgrade = self.release(deployment)
            assert upgrade.returncode == 0, upgrade.stderr.decode(errors="replace")
            assert json.loads(upgrade.stdout)["from"] is None

        for name in "ab"[:count]:
            port = _free_port()
            log_path = self.tmp_path / f"replica-{name}.log"
            with log_path.open("wb") as log:
                process = subprocess.Popen(
                    [*_meet_embed_command(), "serve", "--host", "127.0.0.1", "--port", str(port)],
                    # Each replica has a data directory of its own: nothing is shared through local files.
                    env={**env, "MEET_EMBED_DATA_DIR": str(self.tmp_path / f"data-{name}")},
                    cwd=self.tmp_path,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
            deployment.replicas.append(Replica(name, port, log_path, process))
        for replica in deployment.replicas:
            _wait_ready(replica, wait_for)
        return deployment

    def stop(self) -> None:
        for deployment in self.deployments:
            for replica in deployment.replicas:
                replica.stop()
            for replica in deployment.replicas:
                replica.wait_stopped()
        while self._schemas:
            self._schemas.pop().__exit__(None, None, None)

    def logs(self) -> str:
        out = []
        for deployment in self.deployments:
            for replica in deployment.replicas:
                where = f"{replica.base_url}, schema {deployment.schema}"
                out.append(f"----- replica {replica.name} ({where}) -----")
                out.append(replica.log())
        return "\n".join(out)


def _wait_ready(replica: Replica, wait_for: str = "ready", timeout: float = 40.0) -> None:
    deadline = time.monotonic() + timeout
    last: Any = None
    while time.monotonic() < deadline:
        if replica.process.poll() is not None:
            pytest.fail(f"replica {replica.name} exited with {replica.process.returncode}:\n{replica.log()}")
        try:
            response = httpx.get(f"{replica.base_url}/meet/health/{wait_for}", timeout=2)
            if response.status_code == 200:
                return
            last = (response.status_code, response.text)
        except httpx.HTTPError as exc:
            last = exc
        time.sleep(0.1)
    pytest.fail(f"replica {replica.name} was not ready in {timeout} s ({last!r}):\n{replica.log()}")


@pytest.fixture(scope="module")
def moto() -> Iterator[MotoS3]:
    # moto's server logs every request through werkzeug: keep that out of the failure reports.
    werkzeug = logging.getLogger("werkzeug")
    level = werkzeug.level
    werkzeug.setLevel(logging.WARNING)
    server = MotoS3()
    try:
        yield server
    finally:
        server.stop()
        werkzeug.setLevel(level)


@pytest.fixture
def replicas(request: pytest.FixtureRequest, tmp_path: Path, moto: MotoS3) -> Iterator[ReplicaFactory]:
    factory = ReplicaFactory(tmp_path, moto)
    failed_before = request.session.testsfailed
    try:
        yield factory
    finally:
        factory.stop()
        if request.session.testsfailed > failed_before and factory.deployments:
            title = f"===== logs of the replicas of {request.node.nodeid} ====="
            _print_uncaptured(request, f"\n{title}\n{factory.logs()}")


def _print_uncaptured(request: pytest.FixtureRequest, text: str) -> None:
    capture = request.config.pluginmanager.getplugin("capturemanager")
    with capture.global_and_fixture_disabled() if capture else contextlib.nullcontext():
        sys.stderr.write(text + "\n")
        sys.stderr.flush()


@pytest.fixture(scope="module")
def webm(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return synthesize(tmp_path_factory.mktemp("replicas") / "meeting.webm", 4.0, kind="webm").read_bytes()


# -- HTTP helpers -----------------------------------------------------------------------------------------


@contextlib.asynccontextmanager
async def clients(deployment: Deployment) -> AsyncIterator[tuple[httpx.AsyncClient, httpx.AsyncClient]]:
    async with (
        httpx.AsyncClient(base_url=deployment.a.base_url, timeout=20) as a,
        httpx.AsyncClient(base_url=deployment.b.base_url, timeout=20) as b,
    ):
        yield a, b


def member(token: str) -> dict[str, str]:
    return {"X-Room-Member-Token": f"Bearer {token}"}


async def create_room(http: httpx.AsyncClient, name: str, **config: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"roomName": name}
    if config:
        body["config"] = {"recording": config}
    response = await http.post(ROOMS, json=body, headers=API_HEADERS)
    assert response.status_code == 201, response.text
    room: dict[str, Any] = response.json()
    return room


async def exchange_secret(http: httpx.AsyncClient, room: dict[str, Any], role: str) -> dict[str, str]:
    """A member token for the room link's secret, obtained from ``http``'s replica."""
    url = room["moderatorUrl" if role == "moderator" else "speakerUrl"]
    secret = parse_qs(urlsplit(url).query)["secret"][0]
    response = await http.post(f"{ROOMS}/{room['roomId']}/token", json={"secret": secret})
    assert response.status_code == 200, response.text
    assert response.json()["role"] == role
    return member(response.json()["token"])


async def put_chunk(
    http: httpx.AsyncClient, rid: str, seq: int, data: bytes, headers: dict[str, str], *, final: bool = False
) -> dict[str, Any]:
    response = await http.put(
        f"{RECORDINGS}/{rid}/chunks/{seq}" + ("?final=true" if final else ""),
        content=data,
        headers={**headers, "Content-Type": "application/octet-stream"},
    )
    assert response.status_code == 200, response.text
    receipt: dict[str, Any] = response.json()
    return receipt


async def wait_final(http: httpx.AsyncClient, rid: str, timeout: float = 30.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    body: dict[str, Any] = {}
    while time.monotonic() < deadline:
        response = await http.get(f"{RECORDINGS}/{rid}", headers=API_HEADERS)
        assert response.status_code == 200, response.text
        body = response.json()
        if body["status"] in FINAL:
            return body
        await asyncio.sleep(0.1)
    raise AssertionError(f"{rid} did not finish in {timeout} s: {body}")


def split3(data: bytes) -> list[bytes]:
    cut = len(data) // 3
    return [data[:cut], data[cut : 2 * cut], data[2 * cut :]]


class EventStream:
    """The room's Server-Sent Events, read with httpx streaming: ``await events.next()`` gives
    ``(event, data)``."""

    def __init__(self, http: httpx.AsyncClient, room_id: str, headers: dict[str, str]) -> None:
        self._http = http
        self._url = f"{ROOMS}/{room_id}/recording/events"
        self._headers = {"Accept": "text/event-stream", **headers}
        self._queue: asyncio.Queue[tuple[str, Any]] = asyncio.Queue()
        self._stack = contextlib.AsyncExitStack()
        self._task: asyncio.Task[None] | None = None
        self.response: httpx.Response | None = None

    async def __aenter__(self) -> EventStream:
        self.response = await self._stack.enter_async_context(
            self._http.stream("GET", self._url, headers=self._headers, timeout=httpx.Timeout(10, read=None))
        )
        assert self.response.status_code == 200, await self.response.aread()
        assert self.response.headers["content-type"].startswith("text/event-stream")
        self._task = asyncio.create_task(self._read())
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
        await self._stack.aclose()

    async def _read(self) -> None:
        assert self.response is not None
        event, data = "message", []
        async for line in self.response.aiter_lines():
            if line == "":
                if data:
                    await self._queue.put((event, json.loads("\n".join(data))))
                event, data = "message", []
            elif line.startswith(":"):
                continue
            else:
                name, _, value = line.partition(":")
                value = value.removeprefix(" ")
                if name == "event":
                    event = value
                elif name == "data":
                    data.append(value)

    async def next(self, timeout: float = 20.0) -> tuple[str, Any]:
        return await asyncio.wait_for(self._queue.get(), timeout)


async def bucket_keys(deployment: Deployment, room_id: str) -> list[str]:
    return sorted(await deployment.store().list_keys(f"recordings/{room_id}"))


async def bucket_bytes(deployment: Deployment, key: str) -> bytes:
    return b"".join([chunk async for chunk in await deployment.store().stream(key)])


# -- a recording across replicas --------------------------------------------------------------------------


async def test_a_recording_crosses_replicas(replicas: ReplicaFactory, webm: bytes, tmp_path: Path) -> None:
    started_at = time.monotonic()
    deployment = await replicas.start()
    host_config = deployment.config(tmp_path)
    chunks = split3(webm)

    async with clients(deployment) as (a, b):
        room = await create_room(a, "Cross-replica sync")
        room_id = room["roomId"]
        # The host mints the moderator's token itself; the speaker exchanges the room link on replica B.
        moderator = member(mint_member_token(host_config, room_id, "moderator", identity="alice"))
        speaker = await exchange_secret(b, room, "speaker")

        async with EventStream(b, room_id, speaker) as on_b, EventStream(a, room_id, API_HEADERS) as on_a:
            assert await on_b.next() == ("state", {"roomId": room_id, "recording": None})
            assert await on_a.next() == ("state", {"roomId": room_id, "recording": None})

            # Started through A: the listener on B sees it live.
            response = await a.post(RECORDINGS, json={"roomId": room_id}, headers=moderator)
            assert response.status_code == 201, response.text
            rid = response.json()["recordingId"]
            assert response.json()["status"] == "starting"
            name, data = await on_b.next()
            assert (name, data["recording"]["recordingId"], data["recording"]["status"]) == (
                "recordingStarting",
                rid,
                "starting",
            )

            # Chunks to A and B alternately; the first one makes it active (announced from A).
            assert (await put_chunk(a, rid, 0, chunks[0], moderator))["status"] == "active"
            name, data = await on_b.next()
            assert (name, data["recording"]["status"]) == ("recordingStarted", "active")
            receipt = await put_chunk(b, rid, 1, chunks[1], moderator)
            assert (receipt["status"], receipt["received"]) == ("active", 2)
            receipt = await put_chunk(a, rid, 2, chunks[2], moderator, final=True)
            assert (receipt["status"], receipt["received"]) == ("active", 3)
            status = (await b.get(f"{RECORDINGS}/{rid}/chunks", headers=moderator)).json()
            assert (status["received"], status["finalSeq"], status["bytes"]) == ([0, 1, 2], 2, len(webm))

            # Stopped through B; finalized by whichever replica gets there.
            response = await b.post(f"{RECORDINGS}/{rid}/stop", headers=moderator)
            assert response.status_code == 202, response.text
            assert response.json()["status"] in ("ending", "complete")
            done = await wait_final(a, rid)
            assert done["status"] == "complete", done

            seen_on_b = [await on_b.next() for _ in range(2)]
            seen_on_a = [await on_a.next() for _ in range(4)]
            assert [(n, d["recording"]["status"]) for n, d in seen_on_b] == [
                ("recordingStopping", "ending"),
                ("recordingStopped", "complete"),
            ]
            assert [(n, d["recording"]["status"]) for n, d in seen_on_a] == [
                ("recordingStarting", "starting"),
                ("recordingStarted", "active"),
                ("recordingStopping", "ending"),
                ("recordingStopped", "complete"),
            ]
            for _, data in (*seen_on_a, *seen_on_b):
                assert data["roomId"] == room_id
                assert data["recording"]["recordingId"] == rid
            assert seen_on_b[-1][1]["recording"]["size"] == done["size"]

        # Listed, played, downloaded as a ZIP and deleted through the replica that did not stop it.
        listing = (await a.get(RECORDINGS, params={"roomId": room_id}, headers=API_HEADERS)).json()
        assert [r["recordingId"] for r in listing["recordings"]] == [rid]
        assert listing["recordings"][0]["status"] == "complete"

        whole = await b.get(f"{RECORDINGS}/{rid}/media", headers=speaker)
        assert whole.status_code == 200, whole.text
        media = whole.content
        assert len(media) == done["size"]
        assert media[4:8] == b"ftyp"
        assert whole.headers["content-type"] == "video/mp4"
        ranged = await a.get(f"{RECORDINGS}/{rid}/media", headers={**speaker, "Range": "bytes=100-4195"})
        assert ranged.status_code == 206, ranged.text
        assert ranged.headers["content-range"] == f"bytes 100-4195/{len(media)}"
        assert ranged.content == media[100:4196]

        keys = await bucket_keys(deployment, room_id)
        media_keys = [k for k in keys if k.endswith(".mp4")]
        assert len(media_keys) == 1, keys
        assert await bucket_bytes(deployment, media_keys[0]) == media
        assert not [k for k in keys if "/.chunks/" in k], keys  # the chunks went with the finalization

        archive = await a.get(f"{RECORDINGS}/download", params={"recordingIds": rid}, headers=API_HEADERS)
        assert archive.status_code == 200, archive.text
        with zipfile.ZipFile(io.BytesIO(archive.content)) as zf:
            [entry] = zf.namelist()
            assert entry.endswith(".mp4")
            assert zf.read(entry) == media

        response = await a.delete(f"{RECORDINGS}/{rid}", headers=moderator)
        assert response.status_code == 200, response.text
        assert (await b.get(f"{RECORDINGS}/{rid}", headers=API_HEADERS)).status_code == 404
        assert (await b.get(f"{RECORDINGS}/{rid}/media", headers=speaker)).status_code == 404
        listing = (await b.get(RECORDINGS, params={"roomId": room_id}, headers=API_HEADERS)).json()
        assert listing["recordings"] == []
        assert await bucket_keys(deployment, room_id) == []
    assert time.monotonic() - started_at < 60


# -- the database decides between replicas ----------------------------------------------------------------


async def test_concurrent_starts_on_two_replicas(replicas: ReplicaFactory, tmp_path: Path) -> None:
    deployment = await replicas.start()
    host_config = deployment.config(tmp_path)
    async with clients(deployment) as (a, b):
        # Open both connections first, so the two starts leave at the same moment.
        assert (await a.get("/meet/health/live")).status_code == 200
        assert (await b.get("/meet/health/live")).status_code == 200
        rooms = [await create_room(a, f"Race {n}") for n in range(5)]
        for room in rooms:
            room_id = room["roomId"]
            moderator = member(mint_member_token(host_config, room_id, "moderator", identity="alice"))
            first, second = await asyncio.gather(
                a.post(RECORDINGS, json={"roomId": room_id}, headers=moderator),
                b.post(RECORDINGS, json={"roomId": room_id}, headers=moderator),
            )
            assert sorted((first.status_code, second.status_code)) == [201, 409], (first.text, second.text)
            loser = first if first.status_code == 409 else second
            assert loser.json()["error"] == "Recording Error"
        rows = await deployment.sql("SELECT room_id, count(*) AS n FROM meet_recordings GROUP BY room_id")
        assert {r["room_id"]: r["n"] for r in rows} == {room["roomId"]: 1 for room in rooms}


async def test_rate_limits_are_shared_by_replicas(replicas: ReplicaFactory) -> None:
    deployment = await replicas.start(rate_limit_tokens=4)
    # Clients behind the proxy: the replicas trust its X-Forwarded-For (uvicorn's proxy headers) and count
    # per client address. Fresh addresses keep this test apart from counters other runs left in Redis.
    client, other_client = (f"10.{n}.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}" for n in (1, 2))
    async with clients(deployment) as (a, b):
        room = await create_room(a, "Limited")
        secret = parse_qs(urlsplit(room["speakerUrl"]).query)["secret"][0]
        url = f"{ROOMS}/{room['roomId']}/token"
        statuses = []
        for http in (a, b, a, b, a, b):
            response = await http.post(url, json={"secret": secret}, headers={"X-Forwarded-For": client})
            statuses.append(response.status_code)
            if response.status_code == 429:
                assert response.json()["message"], response.text
                assert int(response.headers["retry-after"]) > 0
        # Four a minute for this client, counted in Redis: not four per replica.
        assert statuses == [200, 200, 200, 200, 429, 429], statuses
        response = await b.post(url, json={"secret": secret}, headers={"X-Forwarded-For": other_client})
        assert response.status_code == 200, response.text


# -- a room's setting reaches the other replica -----------------------------------------------------------


async def _poll_until(http: httpx.AsyncClient, url: str, headers: dict[str, str], status: int) -> float:
    """Seconds until ``url`` answers ``status``."""
    started = time.monotonic()
    while True:
        response = await http.get(url, headers={**headers, "Range": "bytes=0-99"})
        if response.status_code == status:
            return time.monotonic() - started
        assert time.monotonic() - started < 5, (response.status_code, response.text)
        await asyncio.sleep(0.02)


async def test_room_access_change_reaches_the_other_replica(
    replicas: ReplicaFactory, webm: bytes, tmp_path: Path
) -> None:
    deployment = await replicas.start()
    host_config = deployment.config(tmp_path)
    async with clients(deployment) as (a, b):
        room = await create_room(a, "Access")
        room_id = room["roomId"]
        moderator = member(mint_member_token(host_config, room_id, "moderator", identity="alice"))
        speaker = member(mint_member_token(host_config, room_id, "speaker", identity="bob"))
        rid = (await a.post(RECORDINGS, json={"roomId": room_id}, headers=moderator)).json()["recordingId"]
        await put_chunk(a, rid, 0, webm, moderator, final=True)
        assert (await a.post(f"{RECORDINGS}/{rid}/stop", headers=moderator)).status_code == 202
        assert (await wait_final(b, rid))["status"] == "complete"
        media_url = f"{RECORDINGS}/{rid}/media"

        # B serves the speaker (and keeps the answer in its one-second access cache).
        for _ in range(3):
            assert (await b.get(media_url, headers={**speaker, "Range": "bytes=0-99"})).status_code == 206
        assert (await b.get(RECORDINGS, headers=speaker)).status_code == 200

        response = await a.put(
            f"{ROOMS}/{room_id}/config",
            json={"config": {"recording": {"allowAccessTo": "admin"}}},
            headers=API_HEADERS,
        )
        assert response.status_code == 200, response.text
        assert response.json()["config"]["recording"]["allowAccessTo"] == "admin"
        # A applies it to its very next request; B within its cache's second.
        assert (await a.get(media_url, headers={**speaker, "Range": "bytes=0-99"})).status_code == 403
        waited = await _poll_until(b, media_url, speaker, 403)
        assert waited < 1.5, waited
        for _ in range(3):
            assert (await b.get(media_url, headers={**speaker, "Range": "bytes=0-99"})).status_code == 403
        assert (await b.get(RECORDINGS, headers=speaker)).status_code == 403
        assert (await b.get(media_url, headers={**moderator, "Range": "bytes=0-99"})).status_code == 403
        assert (await b.get(media_url, headers={**API_HEADERS, "Range": "bytes=0-99"})).status_code == 206

        # And back: B lets the speaker in again within a second.
        response = await a.put(
            f"{ROOMS}/{room_id}/config",
            json={"config": {"recording": {"allowAccessTo": "admin_moderator_speaker"}}},
            headers=API_HEADERS,
        )
        assert response.status_code == 200, response.text
        waited = await _poll_until(b, media_url, speaker, 206)
        assert waited < 1.5, waited


# -- jobs that must run once ------------------------------------------------------------------------------


async def test_the_stale_sweep_runs_once(replicas: ReplicaFactory, webm: bytes, tmp_path: Path) -> None:
    deployment = await replicas.start(stale_after=1, finalize_grace=1)
    host_config = deployment.config(tmp_path)
    samples: list[tuple[float, str, int]] = []

    async def sample_lease(stop: asyncio.Event) -> None:
        import asyncpg

        dsn = deployment.database_url.replace("postgresql+asyncpg://", "postgresql://")
        conn = await asyncpg.connect(dsn, server_settings={"search_path": deployment.schema})
        try:
            while not stop.is_set():
                row = await conn.fetchrow("SELECT holder, expires_at FROM meet_leases WHERE name = 'sweep'")
                if row is not None:
                    samples.append((time.time(), row["holder"], row["expires_at"]))
                await asyncio.sleep(0.05)
        finally:
            await conn.close()

    stop_sampling = asyncio.Event()
    sampler = asyncio.create_task(sample_lease(stop_sampling))
    try:
        async with clients(deployment) as (a, b):
            room = await create_room(a, "Forgotten")
            moderator = member(mint_member_token(host_config, room["roomId"], "moderator", identity="alice"))
            response = await a.post(RECORDINGS, json={"roomId": room["roomId"]}, headers=moderator)
            assert response.status_code == 201, response.text
            rid = response.json()["recordingId"]
            # One chunk, then the browser goes away: no more data, no stop, no final chunk.
            assert (await put_chunk(b, rid, 0, webm, moderator))["status"] == "active"
            done = await wait_final(a, rid, timeout=40)
            assert done["status"] == "complete", done
            assert done["details"].startswith("End reason: stale"), done
            # Several more sweeps on both replicas: none of them may touch it again.
            await asyncio.sleep(4 * SWEEP_INTERVAL)
    finally:
        stop_sampling.set()
        await sampler

    transitions = await deployment.sql(
        "SELECT status FROM meet_recording_transitions WHERE recording_id = $1 ORDER BY at, id", rid
    )
    assert [t["status"] for t in transitions] == ["starting", "active", "ending", "complete"]

    # One row, one holder at a time: a new holder only takes the lease after the previous one expired.
    assert len(samples) > 20, samples
    leases = await deployment.sql("SELECT name FROM meet_leases WHERE name = 'sweep'")
    assert len(leases) == 1
    lease_ms = 2 * SWEEP_INTERVAL * 1000
    holders = [samples[0][1]]
    for (_, before, expired_at), (_, after, expires_at) in itertools.pairwise(samples):
        if after != before:
            holders.append(after)
            # ``expires_at - lease`` is when the new holder last took or renewed it.
            assert expires_at - lease_ms > expired_at, (before, expired_at, after, expires_at)
    assert 1 <= len(set(holders)) <= 2, holders


# -- what an orchestrator relies on -----------------------------------------------------------------------


async def test_readiness_waits_for_the_release_step(replicas: ReplicaFactory) -> None:
    deployment = await replicas.start(count=1, migrate=False, wait_for="live")
    async with httpx.AsyncClient(base_url=deployment.a.base_url, timeout=10) as http:
        assert (await http.get(ROOMS, headers=API_HEADERS)).status_code == 500  # no tables yet
        ready = await http.get("/meet/health/ready")
        assert ready.status_code == 503, ready.text
        assert any(state != "ok" for state in ready.json()["checks"].values()), ready.text

        upgrade = await asyncio.to_thread(replicas.release, deployment)
        assert upgrade.returncode == 0, upgrade.stderr.decode(errors="replace")
        assert (await http.get("/meet/health/ready")).status_code == 200
        assert (await http.get(ROOMS, headers=API_HEADERS)).status_code == 200


async def test_readiness_checks_redis_when_configured(replicas: ReplicaFactory) -> None:
    deployment = await replicas.start(
        count=1, wait_for="live", redis_url=f"redis://127.0.0.1:{_free_port()}/0"
    )
    async with httpx.AsyncClient(base_url=deployment.a.base_url, timeout=10) as http:
        room = await create_room(http, "No Redis")
        secret = parse_qs(urlsplit(room["speakerUrl"]).query)["secret"][0]
        token = await http.post(f"{ROOMS}/{room['roomId']}/token", json={"secret": secret})
        assert token.status_code == 503, token.text  # a backing service is down: not a bug of ours
        ready = await http.get("/meet/health/ready")
        assert ready.status_code == 503, ready.text
