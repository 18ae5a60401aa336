"""The audit trail (issue 10): every action, by every kind of principal, driven over HTTP, leaves one entry
saying who (kind, name, role), what, on which room and recording, with which details, from which client and
under which request id; ``GET /audit`` lists them newest first, paginated and filtered, for API keys and
administrators only.

Administrators come from the host's ``is_admin`` hook (a request with ``x-test-admin: yes`` is "ada")."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from litestar.connection import ASGIConnection

from meet_embed import MeetEmbedConfig
from meet_embed.media.synth import synthesize
from tests.capture_support import put_chunk, split_like_mediarecorder
from tests.conftest import API_KEY, OTHER_API_KEY
from tests.recordings_support import (
    API,
    RECORDINGS,
    ROOMS,
    assert_422,
    assert_error,
    create_room,
    import_recording,
    secret_of,
)

AUDIT = f"{API}/audit"
KEY = {"X-API-KEY": API_KEY}
OPS = {"X-API-KEY": OTHER_API_KEY}
ADMIN = {"x-test-admin": "yes"}
CLIENT = "testclient"
"""The client address Litestar's test client connects from."""


def is_admin(connection: ASGIConnection[Any, Any, Any, Any]) -> bool | str:
    return "ada" if connection.headers.get("x-test-admin") == "yes" else False


@pytest.fixture
def config(config_factory: Any) -> MeetEmbedConfig:
    return config_factory(is_admin=is_admin, sweep_interval=3600)  # type: ignore[no-any-return]


# -- helpers ----------------------------------------------------------------------------------------------


async def audit(client: Any, **params: Any) -> list[dict[str, Any]]:
    """Every entry (all pages) matching ``params``, newest first, read with the API key."""
    out: list[dict[str, Any]] = []
    query: dict[str, Any] = {"maxItems": 100, **params}
    while True:
        response = await client.get(AUDIT, params=query, headers=KEY)
        assert response.status_code == 200, response.text
        body = response.json()
        out += body["entries"]
        token = body["pagination"].get("nextPageToken")
        if not token:
            return out
        query = {**query, "nextPageToken": token}


def only(entries: list[dict[str, Any]], **match: Any) -> dict[str, Any]:
    """The one entry whose fields equal ``match``."""
    found = [e for e in entries if all(e.get(k) == v for k, v in match.items())]
    assert len(found) == 1, (match, found)
    return found[0]


def check(entry: dict[str, Any], response: Any, **expected: Any) -> None:
    """``entry`` says exactly ``expected`` (absent keys: ``None``), was made while serving ``response`` and
    names the test client's address."""
    keys = ("action", "actorKind", "actorName", "actorRole", "roomId", "recordingId", "details")
    for key in keys:
        assert entry.get(key) == expected.get(key), (key, entry, expected)
    assert set(entry) <= {*keys, "id", "at", "client", "requestId"}, entry
    assert entry["requestId"] == response.headers["x-request-id"], (entry, response.headers)
    assert entry["client"] == CLIENT, entry
    assert isinstance(entry["id"], int)
    assert isinstance(entry["at"], int)


async def member(
    client: Any, room: dict[str, Any], role: str, identity: str, name: str | None = None
) -> dict[str, str]:
    secret = secret_of(room["moderatorUrl" if role == "moderator" else "speakerUrl"])
    body = {"secret": secret, "participantIdentity": identity, **({"participantName": name} if name else {})}
    response = await client.post(f"{ROOMS}/{room['roomId']}/token", json=body)
    assert response.status_code == 200, response.text
    return {"X-Room-Member-Token": response.json()["token"]}


def path_and_query(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


# -- rooms and tokens ---------------------------------------------------------------------------------


async def test_room_actions(client: Any) -> None:
    created = await client.post(
        ROOMS, json={"roomName": "Audited"}, headers={**KEY, "X-Request-ID": "room-create-1"}
    )
    assert created.status_code == 201, created.text
    assert created.headers["x-request-id"] == "room-create-1"
    room = created.json()
    by_admin = await client.post(ROOMS, json={"roomName": "By Ada"}, headers=ADMIN)
    assert by_admin.status_code == 201, by_admin.text
    admins_room = by_admin.json()

    change = {"recording": {"allowAccessTo": "admin_moderator", "retentionDays": 5}}
    changed = await client.put(f"{ROOMS}/{room['roomId']}/config", json={"config": change}, headers=ADMIN)
    assert changed.status_code == 200, changed.text
    token = await client.post(
        f"{ROOMS}/{room['roomId']}/token",
        json={
            "secret": secret_of(room["moderatorUrl"]),
            "participantIdentity": "alice",
            "participantName": "Alice",
        },
    )
    assert token.status_code == 200, token.text
    speaker_token = await client.post(
        f"{ROOMS}/{room['roomId']}/token", json={"secret": secret_of(room["speakerUrl"])}
    )
    assert speaker_token.status_code == 200, speaker_token.text
    deleted = await client.delete(f"{ROOMS}/{admins_room['roomId']}", headers=OPS)
    assert deleted.status_code == 200, deleted.text
    forced = await client.delete(
        f"{ROOMS}/{room['roomId']}", params={"withRecordings": "force"}, headers=ADMIN
    )
    assert forced.status_code == 200, forced.text

    # What failed left nothing.
    assert (
        await client.put(f"{ROOMS}/{room['roomId']}/config", json={"config": change}, headers=KEY)
    ).status_code == 404
    assert (await client.post(ROOMS, json={"roomName": ""}, headers=KEY)).status_code == 422
    assert (
        await client.post(f"{ROOMS}/{admins_room['roomId']}/token", json={"secret": "x" * 20})
    ).status_code in (
        400,
        404,
    )

    entries = await audit(client)
    assert [e["action"] for e in entries] == [
        "room_deleted",
        "room_deleted",
        "token_issued",
        "token_issued",
        "room_config_changed",
        "room_created",
        "room_created",
    ]
    check(
        only(entries, action="room_created", roomId=room["roomId"]),
        created,
        action="room_created",
        actorKind="api_key",
        actorName="host",
        roomId=room["roomId"],
        details={"roomName": "Audited"},
    )
    check(
        only(entries, action="room_created", roomId=admins_room["roomId"]),
        by_admin,
        action="room_created",
        actorKind="admin",
        actorName="ada",
        roomId=admins_room["roomId"],
        details={"roomName": "By Ada"},
    )
    check(
        only(entries, action="room_config_changed"),
        changed,
        action="room_config_changed",
        actorKind="admin",
        actorName="ada",
        roomId=room["roomId"],
        details={"roomName": "Audited", **change},
    )
    # Whoever holds a room link's secret has no credentials: the entry names the member it became.
    issued = [e for e in entries if e["action"] == "token_issued"]
    check(
        issued[1],
        token,
        action="token_issued",
        actorKind="anonymous",
        roomId=room["roomId"],
        details={"role": "moderator", "identity": "alice", "name": "Alice"},
    )
    speaker_details = issued[0]["details"]
    check(
        issued[0],
        speaker_token,
        action="token_issued",
        actorKind="anonymous",
        roomId=room["roomId"],
        details={"role": "speaker", "identity": speaker_details["identity"], "name": None},
    )
    assert speaker_details["identity"], "a generated identity is recorded"
    check(
        only(entries, action="room_deleted", roomId=admins_room["roomId"]),
        deleted,
        action="room_deleted",
        actorKind="api_key",
        actorName="ops",
        roomId=admins_room["roomId"],
        details={"roomName": "By Ada", "withRecordings": "fail"},
    )
    check(
        only(entries, action="room_deleted", roomId=room["roomId"]),
        forced,
        action="room_deleted",
        actorKind="admin",
        actorName="ada",
        roomId=room["roomId"],
        details={"roomName": "Audited", "withRecordings": "force"},
    )


@pytest.fixture(scope="module")
def webm_chunk(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The first MediaRecorder-like chunk of a short WebM (it carries the header)."""
    source = synthesize(tmp_path_factory.mktemp("audit") / "a.webm", 1.0, kind="webm", hue=40)
    return split_like_mediarecorder(source.read_bytes(), 2)[0]


@pytest.mark.parametrize("way", ["room page", "refresh"])
async def test_every_way_of_issuing_a_member_token_is_audited(client: Any, way: str) -> None:
    room = await create_room(client, KEY, "Tokens")
    if way == "room page":
        response = await client.get(path_and_query(room["moderatorUrl"]))
        expected: dict[str, Any] = {"actorKind": "anonymous"}
    else:
        headers = await member(client, room, "moderator", "alice")
        response = await client.post(f"{ROOMS}/{room['roomId']}/token/refresh", headers=headers)
        expected = {"actorKind": "member", "actorName": "alice", "actorRole": "moderator"}
    assert response.status_code == 200, response.text
    entries = [
        e
        for e in await audit(client, action="token_issued")
        if e["requestId"] == response.headers["x-request-id"]
    ]
    assert len(entries) == 1, entries
    assert entries[0]["roomId"] == room["roomId"]
    assert entries[0]["details"]["role"] == "moderator"
    for key, value in expected.items():
        assert entries[0][key] == value


async def test_start_and_stop_by_a_moderator_and_by_the_api_key(client: Any, webm_chunk: bytes) -> None:
    first = await create_room(client, KEY, "First")
    second = await create_room(client, KEY, "Second")
    alice = await member(client, first, "moderator", "alice", "Alice")
    bob = await member(client, second, "moderator", "bob")
    speaker = await member(client, first, "speaker", "sam")

    refused = await client.post(RECORDINGS, json={"roomId": first["roomId"]}, headers=speaker)
    assert refused.status_code == 403, refused.text
    started_by_alice = await client.post(RECORDINGS, json={"roomId": first["roomId"]}, headers=alice)
    assert started_by_alice.status_code == 201, started_by_alice.text
    one = started_by_alice.json()["recordingId"]
    started_by_key = await client.post(
        RECORDINGS, json={"roomId": second["roomId"]}, headers={**KEY, "X-Request-ID": "start:2"}
    )
    assert started_by_key.status_code == 201, started_by_key.text
    two = started_by_key.json()["recordingId"]
    # Data arrives (a starting recording cannot be stopped yet); uploads are not audited.
    assert (await put_chunk(client, one, 0, webm_chunk, alice)).status_code == 200
    assert (await put_chunk(client, two, 0, webm_chunk, KEY)).status_code == 200
    stopped_by_key = await client.post(f"{RECORDINGS}/{one}/stop", headers=KEY)
    assert stopped_by_key.status_code == 202, stopped_by_key.text
    stopped_by_bob = await client.post(f"{RECORDINGS}/{two}/stop", headers=bob)
    assert stopped_by_bob.status_code == 202, stopped_by_bob.text
    assert (await client.post(f"{RECORDINGS}/{two}/stop", headers=bob)).status_code == 409

    entries = await audit(client, action="start") + await audit(client, action="stop")
    assert len(entries) == 4, entries
    check(
        only(entries, action="start", recordingId=one),
        started_by_alice,
        action="start",
        actorKind="member",
        actorName="alice",
        actorRole="moderator",
        roomId=first["roomId"],
        recordingId=one,
    )
    check(
        only(entries, action="start", recordingId=two),
        started_by_key,
        action="start",
        actorKind="api_key",
        actorName="host",
        roomId=second["roomId"],
        recordingId=two,
    )
    assert only(entries, action="start", recordingId=two)["requestId"] == "start:2"
    check(
        only(entries, action="stop", recordingId=one),
        stopped_by_key,
        action="stop",
        actorKind="api_key",
        actorName="host",
        roomId=first["roomId"],
        recordingId=one,
    )
    check(
        only(entries, action="stop", recordingId=two),
        stopped_by_bob,
        action="stop",
        actorKind="member",
        actorName="bob",
        actorRole="moderator",
        roomId=second["roomId"],
        recordingId=two,
    )


# -- viewing ------------------------------------------------------------------------------------------


async def watch(client: Any, url: str, headers: dict[str, str], size: int) -> Any:
    """A player's session: the first request (no range), then seeks and continuations; the first response."""
    first = await client.get(url, headers=headers)
    assert first.status_code == 200, first.text
    assert len(first.content) == size
    for value in (
        "bytes=0-",
        "bytes=1000-1999",
        f"bytes={size // 2}-",
        "bytes=-100",
        "bytes=0-99",
        "bytes=5-",
    ):
        response = await client.get(url, headers={**headers, "Range": value})
        assert response.status_code == 206, (value, response.text)
    assert (await client.head(url, headers=headers)).status_code == 200
    return first


async def test_a_viewing_session_is_one_play_entry(client: Any, media_files: dict[str, Path]) -> None:
    room = await create_room(client, KEY, "Cinema")
    recording = await import_recording(client, room["roomId"], media_files["mp4_3s"])
    rid, size = recording.recording_id, recording.size
    media = f"{RECORDINGS}/{rid}/media"
    speaker = await member(client, room, "speaker", "bob")
    moderator = await member(client, room, "moderator", "carol")

    by_key = await watch(client, media, {**KEY, "X-Request-ID": "play-1"}, size)
    # The same viewer again (a page reload): still the same session.
    await watch(client, media, KEY, size)
    assert len(await audit(client, action="play")) == 1

    # A second viewer (another principal) is another session; so is another API key.
    by_speaker = await client.get(media, headers={**speaker, "Range": "bytes=0-"})
    assert by_speaker.status_code == 206
    for value in ("bytes=200-", "bytes=300-399"):
        assert (await client.get(media, headers={**speaker, "Range": value})).status_code == 206
    by_ops = await watch(client, media, OPS, size)

    # A signed media link (for <video>): one session for everything sent through that link.
    link = await client.get(f"{media}-url", headers=moderator)
    assert link.status_code == 200, link.text
    assert len(await audit(client, action="play")) == 3  # asking for a link is not watching
    by_link = await watch(client, path_and_query(link.json()["url"]), {}, size)

    # Share links: the public one, and the private one opened by a logged-in user of the host.
    public = (await client.get(f"{RECORDINGS}/{rid}/url", headers=KEY)).json()["url"]
    by_public = await watch(client, f"{media}?secret={secret_of(public)}", {}, size)
    private = (
        await client.get(f"{RECORDINGS}/{rid}/url", params={"privateAccess": "true"}, headers=KEY)
    ).json()["url"]
    by_private = await watch(client, f"{media}?secret={secret_of(private)}", ADMIN, size)

    # Requests that do not start a viewing (a seek alone, a HEAD, a refused one) add nothing.
    assert (await client.get(media, headers={**KEY, "Range": "bytes=100-"})).status_code == 206
    assert (await client.get(media, headers={"X-Room-Member-Token": "not-a-token"})).status_code == 401

    plays = await audit(client, action="play")
    assert len(plays) == 6, plays
    common = {"action": "play", "roomId": room["roomId"], "recordingId": rid}
    check(plays[5], by_key, actorKind="api_key", actorName="host", **common)
    assert plays[5]["requestId"] == "play-1"
    check(plays[4], by_speaker, actorKind="member", actorName="bob", actorRole="speaker", **common)
    check(plays[3], by_ops, actorKind="api_key", actorName="ops", **common)
    check(plays[2], by_link, actorKind="media_link", actorName="carol", actorRole="moderator", **common)
    check(plays[1], by_public, actorKind="share_secret", actorName="public link", **common)
    check(plays[0], by_private, actorKind="share_secret", actorName="private link (ada)", **common)
    assert await audit(client, action="download") == []


def host_admins(connection: ASGIConnection[Any, Any, Any, Any]) -> bool | str:
    """A host whose hook names some administrators (``x-host-user``) and only says "yes" for others, who
    are known by their session cookie."""
    named = connection.headers.get("x-host-user")
    if named:
        return named
    return connection.cookies.get("host_session", "").startswith("admin-")


@pytest.fixture
def shared_config(config_factory: Any) -> MeetEmbedConfig:
    return config_factory(is_admin=host_admins, sweep_interval=3600)  # type: ignore[no-any-return]


async def test_a_viewing_is_one_entry_across_replicas(
    shared_config: MeetEmbedConfig, media_files: dict[str, Path]
) -> None:
    """Two apps on one database and store, as two replicas behind a load balancer: a viewer whose requests
    land on both makes one entry; administrators are told apart by name, or by session when unnamed."""
    from litestar.testing import AsyncTestClient
    from sqlalchemy import update

    from meet_embed import create_app
    from meet_embed.audit.models import AuditViewingModel
    from tests.recordings_support import db_execute

    base = "http://testserver.local"
    async with (
        AsyncTestClient(create_app(shared_config), base_url=base) as one,
        AsyncTestClient(create_app(shared_config), base_url=base) as two,
    ):
        room = await create_room(one, KEY, "Replicated")
        rid = (await import_recording(one, room["roomId"], media_files["mp4_2s_small"])).recording_id
        media = f"{RECORDINGS}/{rid}/media"

        async def view(client: Any, headers: dict[str, str], cookies: dict[str, str] | None = None) -> None:
            client.cookies.clear()
            for name, value in (cookies or {}).items():
                client.cookies.set(name, value)
            response = await client.get(media, headers={**headers, "Range": "bytes=0-"})
            assert response.status_code == 206, response.text

        async def plays() -> list[tuple[str, str | None]]:
            return [(e["actorKind"], e.get("actorName")) for e in await audit(one, action="play")]

        # The player's first request on one replica, its reload on the other.
        await view(one, KEY)
        await view(two, KEY)
        assert await plays() == [("api_key", "host")]

        # Named administrators: one entry each, wherever their requests land.
        await view(one, {"x-host-user": "dana"})
        await view(two, {"x-host-user": "dana"})
        await view(two, {"x-host-user": "eve"})
        assert (await plays())[:2] == [("admin", "eve"), ("admin", "dana")]

        # Administrators the hook only said "yes" to: one entry per session, not one for them all.
        await view(one, {}, {"host_session": "admin-1"})
        await view(two, {}, {"host_session": "admin-1"})
        await view(two, {}, {"host_session": "admin-2"})
        assert len(await plays()) == 5
        assert (await plays())[:2] == [("admin", "admin"), ("admin", "admin")]

        # Once the viewing is over (30 minutes after it began), the same viewer starts another one.
        await db_execute(one, update(AuditViewingModel).values(until=0))
        await view(two, KEY)
        assert len(await plays()) == 6
        assert (await plays())[0] == ("api_key", "host")


async def test_download_zip_share_links_rotation_and_delete(
    client: Any, media_files: dict[str, Path]
) -> None:
    room = await create_room(client, KEY, "Archive")
    room_id = room["roomId"]
    first = (await import_recording(client, room_id, media_files["mp4_2s_small"])).recording_id
    second = (await import_recording(client, room_id, media_files["mp4_3s"])).recording_id
    third = (await import_recording(client, room_id, media_files["webm_4s"])).recording_id
    alice = await member(client, room, "moderator", "alice")

    download = await client.get(f"{RECORDINGS}/{first}/media", params={"download": "1"}, headers=alice)
    assert download.status_code == 200, download.text
    assert "attachment" in download.headers["content-disposition"]
    resumed = await client.get(
        f"{RECORDINGS}/{first}/media", params={"download": "1"}, headers={**alice, "Range": "bytes=1000-"}
    )
    assert resumed.status_code == 206  # a resumed download is the same download

    ids = f"{first},{second}"
    zipped = await client.get(f"{RECORDINGS}/download", params={"recordingIds": ids}, headers=KEY)
    assert zipped.status_code == 200, zipped.text
    zipped_by_alice = await client.get(f"{RECORDINGS}/download", params={"recordingIds": ids}, headers=alice)
    assert zipped_by_alice.status_code == 200, zipped_by_alice.text

    public = await client.get(f"{RECORDINGS}/{first}/url", headers=alice)
    private = await client.get(f"{RECORDINGS}/{first}/url", params={"privateAccess": "true"}, headers=KEY)
    expiring = await client.get(f"{RECORDINGS}/{first}/url", params={"expiresIn": "3600"}, headers=ADMIN)
    for response in (public, private, expiring):
        assert response.status_code == 200, response.text
    rotated = await client.post(f"{RECORDINGS}/{first}/secrets/rotate", headers=ADMIN)
    assert rotated.status_code == 200, rotated.text

    deleted = await client.delete(f"{RECORDINGS}/{first}", headers=alice)
    assert deleted.status_code == 200, deleted.text
    bulk = await client.delete(RECORDINGS, params={"recordingIds": f"{second},{third}"}, headers=KEY)
    assert bulk.status_code == 200, bulk.text
    assert (await client.delete(f"{RECORDINGS}/{first}", headers=alice)).status_code == 404

    entries = await audit(client, roomId=room_id)
    moderator = {"actorKind": "member", "actorName": "alice", "actorRole": "moderator"}
    check(
        only(entries, action="download"),
        download,
        action="download",
        roomId=room_id,
        recordingId=first,
        **moderator,
    )
    zips = await audit(client, action="zip")
    assert len(zips) == 2, zips
    check(
        zips[1],
        zipped,
        action="zip",
        actorKind="api_key",
        actorName="host",
        details={"recordingIds": [first, second], "bytes": int(zipped.headers["content-length"])},
    )
    check(
        zips[0],
        zipped_by_alice,
        action="zip",
        roomId=room_id,
        details={"recordingIds": [first, second], "bytes": len(zipped_by_alice.content)},
        **moderator,
    )
    links = [e for e in entries if e["action"] == "share_link_created"]
    assert len(links) == 3, links
    check(
        links[2],
        public,
        action="share_link_created",
        roomId=room_id,
        recordingId=first,
        details={"access": "public"},
        **moderator,
    )
    check(
        links[1],
        private,
        action="share_link_created",
        actorKind="api_key",
        actorName="host",
        roomId=room_id,
        recordingId=first,
        details={"access": "private"},
    )
    check(
        links[0],
        expiring,
        action="share_link_created",
        actorKind="admin",
        actorName="ada",
        roomId=room_id,
        recordingId=first,
        details={"access": "public", "expiresAt": expiring.json()["expiresAt"]},
    )
    check(
        only(entries, action="secrets_rotated"),
        rotated,
        action="secrets_rotated",
        actorKind="admin",
        actorName="ada",
        roomId=room_id,
        recordingId=first,
    )
    check(
        only(entries, action="delete", recordingId=first),
        deleted,
        action="delete",
        roomId=room_id,
        recordingId=first,
        **moderator,
    )
    for rid in (second, third):
        check(
            only(entries, action="delete", recordingId=rid),
            bulk,
            action="delete",
            actorKind="api_key",
            actorName="host",
            roomId=room_id,
            recordingId=rid,
            details={"bulk": True},
        )
    assert len([e for e in entries if e["action"] == "delete"]) == 3


async def test_a_zip_through_a_signed_link_names_who_the_link_was_made_for(
    client: Any, media_files: dict[str, Path]
) -> None:
    room = await create_room(client, KEY, "Linked")
    ids = ",".join(
        [
            (await import_recording(client, room["roomId"], media_files["mp4_2s_small"])).recording_id
            for _ in range(2)
        ]
    )
    alice = await member(client, room, "moderator", "alice")
    link = await client.get(f"{RECORDINGS}/download-url", params={"recordingIds": ids}, headers=alice)
    assert link.status_code == 200, link.text
    zipped = await client.get(path_and_query(link.json()["url"]))
    assert zipped.status_code == 200, zipped.text
    check(
        only(await audit(client), action="zip"),
        zipped,
        action="zip",
        actorKind="media_link",
        actorName="alice",
        actorRole="moderator",
        roomId=room["roomId"],
        details={"recordingIds": ids.split(","), "bytes": len(zipped.content)},
    )


# -- reading the trail ------------------------------------------------------------------------------------


async def test_listing_is_newest_first_and_paginates_without_duplicates(client: Any) -> None:
    rooms = [await create_room(client, KEY, f"Room {n}") for n in range(9)]
    for room in rooms[:6]:
        response = await client.put(
            f"{ROOMS}/{room['roomId']}/config",
            json={"config": {"recording": {"enabled": False}}},
            headers=ADMIN,
        )
        assert response.status_code == 200
    everything = await audit(client)
    assert len(everything) == 15
    keys = [(e["at"], e["id"]) for e in everything]
    assert keys == sorted(keys, reverse=True)
    assert len({e["id"] for e in everything}) == 15

    seen: list[dict[str, Any]] = []
    params: dict[str, Any] = {"maxItems": 4}
    pages = 0
    while True:
        response = await client.get(AUDIT, params=params, headers=ADMIN)
        assert response.status_code == 200, response.text
        body = response.json()
        pages += 1
        seen += body["entries"]
        assert body["pagination"]["maxItems"] == 4
        token = body["pagination"].get("nextPageToken")
        assert body["pagination"]["isTruncated"] is (token is not None)
        if token is None:
            break
        assert len(body["entries"]) == 4
        params = {"maxItems": 4, "nextPageToken": token}
        # Entries added meanwhile are newer: they do not shift the pages being read.
        await create_room(client, KEY, f"Meanwhile {pages}")
    assert pages == 4
    assert [e["id"] for e in seen] == [e["id"] for e in everything]

    # The default page is 10 entries.
    first_page = (await client.get(AUDIT, headers=KEY)).json()
    assert len(first_page["entries"]) == 10
    assert first_page["pagination"]["isTruncated"] is True


async def test_filters(client: Any, media_files: dict[str, Path]) -> None:
    room = await create_room(client, KEY, "Filtered")
    other = await create_room(client, ADMIN, "Other")
    rid = (await import_recording(client, room["roomId"], media_files["mp4_2s_small"])).recording_id
    other_rid = (await import_recording(client, other["roomId"], media_files["mp4_2s_small"])).recording_id
    assert (await client.get(f"{RECORDINGS}/{rid}/url", headers=KEY)).status_code == 200
    assert (await client.get(f"{RECORDINGS}/{other_rid}/url", headers=ADMIN)).status_code == 200
    assert (await client.post(f"{RECORDINGS}/{rid}/secrets/rotate", headers=ADMIN)).status_code == 200
    assert (await client.get(f"{RECORDINGS}/{rid}/media", headers=KEY)).status_code == 200

    by_room = await audit(client, roomId=room["roomId"])
    assert [e["action"] for e in by_room] == ["play", "secrets_rotated", "share_link_created", "room_created"]
    by_recording = await audit(client, recordingId=rid)
    assert [e["action"] for e in by_recording] == ["play", "secrets_rotated", "share_link_created"]
    assert {e["recordingId"] for e in await audit(client, recordingId=other_rid)} == {other_rid}
    by_action = await audit(client, action="share_link_created")
    assert [e["recordingId"] for e in by_action] == [other_rid, rid]
    assert [e["roomId"] for e in await audit(client, actorKind="admin")] == [
        room["roomId"],
        other["roomId"],
        other["roomId"],
    ]
    combined = await audit(client, actorKind="admin", action="share_link_created")
    assert [e["recordingId"] for e in combined] == [other_rid]
    assert await audit(client, actorKind="member") == []
    assert await audit(client, roomId="Nobody-aaaaaaaaaaaaaaa") == []

    # A page token belongs to its listing: the same filters, or a 422.
    page = (await client.get(AUDIT, params={"roomId": room["roomId"], "maxItems": 1}, headers=KEY)).json()
    token = page["pagination"]["nextPageToken"]
    same = await client.get(
        AUDIT, params={"roomId": room["roomId"], "maxItems": 1, "nextPageToken": token}, headers=KEY
    )
    assert same.status_code == 200
    assert same.json()["entries"][0]["action"] == "secrets_rotated"
    moved = await client.get(AUDIT, params={"roomId": other["roomId"], "nextPageToken": token}, headers=KEY)
    assert_422(moved, "nextPageToken")


async def test_who_may_read_the_trail(client: Any) -> None:
    room = await create_room(client, KEY, "Private")
    moderator = await member(client, room, "moderator", "mallory")
    assert_error(await client.get(AUDIT), 401)
    assert_error(await client.get(AUDIT, headers={"X-API-KEY": "wrong-key-0123456789"}), 401)
    assert_error(await client.get(AUDIT, headers=moderator), 403)
    assert_error(await client.get(AUDIT, params={"roomId": room["roomId"]}, headers=moderator), 403)
    assert_error(await client.get(AUDIT, headers={"x-test-admin": "no"}), 401)
    assert (await client.get(AUDIT, headers=ADMIN)).status_code == 200
    assert (await client.get(AUDIT, headers=OPS)).status_code == 200


async def test_bad_queries_are_a_422(client: Any) -> None:
    await create_room(client, KEY, "Something")
    for params in (
        {"action": "fly"},
        {"action": ""},
        {"action": "PLAY"},
        {"maxItems": "0"},
        {"maxItems": "-3"},
        {"maxItems": "many"},
        {"nextPageToken": "not-a-token"},
        {"actorKind": "x" * 21},
    ):
        assert_422(await client.get(AUDIT, params=params, headers=KEY))
    # Above the cap is not an error: it is the cap.
    capped = await client.get(AUDIT, params={"maxItems": "1000"}, headers=KEY)
    assert capped.json()["pagination"]["maxItems"] == 100


async def test_a_tampered_page_token_is_a_422(client: Any) -> None:
    for n in range(3):
        await create_room(client, KEY, f"Room {n}")
    token = (await client.get(AUDIT, params={"maxItems": 1}, headers=KEY)).json()["pagination"][
        "nextPageToken"
    ]
    assert token
    for tampered in (token[:-2] + ("AA" if not token.endswith("AA") else "BB"), token[1:], token + "x"):
        assert_422(
            await client.get(AUDIT, params={"maxItems": 1, "nextPageToken": tampered}, headers=KEY),
            "nextPageToken",
        )
    # A page token of another listing (rooms) is not one of the audit trail.
    room_token = (await client.get(ROOMS, params={"maxItems": 1}, headers=KEY)).json()["pagination"][
        "nextPageToken"
    ]
    assert_422(await client.get(AUDIT, params={"nextPageToken": room_token}, headers=KEY), "nextPageToken")


async def test_an_audit_write_that_fails_does_not_fail_the_request(
    client: Any, on_app: Any, caplog: pytest.LogCaptureFixture
) -> None:
    """Entries are written after the action succeeded, and never make it fail."""
    from sqlalchemy import text

    runtime = client.app.state["meet_embed"]

    async def drop_trail() -> None:
        async with runtime.db.sessionmaker() as session, session.begin():
            await session.execute(text("DROP TABLE meet_audit_log"))

    await on_app(drop_trail)
    with caplog.at_level("ERROR", logger="meet_embed.audit"):
        response = await client.post(ROOMS, json={"roomName": "Unaudited"}, headers=KEY)
        await asyncio.sleep(0)
    assert response.status_code == 201, response.text
    assert (await client.get(f"{ROOMS}/{response.json()['roomId']}", headers=KEY)).status_code == 200
    assert any("could not write the audit entry room_created" in r.getMessage() for r in caplog.records)
