"""Presigned media delivery against a real S3 server (moto on loopback).

With ``media_redirect`` on and a bucket store, ``GET …/media`` (and ``?download=1``) answers a 307 to a
short-lived presigned URL, so the bytes never pass through Python. The redirect is only handed out after
the usual checks (credentials, the room's access setting), and the bucket then serves ranges, the content
type and, for downloads, the file's name. With a local store the same configuration serves the bytes.
"""

from __future__ import annotations

import asyncio
import functools
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from litestar.testing import AsyncTestClient

from meet_embed import MeetEmbedConfig, create_app
from meet_embed.media.synth import synthesize
from meet_embed.recordings.ingest import import_file
from meet_embed.recordings.media import content_disposition, download_name_for
from tests.backends import MotoS3
from tests.conftest import API_KEY

pytestmark = pytest.mark.s3

API = "/meet/api/v1"
ROOMS = f"{API}/rooms"
RECORDINGS = f"{API}/recordings"
API_HEADERS = {"X-API-KEY": API_KEY}
ROOM_NAME = "Réunion weekly"


@pytest.fixture(scope="module")
def moto() -> Iterator[MotoS3]:
    server = MotoS3()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def mp4(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return synthesize(tmp_path_factory.mktemp("presigned") / "talk.mp4", 3.0, kind="mp4", hue=30)


# Configs are built in sync fixtures: ``config_factory`` may create a PostgreSQL schema (``--meet-db``),
# which it does with ``asyncio.run`` and so cannot do from inside a running event loop.


@pytest.fixture
def bucket_config(config_factory: Any, moto: MotoS3) -> MeetEmbedConfig:
    prefix = f"presigned-{uuid.uuid4().hex[:10]}"
    config: MeetEmbedConfig = config_factory(
        storage_url=moto.url(prefix),
        storage_options=moto.options(),
        media_redirect=True,
        presigned_url_ttl=120,
    )
    return config


@pytest.fixture
def local_config(config_factory: Any, tmp_path: Path) -> MeetEmbedConfig:
    config: MeetEmbedConfig = config_factory(
        storage_url=(tmp_path / "local-media").as_uri(), storage_options={}, media_redirect=True
    )
    return config


@pytest.fixture
async def bucket_client(bucket_config: MeetEmbedConfig) -> AsyncIterator[AsyncTestClient[Any]]:
    async with AsyncTestClient(create_app(bucket_config), base_url="http://testserver.local") as client:
        yield client


@pytest.fixture
async def local_client(local_config: MeetEmbedConfig) -> AsyncIterator[AsyncTestClient[Any]]:
    async with AsyncTestClient(create_app(local_config), base_url="http://testserver.local") as client:
        yield client


async def create_room(client: Any, name: str = ROOM_NAME, **recording: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"roomName": name}
    if recording:
        body["config"] = {"recording": recording}
    response = await client.post(ROOMS, json=body, headers=API_HEADERS)
    assert response.status_code == 201, response.text
    room: dict[str, Any] = response.json()
    return room


async def member_headers(client: Any, room: dict[str, Any], role: str) -> dict[str, str]:
    url = room["moderatorUrl" if role == "moderator" else "speakerUrl"]
    secret = parse_qs(urlsplit(url).query)["secret"][0]
    response = await client.post(f"{ROOMS}/{room['roomId']}/token", json={"secret": secret})
    assert response.status_code == 200, response.text
    return {"X-Room-Member-Token": f"Bearer {response.json()['token']}"}


async def imported(client: Any, room_id: str, path: Path) -> dict[str, Any]:
    """A complete recording made by the real import, on the app's own event loop; returned as the API
    shows it."""
    runtime = client.app.state["meet_embed"]
    row = await asyncio.to_thread(
        client.blocking_portal.call, functools.partial(import_file, runtime, room_id, path)
    )
    response = await client.get(f"{RECORDINGS}/{row.recording_id}", headers=API_HEADERS)
    assert response.status_code == 200, response.text
    recording: dict[str, Any] = response.json()
    return recording


def assert_presigned_redirect(response: httpx.Response, moto: MotoS3) -> str:
    assert response.status_code == 307, response.text
    location = response.headers["location"]
    assert location.startswith(f"{moto.endpoint}/{moto.bucket}/"), location
    assert response.headers["cache-control"] == "no-store"
    query = parse_qs(urlsplit(location).query)
    assert query["X-Amz-Expires"] == ["120"], query  # presigned_url_ttl
    assert "X-Amz-Signature" in query, query
    return location


# -- presigned redirects ----------------------------------------------------------------------------------


async def test_media_redirects_to_a_presigned_url(bucket_client: Any, moto: MotoS3, mp4: Path) -> None:
    source = mp4.read_bytes()
    room = await create_room(bucket_client)
    recording = await imported(bucket_client, room["roomId"], mp4)
    url = f"{RECORDINGS}/{recording['recordingId']}/media"

    response = await bucket_client.get(url, headers=API_HEADERS, follow_redirects=False)
    location = assert_presigned_redirect(response, moto)
    # The redirect says nothing a shared cache could keep, and carries no body worth reading.
    assert "accept-ranges" not in response.headers

    async with httpx.AsyncClient(timeout=10) as bucket:
        whole = await bucket.get(location)
        assert whole.status_code == 200, whole.text
        assert whole.content == source
        assert whole.headers["content-type"] == "video/mp4"
        assert int(whole.headers["content-length"]) == len(source) == recording["size"]

        part = await bucket.get(location, headers={"Range": "bytes=100-1099"})
        assert part.status_code == 206, part.text
        assert part.content == source[100:1100]
        assert part.headers["content-range"] == f"bytes 100-1099/{len(source)}"
        assert part.headers["content-type"] == "video/mp4"

        tail = await bucket.get(location, headers={"Range": "bytes=-500"})
        assert tail.status_code == 206, tail.text
        assert tail.content == source[-500:]

    # A player's range request to meet-embed is redirected as well; it repeats the Range to the bucket.
    ranged = await bucket_client.get(
        url, headers={**API_HEADERS, "Range": "bytes=0-99"}, follow_redirects=False
    )
    assert_presigned_redirect(ranged, moto)


async def test_download_redirects_to_a_named_attachment(bucket_client: Any, moto: MotoS3, mp4: Path) -> None:
    source = mp4.read_bytes()
    room = await create_room(bucket_client)
    recording = await imported(bucket_client, room["roomId"], mp4)

    response = await bucket_client.get(
        f"{RECORDINGS}/{recording['recordingId']}/media",
        params={"download": "1"},
        headers=API_HEADERS,
        follow_redirects=False,
    )
    location = assert_presigned_redirect(response, moto)
    async with httpx.AsyncClient(timeout=10) as bucket:
        got = await bucket.get(location)
        partial = await bucket.get(location, headers={"Range": "bytes=10-19"})
    assert got.status_code == 200, got.text
    assert got.content == source
    assert got.headers["content-type"] == "video/mp4"
    name = download_name_for(ROOM_NAME, recording["startDate"], "mp4")
    assert name.startswith(ROOM_NAME), name
    assert name.endswith(".mp4"), name
    disposition = got.headers["content-disposition"]
    assert disposition == content_disposition(name)
    assert disposition.startswith('attachment; filename="Reunion weekly ')
    assert "filename*=UTF-8''R%C3%A9union%20weekly%20" in disposition
    assert partial.status_code == 206
    assert partial.content == source[10:20]
    assert partial.headers["content-disposition"] == disposition


async def test_redirected_plays_and_downloads_are_audited(
    bucket_client: Any, moto: MotoS3, mp4: Path
) -> None:
    """The bucket serves the bytes, but the trail still says who watched and who downloaded: one ``play``
    per viewing (the player's later range requests are redirected too, and add nothing), one ``download``
    per download."""
    room = await create_room(bucket_client)
    recording = await imported(bucket_client, room["roomId"], mp4)
    rid = recording["recordingId"]
    url = f"{RECORDINGS}/{rid}/media"

    for headers in ({}, {"Range": "bytes=0-"}, {"Range": "bytes=5000-"}):
        played = await bucket_client.get(url, headers={**API_HEADERS, **headers}, follow_redirects=False)
        assert_presigned_redirect(played, moto)
    downloaded = await bucket_client.get(
        url, params={"download": "1"}, headers=API_HEADERS, follow_redirects=False
    )
    assert_presigned_redirect(downloaded, moto)

    trail = await bucket_client.get(f"{API}/audit", params={"recordingId": rid}, headers=API_HEADERS)
    assert trail.status_code == 200, trail.text
    entries = [(e["action"], e["actorKind"], e["actorName"]) for e in trail.json()["entries"]]
    assert entries == [("download", "api_key", "host"), ("play", "api_key", "host")]


async def test_a_signed_media_link_is_redirected_too(bucket_client: Any, moto: MotoS3, mp4: Path) -> None:
    room = await create_room(bucket_client)
    recording = await imported(bucket_client, room["roomId"], mp4)
    speaker = await member_headers(bucket_client, room, "speaker")
    link = await bucket_client.get(f"{RECORDINGS}/{recording['recordingId']}/media-url", headers=speaker)
    assert link.status_code == 200, link.text
    # What a <video src> sends: no credentials but the link's own token.
    response = await bucket_client.get(link.json()["url"], follow_redirects=False)
    location = assert_presigned_redirect(response, moto)
    async with httpx.AsyncClient(timeout=10) as bucket:
        assert (await bucket.get(location)).content == mp4.read_bytes()


# -- the checks come first --------------------------------------------------------------------------------


async def test_the_redirect_requires_credentials(bucket_client: Any, moto: MotoS3, mp4: Path) -> None:
    room = await create_room(bucket_client)
    recording = await imported(bucket_client, room["roomId"], mp4)
    url = f"{RECORDINGS}/{recording['recordingId']}/media"
    for params in ({}, {"download": "1"}):
        anonymous = await bucket_client.get(url, params=params, follow_redirects=False)
        assert anonymous.status_code == 401, anonymous.text
        assert "location" not in anonymous.headers
        forged = await bucket_client.get(
            url,
            params=params,
            headers={"X-Room-Member-Token": "Bearer not.a.token"},
            follow_redirects=False,
        )
        assert forged.status_code == 401, forged.text
        assert "location" not in forged.headers
        wrong_key = await bucket_client.get(
            url, params=params, headers={"X-API-KEY": "wrong-key-0123456789"}, follow_redirects=False
        )
        assert wrong_key.status_code == 401, wrong_key.text
    # A bad signed-link token is refused as well, not redirected.
    bad_link = await bucket_client.get(url, params={"mediaToken": "x" * 40}, follow_redirects=False)
    assert bad_link.status_code in (401, 403), bad_link.text
    assert "location" not in bad_link.headers


async def test_a_refused_speaker_gets_403_not_a_redirect(bucket_client: Any, moto: MotoS3, mp4: Path) -> None:
    room = await create_room(bucket_client, allowAccessTo="admin_moderator")
    recording = await imported(bucket_client, room["roomId"], mp4)
    url = f"{RECORDINGS}/{recording['recordingId']}/media"
    speaker = await member_headers(bucket_client, room, "speaker")
    moderator = await member_headers(bucket_client, room, "moderator")
    for params in ({}, {"download": "1"}):
        refused = await bucket_client.get(url, params=params, headers=speaker, follow_redirects=False)
        assert refused.status_code == 403, refused.text
        assert "location" not in refused.headers
        allowed = await bucket_client.get(url, params=params, headers=moderator, follow_redirects=False)
        assert_presigned_redirect(allowed, moto)

    # Opening the room to speakers lets the same token through (the setting is read per request).
    response = await bucket_client.put(
        f"{ROOMS}/{room['roomId']}/config",
        json={"config": {"recording": {"allowAccessTo": "admin_moderator_speaker"}}},
        headers=API_HEADERS,
    )
    assert response.status_code == 200, response.text
    assert_presigned_redirect(await bucket_client.get(url, headers=speaker, follow_redirects=False), moto)


async def test_no_redirect_for_a_recording_without_media(bucket_client: Any) -> None:
    room = await create_room(bucket_client)
    started = await bucket_client.post(RECORDINGS, json={"roomId": room["roomId"]}, headers=API_HEADERS)
    assert started.status_code == 201, started.text
    response = await bucket_client.get(
        f"{RECORDINGS}/{started.json()['recordingId']}/media", headers=API_HEADERS, follow_redirects=False
    )
    assert response.status_code == 409, response.text
    assert "location" not in response.headers


# -- a local store serves the bytes -----------------------------------------------------------------------


async def test_a_local_store_serves_bytes_directly(local_client: Any, mp4: Path) -> None:
    source = mp4.read_bytes()
    room = await create_room(local_client)
    recording = await imported(local_client, room["roomId"], mp4)
    url = f"{RECORDINGS}/{recording['recordingId']}/media"

    whole = await local_client.get(url, headers=API_HEADERS, follow_redirects=False)
    assert whole.status_code == 200, whole.text
    assert "location" not in whole.headers
    assert whole.content == source
    assert whole.headers["content-type"] == "video/mp4"
    assert whole.headers["accept-ranges"] == "bytes"

    part = await local_client.get(
        url, headers={**API_HEADERS, "Range": "bytes=100-1099"}, follow_redirects=False
    )
    assert part.status_code == 206, part.text
    assert part.content == source[100:1100]

    download = await local_client.get(
        url, params={"download": "1"}, headers=API_HEADERS, follow_redirects=False
    )
    assert download.status_code == 200, download.text
    assert download.content == source
    name = download_name_for(ROOM_NAME, recording["startDate"], "mp4")
    assert download.headers["content-disposition"] == content_disposition(name)
