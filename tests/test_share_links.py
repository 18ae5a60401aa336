"""Share links of one recording: standing and expiring secrets, rotation, private links, deletion.

(Who may *ask* for a link, and what each kind of secret opens, is in ``test_auth_matrix.py``.)
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import parse_qs, urlsplit

import anyio
import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import select, update

from meet_embed import MeetEmbedConfig, create_app
from meet_embed.recordings.ingest import import_file
from meet_embed.recordings.models import RecordingSecretModel
from meet_embed.runtime import MeetRuntime
from tests.conftest import API_KEY

T = TypeVar("T")
API = "/meet/api/v1"
KEY = {"X-API-KEY": API_KEY}
USER = {"X-Test-User": "yes"}
OPENERS = [("GET", ""), ("GET", "/media"), ("HEAD", "/media"), ("GET", "/poster")]
"""What a share secret opens: the recording, its media (GET and HEAD) and its poster."""


def hook_user(conn: Any) -> bool:
    if conn.headers.get("x-test-user") == "boom":
        raise RuntimeError("the host's session store is down")
    return conn.headers.get("x-test-user") == "yes"


@dataclass
class Setup:
    client: AsyncTestClient[Litestar]
    runtime: MeetRuntime
    room: str
    rec: str
    other: str


@pytest.fixture
def share_config(config_factory: Any) -> MeetEmbedConfig:
    # A plain fixture: the PostgreSQL backend makes its schema with asyncio.run, outside any event loop.
    config: MeetEmbedConfig = config_factory(is_user=hook_user, public_url="https://app.example.com")
    return config


@pytest.fixture
async def setup(share_config: MeetEmbedConfig, media_copy: Any) -> AsyncIterator[Setup]:
    app = create_app(share_config)
    async with AsyncTestClient(app, base_url="http://testserver.local") as client:
        runtime: MeetRuntime = app.state["meet_embed"]
        response = await client.post(f"{API}/rooms", json={"roomName": "Share"}, headers=KEY)
        assert response.status_code == 201, response.text
        room = response.json()["roomId"]
        path = media_copy("mp4_3s")
        rec = (await on_app_loop(client, import_file, runtime, room, path)).recording_id
        other = (await on_app_loop(client, import_file, runtime, room, path)).recording_id
        yield Setup(client, runtime, room, rec, other)


async def on_app_loop(client: AsyncTestClient[Litestar], fn: Callable[..., Awaitable[T]], *args: Any) -> T:
    """Run ``fn`` on the app's event loop (the test client runs the app in a portal on another thread; the
    database engine's connections belong to that loop)."""
    portal = client.blocking_portal
    return await anyio.to_thread.run_sync(lambda: portal.call(fn, *args))


def secret_of(url: str) -> str:
    return parse_qs(urlsplit(url).query)["secret"][0]


async def link(s: Setup, rec: str | None = None, **params: str) -> dict[str, Any]:
    response = await s.client.get(f"{API}/recordings/{rec or s.rec}/url", params=params, headers=KEY)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def opens(
    s: Setup, secret: str, rec: str | None = None, headers: dict[str, str] | None = None
) -> list[int]:
    statuses = []
    for method, suffix in OPENERS:
        response = await s.client.request(
            method,
            f"{API}/recordings/{rec or s.rec}{suffix}",
            params={"secret": secret},
            headers=headers or {},
        )
        statuses.append(response.status_code)
        if method == "GET" and response.status_code >= 400:
            assert set(response.json()) >= {"error", "message"}, response.text
    return statuses


OK = [200, 200, 200, 200]
UNKNOWN = [400, 400, 400, 400]


async def test_standing_links_are_stable_and_distinct(setup: Setup) -> None:
    public, again = await link(setup), await link(setup)
    private = await link(setup, privateAccess="true")
    assert public == again
    assert "expiresAt" not in public
    assert (
        public["url"]
        == f"https://app.example.com/meet/recording/{setup.rec}?secret={secret_of(public['url'])}"
    )
    assert secret_of(public["url"]) != secret_of(private["url"])
    assert secret_of((await link(setup, setup.other))["url"]) != secret_of(public["url"])
    assert await opens(setup, secret_of(public["url"])) == OK


async def test_expiring_link_works_until_it_expires(setup: Setup) -> None:
    standing = secret_of((await link(setup))["url"])
    before = int(time.time() * 1000)
    expiring = await link(setup, expiresIn="60")
    second = await link(setup, expiresIn="60")
    secret = secret_of(expiring["url"])
    assert secret not in (standing, secret_of(second["url"]))
    assert before + 59_000 <= expiring["expiresAt"] <= int(time.time() * 1000) + 61_000
    assert await opens(setup, secret) == OK

    async def expire() -> None:
        async with setup.runtime.db.sessionmaker() as session:
            await session.execute(
                update(RecordingSecretModel)
                .where(RecordingSecretModel.secret == secret)
                .values(expires_at=int(time.time() * 1000) - 1)
            )
            await session.commit()

    await on_app_loop(setup.client, expire)
    assert await opens(setup, secret) == UNKNOWN
    response = await setup.client.get(f"{API}/recordings/{setup.rec}", params={"secret": secret})
    assert response.json()["error"] == "Recording Error"
    # Only that link: the standing one and the other expiring one still open the recording.
    assert await opens(setup, standing) == OK
    assert await opens(setup, secret_of(second["url"])) == OK


@pytest.mark.parametrize("expires_in", ["59", "0", "-60", str(90 * 24 * 3600 + 1), "soon"])
async def test_expires_in_out_of_bounds(setup: Setup, expires_in: str) -> None:
    response = await setup.client.get(
        f"{API}/recordings/{setup.rec}/url", params={"expiresIn": expires_in}, headers=KEY
    )
    assert response.status_code in (400, 422), response.text
    assert response.json()["error"] in ("Unprocessable Entity", "Bad Request")


async def test_rotation_revokes_every_link(setup: Setup) -> None:
    old = [
        secret_of((await link(setup))["url"]),
        secret_of((await link(setup, privateAccess="true"))["url"]),
        secret_of((await link(setup, expiresIn="3600"))["url"]),
    ]
    other = secret_of((await link(setup, setup.other))["url"])
    response = await setup.client.post(f"{API}/recordings/{setup.rec}/secrets/rotate", headers=KEY)
    assert response.status_code == 200, response.text
    fresh = response.json()
    for secret in old:
        assert await opens(setup, secret, headers=USER) == UNKNOWN
    assert await opens(setup, secret_of(fresh["publicUrl"])) == OK
    assert await opens(setup, secret_of(fresh["privateUrl"]), headers=USER) == OK
    # The standing links handed out from now on are the rotated-in ones; other recordings keep theirs.
    assert secret_of((await link(setup))["url"]) == secret_of(fresh["publicUrl"])
    assert secret_of((await link(setup, privateAccess="true"))["url"]) == secret_of(fresh["privateUrl"])
    assert await opens(setup, other, setup.other) == OK


async def test_private_link_needs_a_logged_in_user(setup: Setup) -> None:
    secret = secret_of((await link(setup, privateAccess="true"))["url"])
    assert await opens(setup, secret) == [401, 401, 401, 401]
    assert await opens(setup, secret, headers={"X-Test-User": "no"}) == [401, 401, 401, 401]
    # A failing host hook refuses (and is not a 500).
    assert await opens(setup, secret, headers={"X-Test-User": "boom"}) == [401, 401, 401, 401]
    assert await opens(setup, secret, headers=USER) == OK
    response = await setup.client.get(f"{API}/recordings/{setup.rec}", params={"secret": secret})
    assert response.json()["error"] == "Authentication Error"


async def test_secret_opens_its_recording_only(setup: Setup) -> None:
    secret = secret_of((await link(setup))["url"])
    assert await opens(setup, secret, setup.other) == UNKNOWN
    for path, params in (
        ("", {}),
        ("/download", {"recordingIds": setup.rec}),
        (f"/{setup.rec}/url", {}),
        (f"/{setup.rec}/media-url", {}),
    ):
        response = await setup.client.get(f"{API}/recordings{path}", params={**params, "secret": secret})
        assert response.status_code == 401, (path, response.text)
    response = await setup.client.delete(f"{API}/recordings/{setup.rec}", params={"secret": secret})
    assert response.status_code == 401, response.text
    response = await setup.client.post(
        f"{API}/recordings/{setup.rec}/secrets/rotate", params={"secret": secret}
    )
    assert response.status_code == 401, response.text


@pytest.mark.parametrize("access", ["admin", "admin_moderator", "admin_moderator_speaker"])
async def test_links_do_not_depend_on_allow_access_to(setup: Setup, access: str) -> None:
    public = secret_of((await link(setup))["url"])
    private = secret_of((await link(setup, privateAccess="true"))["url"])
    response = await setup.client.put(
        f"{API}/rooms/{setup.room}/config",
        json={"config": {"recording": {"allowAccessTo": access}}},
        headers=KEY,
    )
    assert response.status_code == 200, response.text
    assert await opens(setup, public) == OK
    assert await opens(setup, private, headers=USER) == OK


async def test_links_of_a_deleted_recording(setup: Setup) -> None:
    secret = secret_of((await link(setup))["url"])
    response = await setup.client.delete(f"{API}/recordings/{setup.rec}", headers=KEY)
    assert response.status_code == 200, response.text
    assert await opens(setup, secret) == [404, 404, 404, 404]

    async def secrets_left() -> list[RecordingSecretModel]:
        async with setup.runtime.db.sessionmaker() as session:
            query = select(RecordingSecretModel).where(RecordingSecretModel.secret == secret)
            return list((await session.scalars(query)).all())

    left = await on_app_loop(setup.client, secrets_left)
    assert left == []
