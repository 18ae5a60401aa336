"""The rooms API under /meet/api/v1/rooms: create, get, list, configure, delete, authentication and the
exchange of a room link's secret for a member token."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import select

from meet_embed import MeetEmbedConfig, create_app
from meet_embed.errors import ConflictError
from meet_embed.recordings.ingest import import_file
from meet_embed.recordings.models import RecordingModel
from meet_embed.rooms.models import RoomModel
from meet_embed.runtime import MeetRuntime
from tests.conftest import API_KEY, OTHER_API_KEY
from tests.helpers import ROOMS, assert_422, assert_error, create_room, on_app_loop, secret_of

Client = AsyncTestClient[Litestar]

DEFAULT_RECORDING = {
    "enabled": True,
    "allowAccessTo": "admin_moderator_speaker",
    "layout": "grid",
    "encoding": "H264_720P_30",
}

ENCODING_OPTIONS: dict[str, Any] = {
    "video": {
        "width": 1280,
        "height": 720,
        "framerate": 30,
        "codec": "H264_MAIN",
        "bitrate": 3000,
        "keyFrameInterval": 4.0,
        "depth": 24,
    },
    "audio": {"codec": "OPUS", "bitrate": 128, "frequency": 44100},
}


async def recordings_of(client: Client, runtime: MeetRuntime, room_id: str) -> list[RecordingModel]:
    async def query() -> list[RecordingModel]:
        async with runtime.db.sessionmaker() as session:
            statement = select(RecordingModel).where(RecordingModel.room_id == room_id)
            return list((await session.scalars(statement)).all())

    return await on_app_loop(client, query)


# -- create ----------------------------------------------------------------------------------------------


async def test_create_room_with_defaults(client: Client, api_headers: dict[str, str]) -> None:
    before = int(time.time() * 1000)
    response = await client.post(ROOMS, json={"roomName": "Daily Standup"}, headers=api_headers)
    assert response.status_code == 201, response.text
    room = response.json()
    room_id = room["roomId"]

    assert room_id.startswith("DailyStandup-")
    assert "--" not in room_id
    assert room["roomName"] == "Daily Standup"
    assert before <= room["creationDate"] <= int(time.time() * 1000)
    assert room["config"] == {"recording": DEFAULT_RECORDING}
    assert response.headers["location"] == f"http://testserver.local/meet/api/v1/rooms/{room_id}"

    page = f"http://testserver.local/meet/room/{room_id}?secret="
    assert room["moderatorUrl"].startswith(page)
    assert room["speakerUrl"].startswith(page)
    moderator, speaker = secret_of(room["moderatorUrl"]), secret_of(room["speakerUrl"])
    assert moderator != speaker
    assert len(moderator) >= 32
    assert len(speaker) >= 32

    # the Location header leads to the room
    fetched = await client.get(response.headers["location"], headers=api_headers)
    assert fetched.status_code == 200
    assert fetched.json()["roomId"] == room_id
    assert fetched.json()["status"] == "open"


async def test_create_response_says_the_room_is_open(client: Client, api_headers: dict[str, str]) -> None:
    room = await create_room(client, api_headers, roomName="Open")
    assert room.get("status") == "open"


async def test_created_rooms_have_distinct_ids_and_secrets(
    client: Client, api_headers: dict[str, str]
) -> None:
    rooms = [await create_room(client, api_headers, roomName="Same name") for _ in range(5)]
    assert len({r["roomId"] for r in rooms}) == 5
    secrets = [secret_of(r[k]) for r in rooms for k in ("moderatorUrl", "speakerUrl")]
    assert len(set(secrets)) == 10


SANITIZED = [
    ("a--b", "a-b-"),
    ("--My  Room!! -- é ünï", "MyRoom-n-"),
    ("---", "room-"),
    ("!!!", "room-"),
    ("under_score", "under_score-"),
    (" padded ", "padded-"),
    ("x" * 200, "x" * 50 + "-"),
]


async def test_room_id_is_sanitized_name_and_never_contains_double_hyphen(
    client: Client, api_headers: dict[str, str]
) -> None:
    for name, prefix in SANITIZED:
        room = await create_room(client, api_headers, roomName=name)
        assert room["roomId"].startswith(prefix), (name, room["roomId"])
        assert "--" not in room["roomId"], name
        assert room["roomName"] == name.strip()
        assert (await client.get(f"{ROOMS}/{room['roomId']}", headers=api_headers)).status_code == 200


async def test_create_without_a_name_uses_room(client: Client, api_headers: dict[str, str]) -> None:
    response = await client.post(ROOMS, json={}, headers=api_headers)
    assert response.status_code == 201
    assert response.json()["roomName"] == "Room"
    assert response.json()["roomId"].startswith("Room-")


async def test_create_with_a_recording_config(client: Client, api_headers: dict[str, str]) -> None:
    recording = {
        "enabled": False,
        "allowAccessTo": "admin_moderator",
        "layout": "speaker",
        "encoding": ENCODING_OPTIONS,
        "maxDuration": 3600,
    }
    room = await create_room(client, api_headers, roomName="Configured", config={"recording": recording})
    assert room["config"]["recording"] == recording
    fetched = (await client.get(f"{ROOMS}/{room['roomId']}", headers=api_headers)).json()
    assert fetched["config"]["recording"] == recording


async def test_create_with_partial_config_keeps_other_defaults(
    client: Client, api_headers: dict[str, str]
) -> None:
    room = await create_room(
        client, api_headers, config={"recording": {"allowAccessTo": "admin"}, "chat": {"enabled": True}}
    )
    assert room["config"]["recording"] == {**DEFAULT_RECORDING, "allowAccessTo": "admin"}


@pytest.fixture
def public_url_config(config_factory: Callable[..., MeetEmbedConfig]) -> MeetEmbedConfig:
    # built outside the test's event loop: with --meet-db=postgres the factory makes a schema with asyncio.run
    return config_factory(public_url="https://app.example.com/")


async def test_public_url_changes_the_links(
    public_url_config: MeetEmbedConfig, api_headers: dict[str, str]
) -> None:
    app = create_app(public_url_config)
    async with AsyncTestClient(app, base_url="http://testserver.local") as client:
        response = await client.post(ROOMS, json={"roomName": "Public"}, headers=api_headers)
    room = response.json()
    room_id = room["roomId"]
    assert response.headers["location"] == f"https://app.example.com/meet/api/v1/rooms/{room_id}"
    assert room["moderatorUrl"].startswith(f"https://app.example.com/meet/room/{room_id}?secret=")
    assert room["speakerUrl"].startswith(f"https://app.example.com/meet/room/{room_id}?secret=")


VIDEO_WITHOUT_AUDIO = {"video": ENCODING_OPTIONS["video"]}
NEGATIVE_BITRATE = {**ENCODING_OPTIONS, "video": {**ENCODING_OPTIONS["video"], "bitrate": -1}}


INVALID_CREATE: list[tuple[dict[str, Any], str]] = [
    ({"config": {"recording": {"allowAccessTo": "everyone"}}}, "allowAccessTo"),
    ({"config": {"recording": {"allowAccessTo": 3}}}, "allowAccessTo"),
    ({"config": {"recording": {"enabled": "yes"}}}, "enabled"),
    ({"config": {"recording": {"layout": "mosaic"}}}, "layout"),
    ({"config": {"recording": {"encoding": "H264_4K"}}}, "encoding"),
    ({"config": {"recording": {"encoding": VIDEO_WITHOUT_AUDIO}}}, "encoding"),
    ({"config": {"recording": {"encoding": NEGATIVE_BITRATE}}}, "bitrate"),
    ({"config": {"recording": {"maxDuration": 0}}}, "maxDuration"),
    ({"config": {"recording": {"maxDuration": -5}}}, "maxDuration"),
    ({"config": {"recording": "on"}}, "recording"),
    ({"config": None}, "config"),
    ({"roomName": 5}, "roomName"),
    ({"roomName": None}, "roomName"),
    ({"roomName": ""}, "roomName"),
    ({"roomName": "   "}, "roomName"),
    ({"roomName": "x" * 201}, "roomName"),
]


async def test_create_rejects_invalid_input_with_422(client: Client, api_headers: dict[str, str]) -> None:
    for body, field in INVALID_CREATE:
        assert_422(await client.post(ROOMS, json=body, headers=api_headers), field)
    listed = await client.get(ROOMS, headers=api_headers)
    assert listed.json()["rooms"] == []


@pytest.mark.parametrize(
    ("recording", "field"),
    [
        ({"enabled": 1}, "enabled"),
        ({"enabled": "true"}, "enabled"),
        ({"enabled": "0"}, "enabled"),
        ({"maxDuration": "60"}, "maxDuration"),
    ],
)
async def test_create_rejects_values_of_the_wrong_json_type(
    client: Client, api_headers: dict[str, str], recording: dict[str, Any], field: str
) -> None:
    response = await client.post(ROOMS, json={"config": {"recording": recording}}, headers=api_headers)
    assert_422(response, field)


async def test_room_name_of_200_characters_is_accepted(client: Client, api_headers: dict[str, str]) -> None:
    room = await create_room(client, api_headers, roomName="n" * 200)
    assert room["roomName"] == "n" * 200


async def test_malformed_json_is_a_client_error(client: Client, api_headers: dict[str, str]) -> None:
    for raw in [b"{bad json", b'{"roomName": "x"', b"", b"\xff\xfe", b"null", b"nul"]:
        response = await client.post(
            ROOMS, content=raw, headers={**api_headers, "content-type": "application/json"}
        )
        assert 400 <= response.status_code < 500, (raw, response.text)
        assert_error(response, response.status_code)
    assert (await client.get(ROOMS, headers=api_headers)).json()["rooms"] == []


async def test_json_array_body_is_a_422(client: Client, api_headers: dict[str, str]) -> None:
    assert_422(await client.post(ROOMS, json=[{"roomName": "x"}], headers=api_headers))


# -- get ---------------------------------------------------------------------------------------------------


async def test_get_room(client: Client, api_headers: dict[str, str]) -> None:
    room = await create_room(client, api_headers, roomName="Fetch me")
    response = await client.get(f"{ROOMS}/{room['roomId']}", headers=api_headers)
    assert response.status_code == 200
    assert response.json() == {**room, "status": "open"}


async def test_get_unknown_room_is_404_room_error(client: Client, api_headers: dict[str, str]) -> None:
    body = assert_error(await client.get(f"{ROOMS}/no_such_room-abc", headers=api_headers), 404, "Room Error")
    assert "no_such_room-abc" in body["message"]


MALFORMED_ROOM_IDS = ["a--b", "%2E%2E", "x" * 101, "a%20b", "-a", "a-", "r%00m", "caf%C3%A9"]


async def test_get_malformed_room_id_is_422(client: Client, api_headers: dict[str, str]) -> None:
    for room_id in MALFORMED_ROOM_IDS:
        assert_422(await client.get(f"{ROOMS}/{room_id}", headers=api_headers), "roomId")
    # the longest well-formed id is merely unknown
    assert_error(await client.get(f"{ROOMS}/{'x' * 100}", headers=api_headers), 404, "Room Error")


# -- list --------------------------------------------------------------------------------------------------


async def test_list_walks_every_page_without_duplicates_or_gaps(
    client: Client, api_headers: dict[str, str]
) -> None:
    created = [await create_room(client, api_headers, roomName=f"Room {i:02d}") for i in range(25)]
    expected = [
        r["roomId"] for r in sorted(created, key=lambda r: (r["creationDate"], r["roomId"]), reverse=True)
    ]

    seen: list[str] = []
    pages = 0
    token: str | None = None
    while True:
        params: dict[str, Any] = {"maxItems": 10}
        if token:
            params["nextPageToken"] = token
        response = await client.get(ROOMS, params=params, headers=api_headers)
        assert response.status_code == 200, response.text
        body = response.json()
        pages += 1
        pagination = body["pagination"]
        assert pagination["maxItems"] == 10
        seen += [r["roomId"] for r in body["rooms"]]
        if pages < 3:
            assert len(body["rooms"]) == 10
            assert pagination["isTruncated"] is True
            token = pagination["nextPageToken"]
            assert token
        else:
            assert len(body["rooms"]) == 5
            assert pagination["isTruncated"] is False
            assert "nextPageToken" not in pagination or pagination["nextPageToken"] is None
            break

    assert seen == expected  # newest first, no duplicates, no gaps
    dates = [
        r["creationDate"]
        for r in (await client.get(ROOMS, params={"maxItems": 100}, headers=api_headers)).json()["rooms"]
    ]
    assert dates == sorted(dates, reverse=True)


async def test_list_pages_across_rooms_created_in_the_same_millisecond(
    client: Client, api_headers: dict[str, str], runtime: MeetRuntime
) -> None:
    async def insert_ties() -> None:
        async with runtime.db.sessionmaker() as session:
            for i in range(7):
                session.add(
                    RoomModel(
                        room_id=f"tie-{i}",
                        room_name=f"Tie {i}",
                        creation_date=1_700_000_000_000,
                        moderator_secret=f"mod-secret-{i:02d}-xxxxxxxxxxxx",
                        speaker_secret=f"spk-secret-{i:02d}-xxxxxxxxxxxx",
                    )
                )
            await session.commit()

    await on_app_loop(client, insert_ties)
    seen: list[str] = []
    params: dict[str, Any] = {"maxItems": 2}
    while True:
        body = (await client.get(ROOMS, params=params, headers=api_headers)).json()
        seen += [r["roomId"] for r in body["rooms"]]
        if not body["pagination"]["isTruncated"]:
            break
        params["nextPageToken"] = body["pagination"]["nextPageToken"]
    assert sorted(seen) == [f"tie-{i}" for i in range(7)]
    assert len(seen) == 7


async def test_list_is_empty_at_first(client: Client, api_headers: dict[str, str]) -> None:
    body = (await client.get(ROOMS, headers=api_headers)).json()
    assert body["rooms"] == []
    assert body["pagination"]["isTruncated"] is False
    assert body["pagination"]["maxItems"] == 10


async def test_list_invalid_max_items_is_422(client: Client, api_headers: dict[str, str]) -> None:
    for max_items in ["0", "-1", "abc", "nan", "-0.5", "0.5"]:
        assert_422(await client.get(ROOMS, params={"maxItems": max_items}, headers=api_headers), "maxItems")


async def test_list_max_items_is_capped_and_floored(client: Client, api_headers: dict[str, str]) -> None:
    for i in range(4):
        await create_room(client, api_headers, roomName=f"R{i}")
    for max_items, effective in [("101", 100), ("1000", 100), ("3.5", 3), ("1", 1)]:
        body = (await client.get(ROOMS, params={"maxItems": max_items}, headers=api_headers)).json()
        assert body["pagination"]["maxItems"] == effective, max_items
        assert len(body["rooms"]) == min(effective, 4), max_items
        assert body["pagination"]["isTruncated"] is (effective < 4), max_items
    # An empty maxItems is not "the default": the reference reads it as 0, a 422.
    empty = await client.get(ROOMS, params={"maxItems": ""}, headers=api_headers)
    assert empty.status_code == 422, empty.text


async def test_list_tampered_page_token_is_422(client: Client, api_headers: dict[str, str]) -> None:
    for token in ["abc", "abc.def", "not-a-token", "x" * 3000, "eyJhIjoxfQ.AAAAAAAAAAAAAAAAAAAAAAAA"]:
        response = await client.get(ROOMS, params={"nextPageToken": token}, headers=api_headers)
        assert response.status_code == 422, (token, response.text)
        assert_error(response, 422, "Unprocessable Entity")


async def test_list_modified_page_token_is_422(client: Client, api_headers: dict[str, str]) -> None:
    for i in range(3):
        await create_room(client, api_headers, roomName=f"R{i}")
    token = (await client.get(ROOMS, params={"maxItems": 1}, headers=api_headers)).json()["pagination"][
        "nextPageToken"
    ]
    body, mac = token.split(".")
    flipped = body[:-2] + ("A" if body[-2] != "A" else "B") + body[-1]
    assert_422(
        await client.get(ROOMS, params={"nextPageToken": f"{flipped}.{mac}"}, headers=api_headers),
        "nextPageToken",
    )


async def test_page_token_of_another_filter_is_422(client: Client, api_headers: dict[str, str]) -> None:
    for i in range(3):
        await create_room(client, api_headers, roomName=f"Team {i}")
    token = (await client.get(ROOMS, params={"maxItems": 1, "roomName": "team"}, headers=api_headers)).json()[
        "pagination"
    ]["nextPageToken"]
    assert_422(await client.get(ROOMS, params={"nextPageToken": token}, headers=api_headers), "nextPageToken")
    ok = await client.get(ROOMS, params={"nextPageToken": token, "roomName": "team"}, headers=api_headers)
    assert ok.status_code == 200


async def test_list_room_name_filter_is_a_case_insensitive_substring(
    client: Client, api_headers: dict[str, str]
) -> None:
    names = ["Alpha Team", "alpha beta", "Gamma", "100% done", "100 percent", "under_score", "underXscore"]
    for name in names:
        await create_room(client, api_headers, roomName=name)

    async def names_for(query: str) -> set[str]:
        response = await client.get(ROOMS, params={"roomName": query, "maxItems": 100}, headers=api_headers)
        assert response.status_code == 200
        return {r["roomName"] for r in response.json()["rooms"]}

    assert await names_for("ALPHA") == {"Alpha Team", "alpha beta"}
    assert await names_for("team") == {"Alpha Team"}
    assert await names_for("%") == {"100% done"}
    assert await names_for("_") == {"under_score"}
    assert await names_for("r_s") == {"under_score"}
    assert await names_for("0%") == {"100% done"}
    assert await names_for("nothing like it") == set()
    assert await names_for("\\") == set()


# -- update config ---------------------------------------------------------------------------------------


async def test_update_only_allow_access_to_keeps_the_rest(
    client: Client, api_headers: dict[str, str]
) -> None:
    room = await create_room(
        client, api_headers, config={"recording": {"layout": "speaker", "maxDuration": 60}}
    )
    response = await client.put(
        f"{ROOMS}/{room['roomId']}/config",
        json={"config": {"recording": {"allowAccessTo": "admin"}}},
        headers=api_headers,
    )
    assert response.status_code == 200, response.text
    expected = {**DEFAULT_RECORDING, "layout": "speaker", "maxDuration": 60, "allowAccessTo": "admin"}
    assert response.json()["config"]["recording"] == expected
    fetched = (await client.get(f"{ROOMS}/{room['roomId']}", headers=api_headers)).json()
    assert fetched["config"]["recording"] == expected
    # the links do not change
    assert fetched["moderatorUrl"] == room["moderatorUrl"]
    assert fetched["speakerUrl"] == room["speakerUrl"]


async def test_update_only_enabled_keeps_allow_access_to(client: Client, api_headers: dict[str, str]) -> None:
    room = await create_room(client, api_headers, config={"recording": {"allowAccessTo": "admin_moderator"}})
    response = await client.put(
        f"{ROOMS}/{room['roomId']}/config",
        json={"config": {"recording": {"enabled": False}}},
        headers=api_headers,
    )
    assert response.status_code == 200
    assert response.json()["config"]["recording"] == {
        **DEFAULT_RECORDING,
        "enabled": False,
        "allowAccessTo": "admin_moderator",
    }


async def test_update_encoding_and_clear_max_duration(client: Client, api_headers: dict[str, str]) -> None:
    room = await create_room(client, api_headers, config={"recording": {"maxDuration": 60}})
    url = f"{ROOMS}/{room['roomId']}/config"
    response = await client.put(
        url, json={"config": {"recording": {"encoding": ENCODING_OPTIONS}}}, headers=api_headers
    )
    assert response.json()["config"]["recording"]["encoding"] == ENCODING_OPTIONS
    assert response.json()["config"]["recording"]["maxDuration"] == 60
    response = await client.put(
        url, json={"config": {"recording": {"maxDuration": None}}}, headers=api_headers
    )
    assert "maxDuration" not in response.json()["config"]["recording"]
    assert response.json()["config"]["recording"]["encoding"] == ENCODING_OPTIONS


async def test_update_with_nothing_to_change_changes_nothing(
    client: Client, api_headers: dict[str, str]
) -> None:
    room = await create_room(client, api_headers)
    response = await client.put(f"{ROOMS}/{room['roomId']}/config", json={"config": {}}, headers=api_headers)
    assert response.status_code == 200
    assert response.json()["config"] == room["config"]


async def test_update_invalid_config_is_422_and_changes_nothing(
    client: Client, api_headers: dict[str, str]
) -> None:
    room = await create_room(client, api_headers)
    for body, field in [
        ({"config": {"recording": {"allowAccessTo": "everyone"}}}, "allowAccessTo"),
        ({"config": {"recording": {"enabled": "no"}}}, "enabled"),
        ({"config": {"recording": {"maxDuration": 0}}}, "maxDuration"),
        ({"config": {"recording": {"encoding": VIDEO_WITHOUT_AUDIO}}}, "encoding"),
        ({"config": {"recording": {"allowAccessTo": "admin", "layout": "nope"}}}, "layout"),
        ({"config": "x"}, "config"),
        ({}, ""),
    ]:
        response = await client.put(f"{ROOMS}/{room['roomId']}/config", json=body, headers=api_headers)
        assert_422(response, field)
    fetched = (await client.get(f"{ROOMS}/{room['roomId']}", headers=api_headers)).json()
    assert fetched["config"] == room["config"]  # not even the valid part of a refused update applied


async def test_an_unknown_recording_setting_is_a_422_naming_it(
    client: Client, api_headers: dict[str, str]
) -> None:
    room = await create_room(client, api_headers)
    url = f"{ROOMS}/{room['roomId']}/config"
    for recording, field in [
        ({"bogus": 1}, "config.recording.bogus"),
        ({"enabled": False, "allowAcessTo": "admin"}, "config.recording.allowAcessTo"),  # misspelt
    ]:
        response = await client.put(url, json={"config": {"recording": recording}}, headers=api_headers)
        body = assert_422(response)
        assert body["details"] == [{"field": field, "message": "is not a known field"}]
    created = await client.post(
        ROOMS, json={"roomName": "Typo", "config": {"recording": {"bogus": 1}}}, headers=api_headers
    )
    assert_422(created, "config.recording.bogus")
    fetched = (await client.get(f"{ROOMS}/{room['roomId']}", headers=api_headers)).json()
    assert fetched["config"] == room["config"]


async def test_missing_config_names_the_missing_field(client: Client, api_headers: dict[str, str]) -> None:
    room = await create_room(client, api_headers)
    body = assert_422(await client.put(f"{ROOMS}/{room['roomId']}/config", json={}, headers=api_headers))
    assert [d["field"] for d in body["details"]] == ["config"]


async def test_update_unknown_room_is_404(client: Client, api_headers: dict[str, str]) -> None:
    response = await client.put(
        f"{ROOMS}/no_such_room/config",
        json={"config": {"recording": {"enabled": False}}},
        headers=api_headers,
    )
    assert_error(response, 404, "Room Error")


async def test_update_malformed_room_id_is_422(client: Client, api_headers: dict[str, str]) -> None:
    response = await client.put(
        f"{ROOMS}/a--b/config", json={"config": {"recording": {"enabled": False}}}, headers=api_headers
    )
    assert_422(response, "roomId")


# -- delete ----------------------------------------------------------------------------------------------


async def test_delete_room_without_recordings(client: Client, api_headers: dict[str, str]) -> None:
    room = await create_room(client, api_headers)
    response = await client.delete(f"{ROOMS}/{room['roomId']}", headers=api_headers)
    assert response.status_code == 200, response.text
    assert room["roomId"] in response.json()["message"]
    assert_error(await client.get(f"{ROOMS}/{room['roomId']}", headers=api_headers), 404, "Room Error")
    assert (await client.get(ROOMS, headers=api_headers)).json()["rooms"] == []
    # deleting it again: it is gone
    assert_error(await client.delete(f"{ROOMS}/{room['roomId']}", headers=api_headers), 404, "Room Error")


async def test_delete_room_without_recordings_under_any_policy(
    client: Client, api_headers: dict[str, str]
) -> None:
    for policy in ["fail", "close", "keep", "force", "delete"]:
        room = await create_room(client, api_headers)
        response = await client.delete(
            f"{ROOMS}/{room['roomId']}?withRecordings={policy}", headers=api_headers
        )
        assert response.status_code == 200, policy
        assert_error(await client.get(f"{ROOMS}/{room['roomId']}", headers=api_headers), 404, "Room Error")


async def _room_with_recordings(
    client: Client, api_headers: dict[str, str], runtime: MeetRuntime, media_copy: Callable[[str], Path]
) -> tuple[dict[str, Any], list[RecordingModel]]:
    room = await create_room(client, api_headers, roomName="With recordings")
    await on_app_loop(client, import_file, runtime, room["roomId"], media_copy("mp4_3s"))
    await on_app_loop(client, import_file, runtime, room["roomId"], media_copy("mp4_2s_small"))
    rows = await recordings_of(client, runtime, room["roomId"])
    assert len(rows) == 2
    for row in rows:
        assert row.media_key
        assert row.poster_key
        assert await runtime.store.exists(row.media_key)
        assert await runtime.store.exists(row.poster_key)
    return room, rows


async def test_delete_room_with_recordings_fails_by_default(
    client: Client, api_headers: dict[str, str], runtime: MeetRuntime, media_copy: Callable[[str], Path]
) -> None:
    room, rows = await _room_with_recordings(client, api_headers, runtime, media_copy)
    for query in ["", "?withRecordings=fail", "?withRecordings="]:
        response = await client.delete(f"{ROOMS}/{room['roomId']}{query}", headers=api_headers)
        body = assert_error(response, 409, "Room Error")
        assert "withRecordings" in body["message"]
    # nothing changed
    fetched = await client.get(f"{ROOMS}/{room['roomId']}", headers=api_headers)
    assert fetched.status_code == 200
    assert fetched.json()["status"] == "open"
    assert fetched.json()["config"]["recording"]["enabled"] is True
    assert len(await recordings_of(client, runtime, room["roomId"])) == 2
    for row in rows:
        assert await runtime.store.exists(row.media_key)  # type: ignore[arg-type]


@pytest.mark.parametrize("policy", ["close", "keep"])
async def test_delete_room_with_recordings_close_keeps_them(
    client: Client,
    api_headers: dict[str, str],
    runtime: MeetRuntime,
    media_copy: Callable[[str], Path],
    policy: str,
) -> None:
    room, rows = await _room_with_recordings(client, api_headers, runtime, media_copy)
    response = await client.delete(f"{ROOMS}/{room['roomId']}?withRecordings={policy}", headers=api_headers)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["room"]["roomId"] == room["roomId"]
    assert body["room"]["status"] == "closed"

    fetched = await client.get(f"{ROOMS}/{room['roomId']}", headers=api_headers)
    assert fetched.status_code == 200
    assert fetched.json()["status"] == "closed"
    assert fetched.json()["config"]["recording"]["enabled"] is False
    kept = await recordings_of(client, runtime, room["roomId"])
    assert {r.recording_id for r in kept} == {r.recording_id for r in rows}
    for row in rows:
        assert await runtime.store.exists(row.media_key)  # type: ignore[arg-type]
        assert await runtime.store.exists(row.poster_key)  # type: ignore[arg-type]
    # a closed room takes no new recordings
    with pytest.raises(ConflictError):
        await on_app_loop(client, import_file, runtime, room["roomId"], media_copy("mp4_3s"))


@pytest.mark.parametrize("policy", ["force", "delete"])
async def test_delete_room_with_recordings_force_deletes_them_and_their_media(
    client: Client,
    api_headers: dict[str, str],
    runtime: MeetRuntime,
    media_copy: Callable[[str], Path],
    policy: str,
) -> None:
    room, rows = await _room_with_recordings(client, api_headers, runtime, media_copy)
    response = await client.delete(f"{ROOMS}/{room['roomId']}?withRecordings={policy}", headers=api_headers)
    assert response.status_code == 200, response.text
    assert_error(await client.get(f"{ROOMS}/{room['roomId']}", headers=api_headers), 404, "Room Error")
    assert await recordings_of(client, runtime, room["roomId"]) == []
    for row in rows:
        assert not await runtime.store.exists(row.media_key)  # type: ignore[arg-type]
        assert not await runtime.store.exists(row.poster_key)  # type: ignore[arg-type]
    assert await runtime.store.list_keys(f"recordings/{room['roomId']}") == []


async def test_force_delete_of_a_closed_room(
    client: Client, api_headers: dict[str, str], runtime: MeetRuntime, media_copy: Callable[[str], Path]
) -> None:
    room, rows = await _room_with_recordings(client, api_headers, runtime, media_copy)
    await client.delete(f"{ROOMS}/{room['roomId']}?withRecordings=close", headers=api_headers)
    response = await client.delete(f"{ROOMS}/{room['roomId']}?withRecordings=force", headers=api_headers)
    assert response.status_code == 200, response.text
    assert_error(await client.get(f"{ROOMS}/{room['roomId']}", headers=api_headers), 404, "Room Error")
    for row in rows:
        assert not await runtime.store.exists(row.media_key)  # type: ignore[arg-type]


async def test_delete_with_an_invalid_policy_is_422(client: Client, api_headers: dict[str, str]) -> None:
    room = await create_room(client, api_headers)
    for policy in ["nuke", "FORCE", "true", "1"]:
        assert_422(
            await client.delete(f"{ROOMS}/{room['roomId']}?withRecordings={policy}", headers=api_headers),
            "withRecordings",
        )
    assert (await client.get(f"{ROOMS}/{room['roomId']}", headers=api_headers)).status_code == 200


async def test_delete_unknown_or_malformed_room(client: Client, api_headers: dict[str, str]) -> None:
    assert_error(await client.delete(f"{ROOMS}/no_such_room", headers=api_headers), 404, "Room Error")
    assert_422(await client.delete(f"{ROOMS}/a--b", headers=api_headers), "roomId")


# -- authentication ---------------------------------------------------------------------------------------


def _endpoints(room_id: str) -> list[tuple[str, str, dict[str, Any] | None]]:
    return [
        ("POST", ROOMS, {"roomName": "x"}),
        ("GET", ROOMS, None),
        ("GET", f"{ROOMS}/{room_id}", None),
        ("PUT", f"{ROOMS}/{room_id}/config", {"config": {"recording": {"enabled": False}}}),
        ("DELETE", f"{ROOMS}/{room_id}", None),
    ]


WRONG_CREDENTIALS = [
    {"X-API-KEY": "wrong-key-0123456789"},
    {"X-API-KEY": ""},
    {"X-API-KEY": API_KEY[:-1]},
    {"X-API-KEY": API_KEY + "x"},
    {"X-Room-Member-Token": "not-a-jwt"},
    {"Authorization": "Bearer not-a-jwt"},
]


async def test_rooms_endpoints_need_credentials(client: Client, api_headers: dict[str, str]) -> None:
    room = await create_room(client, api_headers)
    for method, url, body in _endpoints(room["roomId"]):
        response = await client.request(method, url, json=body)
        assert_error(response, 401, "Authentication Error")
        assert response.json()["message"] == "Unauthorized"


async def test_rooms_endpoints_refuse_wrong_credentials(client: Client, api_headers: dict[str, str]) -> None:
    room = await create_room(client, api_headers)
    for method, url, body in _endpoints(room["roomId"]):
        for headers in WRONG_CREDENTIALS:
            response = await client.request(method, url, json=body, headers=headers)
            assert_error(response, 401, "Authentication Error")
    # nothing happened
    assert (await client.get(f"{ROOMS}/{room['roomId']}", headers=api_headers)).json()["config"] == room[
        "config"
    ]
    assert len((await client.get(ROOMS, headers=api_headers)).json()["rooms"]) == 1


async def test_rooms_endpoints_accept_the_second_api_key(client: Client, api_headers: dict[str, str]) -> None:
    room = await create_room(client, api_headers)
    for method, url, body in _endpoints(room["roomId"]):
        response = await client.request(method, url, json=body, headers={"X-API-KEY": OTHER_API_KEY})
        assert response.status_code in (200, 201), (method, url, response.text)
    assert_error(await client.get(f"{ROOMS}/{room['roomId']}", headers=api_headers), 404, "Room Error")


async def test_member_tokens_cannot_manage_rooms(
    client: Client, api_headers: dict[str, str], runtime: MeetRuntime
) -> None:
    room = await create_room(client, api_headers)
    for role in ("moderator", "speaker"):
        token = runtime.tokens.mint(room["roomId"], role)  # type: ignore[arg-type]
        for headers in ({"X-Room-Member-Token": token}, {"Authorization": f"Bearer {token}"}):
            for method, url, body in _endpoints(room["roomId"]):
                response = await client.request(method, url, json=body, headers=headers)
                assert_error(response, 403, "Authorization Error")
    assert (await client.get(f"{ROOMS}/{room['roomId']}", headers=api_headers)).json()["config"] == room[
        "config"
    ]
    assert len((await client.get(ROOMS, headers=api_headers)).json()["rooms"]) == 1


async def test_a_wrong_api_key_is_refused_even_with_a_valid_member_token(
    client: Client, api_headers: dict[str, str], runtime: MeetRuntime
) -> None:
    room = await create_room(client, api_headers)
    headers = {
        "X-API-KEY": "wrong-key-0123456789",
        "X-Room-Member-Token": runtime.tokens.mint(room["roomId"], "moderator"),
    }
    assert_error(await client.get(ROOMS, headers=headers), 401, "Authentication Error")


async def test_expired_member_token_is_401(
    client: Client, api_headers: dict[str, str], runtime: MeetRuntime
) -> None:
    room = await create_room(client, api_headers)
    token = runtime.tokens.mint(room["roomId"], "moderator", ttl=-60)
    assert_error(await client.get(ROOMS, headers={"X-Room-Member-Token": token}), 401, "Authentication Error")


async def test_api_key_surrounding_whitespace_is_tolerated(
    client: Client, api_headers: dict[str, str]
) -> None:
    response = await client.get(ROOMS, headers={"X-API-KEY": f"  {api_headers['X-API-KEY']} "})
    assert response.status_code == 200


# -- member token exchange -------------------------------------------------------------------------------


@pytest.mark.parametrize(("link", "role"), [("moderatorUrl", "moderator"), ("speakerUrl", "speaker")])
async def test_link_secret_is_exchanged_for_a_member_token(
    client: Client, api_headers: dict[str, str], runtime: MeetRuntime, link: str, role: str
) -> None:
    room = await create_room(client, api_headers)
    before = int(time.time())
    response = await client.post(
        f"{ROOMS}/{room['roomId']}/token",
        json={"secret": secret_of(room[link]), "participantName": "Ada", "participantIdentity": "ada-1"},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["role"] == role
    assert body["roomId"] == room["roomId"]
    claims = runtime.tokens.verify_sync(body["token"])
    assert claims.room_id == room["roomId"]
    assert claims.role == role
    assert claims.identity == "ada-1"
    assert claims.name == "Ada"
    assert body["expiresAt"] == claims.expires_at * 1000
    assert before + 7200 <= claims.expires_at <= int(time.time()) + 7200


async def test_token_without_identity_gets_one(
    client: Client, api_headers: dict[str, str], runtime: MeetRuntime
) -> None:
    room = await create_room(client, api_headers)
    response = await client.post(
        f"{ROOMS}/{room['roomId']}/token", json={"secret": secret_of(room["speakerUrl"])}
    )
    claims = runtime.tokens.verify_sync(response.json()["token"])
    assert claims.role == "speaker"
    assert claims.identity


@pytest.fixture
def short_token_config(config_factory: Callable[..., MeetEmbedConfig]) -> MeetEmbedConfig:
    return config_factory(member_token_ttl=60)


async def test_token_lifetime_follows_the_config(
    short_token_config: MeetEmbedConfig, api_headers: dict[str, str]
) -> None:
    app = create_app(short_token_config)
    async with AsyncTestClient(app, base_url="http://testserver.local") as client:
        room = await create_room(client, api_headers)
        response = await client.post(
            f"{ROOMS}/{room['roomId']}/token", json={"secret": secret_of(room["moderatorUrl"])}
        )
    expires = response.json()["expiresAt"] // 1000
    assert abs(expires - (time.time() + 60)) < 10


async def test_secret_of_another_room_is_refused(client: Client, api_headers: dict[str, str]) -> None:
    first = await create_room(client, api_headers)
    second = await create_room(client, api_headers)
    response = await client.post(
        f"{ROOMS}/{first['roomId']}/token", json={"secret": secret_of(second["moderatorUrl"])}
    )
    assert_error(response, 400, "Room Error")


async def test_unknown_secret_is_400_room_error(client: Client, api_headers: dict[str, str]) -> None:
    room = await create_room(client, api_headers)
    moderator = secret_of(room["moderatorUrl"])
    for secret in [
        "wrong-secret-value-0123456789",
        "x",
        "a" * 256,
        "../../etc",
        "ü" * 20,
        moderator[:-1],
    ]:
        response = await client.post(f"{ROOMS}/{room['roomId']}/token", json={"secret": secret})
        assert_error(response, 400, "Room Error")
    # An empty secret is no secret at all: a 422 (see test_reference_compat).
    response = await client.post(f"{ROOMS}/{room['roomId']}/token", json={"secret": ""})
    assert_error(response, 422, "Unprocessable Entity")


async def test_token_for_unknown_room_is_404(client: Client) -> None:
    response = await client.post(f"{ROOMS}/no_such_room/token", json={"secret": "a-well-formed-secret-123"})
    assert_error(response, 404, "Room Error")


async def test_token_for_malformed_room_id_is_422(client: Client) -> None:
    assert_422(
        await client.post(f"{ROOMS}/a--b/token", json={"secret": "a-well-formed-secret-123"}), "roomId"
    )


async def test_token_with_malformed_body_is_a_client_error(
    client: Client, api_headers: dict[str, str]
) -> None:
    room = await create_room(client, api_headers)
    bodies = [
        b"{",
        b"",
        b"[]",
        b'{"secret": 5}',
        b"{}",
        b'{"secret": "%s"}' % (b"a" * 300),
        b'{"secret": null}',
    ]
    for body in bodies:
        response = await client.post(
            f"{ROOMS}/{room['roomId']}/token", content=body, headers={"content-type": "application/json"}
        )
        assert 400 <= response.status_code < 500, (body, response.text)
        assert_error(response, response.status_code)


async def test_a_deleted_rooms_secret_no_longer_works(client: Client, api_headers: dict[str, str]) -> None:
    room = await create_room(client, api_headers)
    await client.delete(f"{ROOMS}/{room['roomId']}", headers=api_headers)
    response = await client.post(
        f"{ROOMS}/{room['roomId']}/token", json={"secret": secret_of(room["moderatorUrl"])}
    )
    assert_error(response, 404, "Room Error")


# -- the API's error format everywhere -------------------------------------------------------------------


async def test_unknown_api_path_answers_in_the_api_format(
    client: Client, api_headers: dict[str, str]
) -> None:
    assert_error(await client.get("/meet/api/v1/no-such-endpoint", headers=api_headers), 404)


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [("PATCH", ROOMS, 405), ("GET", f"{ROOMS}/some-room/unknown", 404), ("GET", "/meet/api/v1", 404)],
)
async def test_routing_errors_answer_in_the_api_format(
    client: Client, api_headers: dict[str, str], method: str, path: str, status: int
) -> None:
    assert_error(await client.request(method, path, headers=api_headers), status)
