"""GET and DELETE /recordings/{id}; bulk DELETE /recordings?recordingIds=."""

from __future__ import annotations

import random
import string
from typing import Any
from urllib.parse import quote

import pytest

from meet_embed.storage import keys
from meet_embed.storage.janitor import purge_pending
from tests.recordings_support import (
    RECORDINGS,
    T0,
    WIRE_FIELDS,
    assert_422,
    assert_error,
    create_room,
    import_recording,
    in_app,
    insert_rows,
    make_row,
    pending_deletions,
    row_exists,
)

MISSING = "nowhere-abc--EG_0123456789ab--zzzzzzzzzz"

MALFORMED_IDS = {
    "one part": "justonepart",
    "two parts": "room--EG_abc",
    "four parts": "room--EG_abc--uid--more",
    "part 1 not EG_": "room--XX_abc--uid",
    "part 1 lower-case eg_": "room--eg_abc--uid",
    "part 1 only EG_": "room--EG_--uid",
    "empty part 0": "--EG_abc--uid",
    "empty part 1": "room----uid",
    "empty part 2": "room--EG_abc--",
    "dot-dot room": "..--EG_abc--uid",
    "dot-dot uid": "room--EG_abc--..",
    "dot-dot inside": "ro..om--EG_abc--uid",
    "backslash": "room\\x--EG_abc--uid",
    "nul": "room%00--EG_abc--uid",
    "space inside": "ro%20om--EG_abc--uid",
    "too long": "r" * 190 + "--EG_abc--uid",
    "three hyphens": "room---EG_abc--uid",
}


@pytest.fixture
async def recording(client: Any, api_headers: dict[str, str], media_copy: Any) -> Any:
    room = await create_room(client, api_headers, "Get and delete")
    return await import_recording(client, room["roomId"], media_copy("mp4_3s"), start_date=T0)


# -- GET -----------------------------------------------------------------------------------------------


async def test_get(client: Any, api_headers: dict[str, str], recording: Any, media_files: Any) -> None:
    response = await client.get(f"{RECORDINGS}/{recording.recording_id}", headers=api_headers)
    assert response.status_code == 200
    body = response.json()
    assert set(body) <= WIRE_FIELDS
    assert {"recordingId", "roomId", "roomName", "status", "filename", "startDate", "endDate"} <= set(body)
    assert body["recordingId"] == recording.recording_id
    assert body["roomId"] == recording.room_id
    assert body["roomName"] == "Get and delete"
    assert body["status"] == "complete"
    assert body["startDate"] == T0
    assert body["size"] == media_files["mp4_3s"].stat().st_size
    assert 2.8 < body["duration"] < 3.3
    assert body["layout"] == "grid"
    assert body["encoding"] == "H264_720P_30"
    # The same item as in the listing.
    listed = (await client.get(RECORDINGS, headers=api_headers)).json()["recordings"]
    assert listed == [body]


async def test_get_requires_credentials(client: Any, recording: Any) -> None:
    response = await client.get(f"{RECORDINGS}/{recording.recording_id}")
    assert_error(response, 401)
    response = await client.get(f"{RECORDINGS}/{recording.recording_id}", headers={"X-API-KEY": "wrong"})
    assert_error(response, 401)


async def test_get_not_found(client: Any, api_headers: dict[str, str]) -> None:
    response = await client.get(f"{RECORDINGS}/{MISSING}", headers=api_headers)
    assert response.status_code == 404
    assert response.json() == {"error": "Recording Error", "message": f"Recording '{MISSING}' not found"}


@pytest.mark.parametrize("method", ["GET", "DELETE"])
async def test_malformed_id(client: Any, api_headers: dict[str, str], method: str) -> None:
    for rule, raw in MALFORMED_IDS.items():
        response = await client.request(method, f"{RECORDINGS}/{raw}", headers=api_headers)
        assert response.status_code == 422, (rule, response.status_code, response.text)
        body = assert_422(response, "recordingId")
        assert body["details"][0]["message"] == "recordingId does not follow the expected format", rule


async def test_id_whitespace_is_trimmed(client: Any, api_headers: dict[str, str], recording: Any) -> None:
    rid = recording.recording_id
    for raw in (f"%20{rid}", f"{rid}%20%20", f"%20%09{rid}%0A"):
        response = await client.get(f"{RECORDINGS}/{raw}", headers=api_headers)
        assert response.status_code == 200, (raw, response.text)
        assert response.json()["recordingId"] == rid
    # Not found messages name the trimmed id.
    response = await client.get(f"{RECORDINGS}/%20{MISSING}%20", headers=api_headers)
    assert response.json()["message"] == f"Recording '{MISSING}' not found"


# -- DELETE --------------------------------------------------------------------------------------------


async def test_delete(client: Any, api_headers: dict[str, str], runtime: Any, recording: Any) -> None:
    rid, room_id = recording.recording_id, recording.room_id
    store = runtime.store
    chunk_keys = [keys.chunk_key(room_id, rid, seq) for seq in range(3)]
    for key in chunk_keys:
        await store.put(key, b"leftover chunk")
    assert recording.poster_key
    for key in (recording.media_key, recording.poster_key, *chunk_keys):
        assert await store.exists(key), key

    response = await client.delete(f"{RECORDINGS}/{rid}", headers=api_headers)
    assert response.status_code == 200
    assert response.json() == {"message": f"Recording '{rid}' deleted successfully"}

    assert_error(await client.get(f"{RECORDINGS}/{rid}", headers=api_headers), 404, "Recording Error")
    assert_error(await client.delete(f"{RECORDINGS}/{rid}", headers=api_headers), 404, "Recording Error")
    for key in (recording.media_key, recording.poster_key, *chunk_keys):
        assert not await store.exists(key), key
    assert await store.list_keys(keys.chunks_prefix(room_id, rid)) == []
    assert await store.list_keys(keys.room_prefix(room_id)) == []
    assert await pending_deletions(client) == []


async def test_delete_keeps_other_recordings(
    client: Any, api_headers: dict[str, str], runtime: Any, media_copy: Any, recording: Any
) -> None:
    other = await import_recording(client, recording.room_id, media_copy("mp4_2s_small"), start_date=T0)
    await client.delete(f"{RECORDINGS}/{recording.recording_id}", headers=api_headers)
    assert (await client.get(f"{RECORDINGS}/{other.recording_id}", headers=api_headers)).status_code == 200
    assert await runtime.store.exists(other.media_key)
    assert await runtime.store.exists(other.poster_key)


async def test_delete_requires_credentials(client: Any, recording: Any) -> None:
    assert_error(await client.delete(f"{RECORDINGS}/{recording.recording_id}"), 401)
    assert await row_exists(client, recording.recording_id)


async def test_delete_running_is_409(client: Any, api_headers: dict[str, str]) -> None:
    for status in ("starting", "active", "ending"):  # one room each: one running recording per room
        room = await create_room(client, api_headers, "Running")
        (rid,) = await insert_rows(client, [make_row(room["roomId"], "Running", status=status)])
        response = await client.delete(f"{RECORDINGS}/{rid}", headers=api_headers)
        body = assert_error(response, 409, "Recording Error")
        assert body["message"] == f"Recording '{rid}' is not stopped yet", status
        assert await row_exists(client, rid)


async def test_delete_finished_without_media(client: Any, api_headers: dict[str, str]) -> None:
    room = await create_room(client, api_headers, "Finished")
    for status in ("failed", "aborted", "limit_reached"):
        (rid,) = await insert_rows(client, [make_row(room["roomId"], "Finished", status=status, size=0)])
        response = await client.delete(f"{RECORDINGS}/{rid}", headers=api_headers)
        assert response.status_code == 200, (status, response.text)
        assert not await row_exists(client, rid)


async def test_delete_when_the_store_fails(
    client: Any, api_headers: dict[str, str], runtime: Any, recording: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The row goes at once; the objects stay queued and the janitor removes them later."""
    rid, room_id = recording.recording_id, recording.room_id
    chunk = keys.chunk_key(room_id, rid, 0)
    await runtime.store.put(chunk, b"chunk")

    async def broken_delete(*_keys: str) -> None:
        raise OSError("the store is down")

    monkeypatch.setattr(runtime.store, "delete", broken_delete)
    response = await client.delete(f"{RECORDINGS}/{rid}", headers=api_headers)
    assert response.status_code == 200, response.text
    assert response.json() == {"message": f"Recording '{rid}' deleted successfully"}
    assert not await row_exists(client, rid)
    assert_error(await client.get(f"{RECORDINGS}/{rid}", headers=api_headers), 404)
    queued = await pending_deletions(client)
    assert set(queued) == {recording.media_key, recording.poster_key, keys.chunks_prefix(room_id, rid)}
    monkeypatch.undo()
    for key in (recording.media_key, recording.poster_key, chunk):
        assert await runtime.store.exists(key), key

    # (The app's own periodic sweep may have purged some of them first.)
    _done, failed = await in_app(client, purge_pending, runtime.db.sessionmaker, runtime.store)
    assert failed == 0
    assert await pending_deletions(client) == []
    for key in (recording.media_key, recording.poster_key, chunk):
        assert not await runtime.store.exists(key), key


async def test_delete_when_the_store_fails_once(
    client: Any, api_headers: dict[str, str], runtime: Any, recording: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_delete = runtime.store.delete
    calls: list[tuple[str, ...]] = []

    async def flaky_delete(*keys_: str) -> None:
        calls.append(keys_)
        if len(calls) == 1:
            raise OSError("transient")
        await real_delete(*keys_)

    monkeypatch.setattr(runtime.store, "delete", flaky_delete)
    response = await client.delete(f"{RECORDINGS}/{recording.recording_id}", headers=api_headers)
    assert response.status_code == 200
    assert not await row_exists(client, recording.recording_id)
    assert await pending_deletions(client) == [recording.media_key]
    assert await runtime.store.exists(recording.media_key)
    assert not await runtime.store.exists(recording.poster_key)
    monkeypatch.undo()
    assert (await in_app(client, purge_pending, runtime.db.sessionmaker, runtime.store))[1] == 0
    assert not await runtime.store.exists(recording.media_key)
    assert await pending_deletions(client) == []


# -- bulk DELETE ---------------------------------------------------------------------------------------


@pytest.fixture
async def finished(client: Any, api_headers: dict[str, str]) -> tuple[dict[str, Any], list[str]]:
    room = await create_room(client, api_headers, "Bulk")
    ids = await insert_rows(client, [make_row(room["roomId"], "Bulk", start_date=T0 + i) for i in range(3)])
    return room, ids


async def test_bulk_delete_all(
    client: Any, api_headers: dict[str, str], runtime: Any, media_copy: Any, finished: Any
) -> None:
    room, ids = finished
    imported = await import_recording(client, room["roomId"], media_copy("mp4_2s_small"))
    ids = [*ids, imported.recording_id]
    response = await client.delete(RECORDINGS, params={"recordingIds": ",".join(ids)}, headers=api_headers)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body.pop("message") == "All recordings deleted successfully"
    assert sorted(body.pop("deleted")) == sorted(ids)
    assert body.get("failed", []) == []
    for rid in ids:
        assert not await row_exists(client, rid)
    assert not await runtime.store.exists(imported.media_key)
    assert not await runtime.store.exists(imported.poster_key)


async def test_bulk_delete_single(client: Any, api_headers: dict[str, str], finished: Any) -> None:
    _, ids = finished
    response = await client.delete(RECORDINGS, params={"recordingIds": ids[0]}, headers=api_headers)
    assert response.status_code == 200
    assert response.json()["deleted"] == [ids[0]]
    assert await row_exists(client, ids[1])


async def test_bulk_delete_with_a_missing_one(
    client: Any, api_headers: dict[str, str], finished: Any
) -> None:
    _, ids = finished
    response = await client.delete(
        RECORDINGS, params={"recordingIds": f"{ids[0]},{MISSING},{ids[1]}"}, headers=api_headers
    )
    assert response.status_code == 400, response.text
    body = response.json()
    assert body["message"] == "1 recording(s) could not be deleted"
    assert sorted(body["deleted"]) == sorted(ids[:2])
    assert body["failed"] == [
        {"recordingId": MISSING, "error": f"Recording '{MISSING}' not found", "code": "notFound"}
    ]
    assert not await row_exists(client, ids[0])
    assert not await row_exists(client, ids[1])
    assert await row_exists(client, ids[2])


async def test_bulk_delete_with_a_running_one(
    client: Any, api_headers: dict[str, str], finished: Any
) -> None:
    room, ids = finished
    (active,) = await insert_rows(client, [make_row(room["roomId"], "Bulk", status="active")])
    response = await client.delete(
        RECORDINGS, params={"recordingIds": f"{active},{ids[0]}"}, headers=api_headers
    )
    assert response.status_code == 400
    body = response.json()
    assert body["deleted"] == [ids[0]]
    assert body["failed"] == [
        {"recordingId": active, "error": f"Recording '{active}' is not stopped yet", "code": "notStopped"}
    ]
    assert await row_exists(client, active)
    assert not await row_exists(client, ids[0])


async def test_bulk_delete_none_deleted(client: Any, api_headers: dict[str, str], finished: Any) -> None:
    other = MISSING.replace("zzzz", "yyyy")
    response = await client.delete(
        RECORDINGS, params={"recordingIds": f"{MISSING},{other}"}, headers=api_headers
    )
    assert response.status_code == 400
    body = response.json()
    assert body["message"] == "2 recording(s) could not be deleted"
    assert body["deleted"] == []
    assert [f["recordingId"] for f in body["failed"]] == [MISSING, other]


async def test_bulk_delete_duplicates_count_once(
    client: Any, api_headers: dict[str, str], finished: Any
) -> None:
    _, ids = finished
    raw = f"{ids[0]}, {ids[0]} ,{ids[1]},{ids[0]}"
    response = await client.delete(RECORDINGS, params={"recordingIds": raw}, headers=api_headers)
    assert response.status_code == 200, response.text
    assert sorted(response.json()["deleted"]) == sorted(ids[:2])


async def test_bulk_delete_empty_list(client: Any, api_headers: dict[str, str]) -> None:
    for raw in ("", " ", ",", " , ,  ", ",,,", "\t"):
        response = await client.delete(RECORDINGS, params={"recordingIds": raw}, headers=api_headers)
        assert response.status_code == 422, repr(raw)
        assert_422(response, "recordingIds", first=True)


async def test_bulk_delete_without_parameter(client: Any, api_headers: dict[str, str]) -> None:
    assert_422(await client.delete(RECORDINGS, headers=api_headers), "recordingIds")


async def test_bulk_delete_malformed_id(client: Any, api_headers: dict[str, str], finished: Any) -> None:
    _, ids = finished
    for bad, index in (("nope", 0), ("room--EG_x--..", 1), ("a--XX_1--b", 1), ("a/b--EG_1--c", 1)):
        raw = bad if index == 0 else f"{ids[0]},{bad},{ids[1]}"
        response = await client.delete(RECORDINGS, params={"recordingIds": raw}, headers=api_headers)
        assert response.status_code == 422, bad
        assert_422(response, f"recordingIds.{index}", first=True)
        assert await row_exists(client, ids[0]), "nothing is deleted when the input is invalid"


async def test_bulk_delete_requires_credentials(client: Any, finished: Any) -> None:
    _, ids = finished
    assert_error(await client.delete(RECORDINGS, params={"recordingIds": ids[0]}), 401)
    assert await row_exists(client, ids[0])


async def test_id_with_encoded_slash(client: Any, api_headers: dict[str, str]) -> None:
    """The reference decodes the segment and answers 422; here the router sees the decoded slash first, so
    a 404 in the API's format is the accepted answer (never another route, never Litestar's own body)."""
    for raw in ("ro%2Fom--EG_abc--uid", "room--EG_abc--u%2F..%2F..%2Fx", "%2E%2E%2F%2E%2E%2Frooms"):
        response = await client.get(f"{RECORDINGS}/{raw}", headers=api_headers)
        if response.status_code == 422:
            assert_422(response, "recordingId")
        else:
            assert response.json() == {"error": "Path Not Found", "message": "API path not implemented"}, raw


async def test_encoded_path_is_not_a_traversal(
    client: Any, api_headers: dict[str, str], recording: Any
) -> None:
    """An id smuggling path segments never reaches another route or the store."""
    raw = quote(f"{recording.recording_id}/../../rooms", safe="")
    response = await client.get(f"{RECORDINGS}/{raw}", headers=api_headers)
    assert response.status_code in (404, 422), response.text
    assert "rooms" not in response.json()


async def test_unknown_path_below_recordings(client: Any, api_headers: dict[str, str]) -> None:
    """Paths the router cannot match below /recordings answer in the API's error format too."""
    for method, path in (
        ("GET", f"{RECORDINGS}/a/b/c"),
        ("GET", f"{RECORDINGS}/{MISSING}/media/extra"),
        ("GET", f"{RECORDINGS}/{MISSING}/nope"),
        ("PUT", f"{RECORDINGS}/{MISSING}"),
        ("PATCH", RECORDINGS),
    ):
        response = await client.request(method, path, headers=api_headers)
        assert response.status_code in (404, 405), (method, path)
        assert_error(response, response.status_code)


async def test_generated_ids(client: Any, api_headers: dict[str, str], recording: Any) -> None:
    """Mutated and random ids: 404 (well-formed, unknown) or 422, never a 500 nor another recording."""
    rng = random.Random(7)
    rid = recording.recording_id
    # No "%": Litestar's test transport percent-decodes the path a second time (a real server does not).
    alphabet = string.ascii_letters + string.digits + "-_.~ \t!$&'()*+,;=:@é"
    candidates = [rid[:i] + rng.choice(alphabet) + rid[i + 1 :] for i in range(len(rid))]
    candidates += [rid[:i] + rid[i + 1 :] for i in range(0, len(rid), 2)]
    candidates += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 60))) for _ in range(40)]
    for raw in candidates:
        if raw.strip() == rid:
            continue
        response = await client.get(f"{RECORDINGS}/{quote(raw, safe='')}", headers=api_headers)
        assert response.status_code in (404, 422), (raw, response.status_code, response.text)
        body = assert_error(response, response.status_code)
        if response.status_code == 404:
            assert body == {"error": "Recording Error", "message": f"Recording '{raw.strip()}' not found"}
