"""GET /recordings: filters, projection, sorting, keyset pagination and its tokens, ``maxItems``."""

from __future__ import annotations

import base64
import json
import random
import string
from typing import Any

import pytest

from tests.recordings_support import (
    RECORDINGS,
    ROOMS,
    T0,
    WIRE_FIELDS,
    assert_422,
    create_room,
    import_recording,
    insert_rows,
    make_row,
)

SORT_COLUMNS = {"startDate": "start_date", "roomName": "room_name", "duration": "duration", "size": "size"}

# Few distinct values per sort field, so most pages end in the middle of a run of ties.
_STARTS = [T0 + k * 60_000 for k in (0, 0, 1, 3, 3, 3, 7)]
_DURATIONS = [0.0, 1.5, 1.5, 2.675, 0.1, 3600.25, 1.5]
_SIZES = [0, 1000, 1000, 5_000_000_000, 7, 1000, 123_456]
_STATUSES = ["complete", "complete", "failed", "aborted", "limit_reached", "complete"]


def _expected(rows: list[dict[str, Any]], sort_field: str, sort_order: str) -> list[str]:
    column = SORT_COLUMNS[sort_field]
    ordered = sorted(rows, key=lambda r: (r[column], r["recording_id"]), reverse=sort_order == "desc")
    return [r["recording_id"] for r in ordered]


@pytest.fixture
async def rooms(client: Any, api_headers: dict[str, str]) -> list[dict[str, Any]]:
    # Lowercase ASCII names: the expected order computed here is the same under any database collation.
    return [await create_room(client, api_headers, name) for name in ("alpha", "bravo", "charlie")]


@pytest.fixture
async def dataset(client: Any, rooms: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """61 recordings with many ties on every sort field (one running recording in the last room)."""
    rows = []
    for i in range(60):
        room = rooms[i % len(rooms)] if i % 5 else rooms[0]
        duration = _DURATIONS[i % len(_DURATIONS)]
        rows.append(
            make_row(
                room["roomId"],
                room["roomName"],
                status=_STATUSES[i % len(_STATUSES)],
                start_date=_STARTS[i % len(_STARTS)],
                duration=duration,
                size=_SIZES[(i // 2) % len(_SIZES)],
                end_date=None if duration == 0 else _STARTS[i % len(_STARTS)] + int(duration * 1000),
            )
        )
    rows.append(make_row(rooms[2]["roomId"], "charlie", status="active", duration=0, size=0))
    await insert_rows(client, rows)
    return [
        {
            "recording_id": r.recording_id,
            "room_id": r.room_id,
            "room_name": r.room_name,
            "status": r.status,
            "start_date": r.start_date,
            "duration": r.duration,
            "size": r.size,
        }
        for r in rows
    ]


async def _walk(client: Any, headers: dict[str, str], params: dict[str, Any]) -> list[str]:
    """Every page of a listing; checks the pagination block of each page."""
    ids: list[str] = []
    query = dict(params)
    limit = int(params.get("maxItems", 10))
    for _ in range(500):
        response = await client.get(RECORDINGS, params=query, headers=headers)
        assert response.status_code == 200, response.text
        body = response.json()
        page = body["pagination"]
        assert page["maxItems"] == limit, page
        ids.extend(r["recordingId"] for r in body["recordings"])
        if not page["isTruncated"]:
            assert "nextPageToken" not in page, page
            assert len(body["recordings"]) <= limit
            return ids
        assert isinstance(page["nextPageToken"], str), page
        assert page["nextPageToken"], page
        assert len(body["recordings"]) == limit, page
        query["nextPageToken"] = page["nextPageToken"]
    raise AssertionError("the listing never ended")


# -- basics --------------------------------------------------------------------------------------------


async def test_empty_list(client: Any, api_headers: dict[str, str]) -> None:
    response = await client.get(RECORDINGS, headers=api_headers)
    assert response.status_code == 200
    assert response.json() == {"recordings": [], "pagination": {"isTruncated": False, "maxItems": 10}}


async def test_requires_credentials(client: Any) -> None:
    response = await client.get(RECORDINGS)
    assert response.status_code == 401
    assert response.json()["error"] == "Authentication Error"


async def test_item_shape_of_an_imported_recording(
    client: Any, api_headers: dict[str, str], media_copy: Any, media_files: Any
) -> None:
    room = await create_room(client, api_headers, "Shape")
    recording = await import_recording(client, room["roomId"], media_copy("mp4_3s"), start_date=T0)
    body = (await client.get(RECORDINGS, headers=api_headers)).json()
    (item,) = body["recordings"]
    assert set(item) <= WIRE_FIELDS, set(item) - WIRE_FIELDS
    uid = recording.recording_id.split("--")[2]
    assert item["recordingId"] == recording.recording_id
    assert item["roomId"] == room["roomId"]
    assert item["roomName"] == "Shape"
    assert item["status"] == "complete"
    assert item["filename"] == f"{room['roomId']}--{uid}.mp4"
    assert item["startDate"] == T0
    assert isinstance(item["endDate"], int)
    assert item["endDate"] >= item["startDate"]
    assert isinstance(item["duration"], float)
    assert 2.8 < item["duration"] < 3.3  # seconds, not milliseconds
    assert item["size"] == media_files["mp4_3s"].stat().st_size


async def test_zero_values_are_left_out(client: Any, api_headers: dict[str, str]) -> None:
    room = await create_room(client, api_headers, "Zero")
    (rid,) = await insert_rows(
        client, [make_row(room["roomId"], "Zero", status="failed", duration=0, size=0, end_date=None)]
    )
    listed = (await client.get(RECORDINGS, headers=api_headers)).json()["recordings"][0]
    single = (await client.get(f"{RECORDINGS}/{rid}", headers=api_headers)).json()
    for item in (listed, single):
        assert item["recordingId"] == rid
        for key in ("duration", "size", "endDate", "errorCode", "error", "filename"):
            assert key not in item, item
        assert item["startDate"] == T0


# -- filters -------------------------------------------------------------------------------------------


async def test_filter_room_id(
    client: Any, api_headers: dict[str, str], dataset: list[dict[str, Any]], rooms: list[dict[str, Any]]
) -> None:
    room_id = rooms[1]["roomId"]
    ids = await _walk(client, api_headers, {"roomId": room_id, "maxItems": 100})
    assert sorted(ids) == sorted(r["recording_id"] for r in dataset if r["room_id"] == room_id)
    # Surrounding spaces are trimmed, like the reference's sanitizer.
    ids = await _walk(client, api_headers, {"roomId": f"  {room_id} ", "maxItems": 100})
    assert sorted(ids) == sorted(r["recording_id"] for r in dataset if r["room_id"] == room_id)
    # A well-formed id of no room: an empty list, not an error.
    assert await _walk(client, api_headers, {"roomId": "nothing-here"}) == []


async def test_filter_room_id_malformed(client: Any, api_headers: dict[str, str]) -> None:
    for room_id in ("a--b", "../etc", "a/b", "room with spaces", "x" * 101, "-", "é", "a\x00b"):
        response = await client.get(RECORDINGS, params={"roomId": room_id}, headers=api_headers)
        assert response.status_code == 422, room_id
        assert_422(response, "roomId")


async def test_filter_room_name_case_insensitive_substring(client: Any, api_headers: dict[str, str]) -> None:
    room = await create_room(client, api_headers, "names")
    names = ["Weekly Standup", "weekly-retro", "Daily 100% sync", "under_score", "underXscore", "1000 sync"]
    by_name = dict(
        zip(names, await insert_rows(client, [make_row(room["roomId"], n) for n in names]), strict=True)
    )

    async def names_for(query: str) -> set[str]:
        response = await client.get(
            RECORDINGS, params={"roomName": query, "maxItems": 100}, headers=api_headers
        )
        assert response.status_code == 200, response.text
        found = {r["recordingId"] for r in response.json()["recordings"]}
        return {n for n, rid in by_name.items() if rid in found}

    assert await names_for("WEEKLY") == {"Weekly Standup", "weekly-retro"}
    assert await names_for("eKlY s") == {"Weekly Standup"}
    assert await names_for("sync") == {"Daily 100% sync", "1000 sync"}
    # LIKE wildcards are literal characters.
    assert await names_for("100%") == {"Daily 100% sync"}
    assert await names_for("%") == {"Daily 100% sync"}
    assert await names_for("_") == {"under_score"}
    assert await names_for("under_") == {"under_score"}
    assert await names_for("\\") == set()
    assert await names_for("nothing") == set()


async def test_nul_in_text_parameters(client: Any, api_headers: dict[str, str]) -> None:
    """A NUL character in a name or a filter is refused or matched, never a 500."""
    for path in (RECORDINGS, ROOMS):
        response = await client.get(path, params={"roomName": "a\x00"}, headers=api_headers)
        assert response.status_code in (200, 422), (path, response.status_code)
    response = await client.post(ROOMS, json={"roomName": "a\x00b"}, headers=api_headers)
    assert response.status_code in (201, 422), response.status_code


async def test_filter_status(client: Any, api_headers: dict[str, str], dataset: list[dict[str, Any]]) -> None:
    for status in ("complete", "failed", "aborted", "limit_reached", "active", "starting", "ending"):
        ids = await _walk(client, api_headers, {"status": status, "maxItems": 7})
        assert sorted(ids) == sorted(r["recording_id"] for r in dataset if r["status"] == status), status


async def test_filter_status_invalid(client: Any, api_headers: dict[str, str]) -> None:
    for status in ("COMPLETE", "done", "", "complete,failed", "None"):
        response = await client.get(RECORDINGS, params={"status": status}, headers=api_headers)
        assert response.status_code == 422, status
        assert_422(response, "status")


async def test_filter_status_null_is_invalid(client: Any, api_headers: dict[str, str]) -> None:
    room = await create_room(client, api_headers, "Null")
    await insert_rows(client, [make_row(room["roomId"], "Null", status="failed")])
    response = await client.get(RECORDINGS, params={"status": "null"}, headers=api_headers)
    assert_422(response, "status")


async def test_filter_combinations(
    client: Any, api_headers: dict[str, str], dataset: list[dict[str, Any]], rooms: list[dict[str, Any]]
) -> None:
    room_id = rooms[0]["roomId"]
    ids = await _walk(client, api_headers, {"roomId": room_id, "status": "complete", "maxItems": 4})
    assert sorted(ids) == sorted(
        r["recording_id"] for r in dataset if r["room_id"] == room_id and r["status"] == "complete"
    )
    ids = await _walk(
        client, api_headers, {"roomName": "RAV", "status": "failed", "sortField": "size", "maxItems": 3}
    )
    assert ids == _expected(
        [r for r in dataset if r["room_name"] == "bravo" and r["status"] == "failed"], "size", "desc"
    )
    # roomId and roomName naming the same room (the same answer under AND or the reference's OR).
    ids = await _walk(client, api_headers, {"roomId": room_id, "roomName": "alpha", "maxItems": 100})
    assert sorted(ids) == sorted(r["recording_id"] for r in dataset if r["room_id"] == room_id)


# -- projection ----------------------------------------------------------------------------------------


async def test_fields_projection(
    client: Any, api_headers: dict[str, str], dataset: list[dict[str, Any]]
) -> None:
    response = await client.get(
        RECORDINGS,
        params={"fields": "recordingId, roomName ,nope,__class__", "maxItems": 100},
        headers=api_headers,
    )
    assert response.status_code == 200
    items = response.json()["recordings"]
    assert len(items) == len(dataset)
    assert all(set(item) == {"recordingId", "roomName"} for item in items), items[:3]
    # A projected-away zero value stays absent; a present one stays.
    items = (
        await client.get(RECORDINGS, params={"fields": "size,status", "maxItems": 100}, headers=api_headers)
    ).json()["recordings"]
    assert {frozenset(i) for i in items} == {frozenset({"status"}), frozenset({"size", "status"})}


async def test_fields_projection_on_single_get(client: Any, api_headers: dict[str, str]) -> None:
    room = await create_room(client, api_headers, "Proj")
    (rid,) = await insert_rows(client, [make_row(room["roomId"], "Proj", size=5)])
    response = await client.get(
        f"{RECORDINGS}/{rid}", params={"fields": "status,size,bogus"}, headers=api_headers
    )
    assert response.status_code == 200
    assert response.json() == {"status": "complete", "size": 5}


# -- sorting and pagination ----------------------------------------------------------------------------


@pytest.mark.parametrize("sort_field", ["startDate", "roomName", "duration", "size", None])
async def test_walk_every_page(
    client: Any, api_headers: dict[str, str], dataset: list[dict[str, Any]], sort_field: str | None
) -> None:
    """Every page size, both orders (and the defaults): the pages put together are the whole listing in
    (value, recordingId) order, with no duplicate and no gap, whatever the ties."""
    for sort_order in ("asc", "desc", None):
        expected = _expected(dataset, sort_field or "startDate", sort_order or "desc")
        assert len(expected) == 61
        params: dict[str, Any] = {}
        if sort_field:
            params["sortField"] = sort_field
        if sort_order:
            params["sortOrder"] = sort_order
        for max_items in (1, 4, 10, 13, 60, 61, 100, None):
            query = dict(params) if max_items is None else {**params, "maxItems": max_items}
            ids = await _walk(client, api_headers, query)
            assert len(ids) == len(set(ids)), f"duplicates with {query}"
            assert ids == expected, f"order differs with {query}"


async def test_default_page_and_truncation(client: Any, api_headers: dict[str, str]) -> None:
    room = await create_room(client, api_headers, "Six")
    await insert_rows(client, [make_row(room["roomId"], "Six", start_date=T0 + i) for i in range(12)])
    body = (await client.get(RECORDINGS, headers=api_headers)).json()
    assert len(body["recordings"]) == 10
    assert body["pagination"]["isTruncated"] is True
    assert body["pagination"]["maxItems"] == 10
    assert [r["startDate"] for r in body["recordings"]] == [T0 + i for i in range(11, 1, -1)]

    first = (await client.get(RECORDINGS, params={"maxItems": 6}, headers=api_headers)).json()
    assert first["pagination"]["isTruncated"] is True
    second = (
        await client.get(
            RECORDINGS,
            params={"maxItems": 6, "nextPageToken": first["pagination"]["nextPageToken"]},
            headers=api_headers,
        )
    ).json()
    assert len(second["recordings"]) == 6
    # Exactly full last page: not truncated, no token.
    assert second["pagination"] == {"isTruncated": False, "maxItems": 6}


async def test_max_items_coercion(client: Any, api_headers: dict[str, str]) -> None:
    room = await create_room(client, api_headers, "Many")
    await insert_rows(client, [make_row(room["roomId"], "Many", start_date=T0 + i) for i in range(105)])
    for raw, expected in (
        ("101", 100),
        ("1000", 100),
        ("3.5", 3),
        ("3.99", 3),
        ("1", 1),
        ("100", 100),
        ("1e1", 10),
    ):
        body = (await client.get(RECORDINGS, params={"maxItems": raw}, headers=api_headers)).json()
        assert body["pagination"]["maxItems"] == expected, raw
        assert len(body["recordings"]) == expected, raw
        assert body["pagination"]["isTruncated"] is True


async def test_max_items_invalid(client: Any, api_headers: dict[str, str]) -> None:
    for raw in ("0", "-1", "abc", "0.5", "NaN", "-Infinity", "1O", "-0"):
        response = await client.get(RECORDINGS, params={"maxItems": raw}, headers=api_headers)
        assert response.status_code == 422, raw
        assert_422(response, "maxItems", first=True)


async def test_max_items_empty_is_invalid(client: Any, api_headers: dict[str, str]) -> None:
    response = await client.get(RECORDINGS, params={"maxItems": ""}, headers=api_headers)
    assert_422(response, "maxItems", first=True)


async def test_sort_invalid(client: Any, api_headers: dict[str, str]) -> None:
    cases = [
        ({"sortField": "endDate"}, "sortField"),
        ({"sortField": "recordingId"}, "sortField"),
        ({"sortField": ""}, "sortField"),
        ({"sortOrder": "ascending"}, "sortOrder"),
        ({"sortOrder": "DESC"}, "sortOrder"),
        ({"sortOrder": ""}, "sortOrder"),
    ]
    for params, field in cases:
        response = await client.get(RECORDINGS, params=params, headers=api_headers)
        assert response.status_code == 422, params
        assert_422(response, field, first=True)


async def _token(client: Any, headers: dict[str, str], **params: Any) -> str:
    body = (await client.get(RECORDINGS, params={"maxItems": 2, **params}, headers=headers)).json()
    token: str = body["pagination"]["nextPageToken"]
    return token


def _flip(text: str, index: int) -> str:
    return text[:index] + ("A" if text[index] != "A" else "B") + text[index + 1 :]


async def test_bad_page_tokens(
    client: Any, api_headers: dict[str, str], dataset: list[dict[str, Any]]
) -> None:
    token = await _token(client, api_headers)
    body, mac = token.split(".")
    forged_body = (
        base64.urlsafe_b64encode(json.dumps(["||||startDate|desc", 0, "x"]).encode()).decode().rstrip("=")
    )
    reference_style = base64.b64encode(json.dumps({"fieldValue": T0, "id": "x"}).encode()).decode()
    bad = {
        "tampered body": _flip(token, 3),
        "tampered mac": _flip(token, len(token) - 2),
        "truncated": token[:-4],
        "only body": body,
        "body with empty mac": body + ".",
        "two dots": token + ".x",
        "forged body, old mac": f"{forged_body}.{mac}",
        "random": "Zm9vYmFy.YmFy",
        "reference format": reference_style,
        "garbage": "%%%",
        "dot": ".",
        "too long": "a" * 3000,
    }
    for name, value in bad.items():
        response = await client.get(RECORDINGS, params={"nextPageToken": value}, headers=api_headers)
        assert response.status_code == 422, (name, response.status_code, response.text)
        assert_422(response, "nextPageToken")


async def test_non_ascii_page_token(
    client: Any, api_headers: dict[str, str], dataset: list[dict[str, Any]]
) -> None:
    token = await _token(client, api_headers)
    for value in ("é.é", token[:-1] + "é", "abc.\u2603"):
        response = await client.get(RECORDINGS, params={"nextPageToken": value}, headers=api_headers)
        assert_422(response, "nextPageToken")


async def test_token_of_another_listing(
    client: Any, api_headers: dict[str, str], dataset: list[dict[str, Any]]
) -> None:
    """A token only continues the listing it was made for (same sort, order and filters)."""
    cases = [
        ({"sortField": "size"}, {"sortField": "duration"}),
        ({"sortField": "size"}, {}),
        ({"sortOrder": "asc"}, {"sortOrder": "desc"}),
        ({}, {"sortOrder": "asc"}),
        ({"status": "complete"}, {}),
        ({}, {"status": "complete"}),
        ({"roomName": "a"}, {"roomName": "b"}),
    ]
    for made_with, used_with in cases:
        token = await _token(client, api_headers, **made_with)
        response = await client.get(
            RECORDINGS, params={"nextPageToken": token, **used_with}, headers=api_headers
        )
        assert response.status_code == 422, (made_with, used_with)
        assert_422(response, "nextPageToken")


async def test_token_survives_max_items_change(
    client: Any, api_headers: dict[str, str], dataset: list[dict[str, Any]]
) -> None:
    """Only the order and the filters bind a token; the page size may change between pages."""
    expected = _expected(dataset, "duration", "asc")
    first = (
        await client.get(
            RECORDINGS,
            params={"maxItems": 5, "sortField": "duration", "sortOrder": "asc"},
            headers=api_headers,
        )
    ).json()
    ids = [r["recordingId"] for r in first["recordings"]]
    ids += await _walk(
        client,
        api_headers,
        {
            "maxItems": 17,
            "sortField": "duration",
            "sortOrder": "asc",
            "nextPageToken": first["pagination"]["nextPageToken"],
        },
    )
    assert ids == expected


async def test_inserts_between_pages_cause_no_duplicates(
    client: Any, api_headers: dict[str, str], dataset: list[dict[str, Any]], rooms: list[dict[str, Any]]
) -> None:
    params: dict[str, Any] = {"maxItems": 8}
    first = (await client.get(RECORDINGS, params=params, headers=api_headers)).json()
    seen = [r["recordingId"] for r in first["recordings"]]
    last = first["recordings"][-1]
    room = rooms[1]
    # One sorting before the cursor (newest), one right on the cursor's start date (a tie), one after.
    newest, tie, older = await insert_rows(
        client,
        [
            make_row(room["roomId"], "bravo", start_date=T0 + 10**9),
            make_row(room["roomId"], "bravo", start_date=last["startDate"]),
            make_row(room["roomId"], "bravo", start_date=T0 - 1),
        ],
    )
    rest = await _walk(client, api_headers, {**params, "nextPageToken": first["pagination"]["nextPageToken"]})
    ids = seen + rest
    assert len(ids) == len(set(ids)), "a recording was listed twice"
    assert set(r["recording_id"] for r in dataset) <= set(ids), "a recording was skipped"
    assert newest not in ids  # it sorts before the page already read
    assert older in ids
    # The tie lands before or after the cursor depending on its id, never twice.
    assert (tie in ids) == (tie < last["recordingId"])


async def test_generated_page_tokens(
    client: Any, api_headers: dict[str, str], dataset: list[dict[str, Any]]
) -> None:
    """Mutations of a real token and random ASCII text: always a 422 naming nextPageToken, never a 500.
    (Non-ASCII text is the known bug above.)"""
    rng = random.Random(4)
    token = await _token(client, api_headers, sortField="duration")
    alphabet = string.ascii_letters + string.digits + "-_.=+/ %~!*'()"
    candidates = [token[:i] + rng.choice(alphabet) + token[i + 1 :] for i in range(0, len(token), 3)]
    candidates += [token[:i] for i in range(1, len(token), 7)]
    candidates += [
        "".join(rng.choice(string.printable.strip()) for _ in range(rng.randint(1, 80))) for _ in range(60)
    ]
    for value in candidates:
        if value == token:
            continue
        response = await client.get(
            RECORDINGS, params={"nextPageToken": value, "sortField": "duration"}, headers=api_headers
        )
        assert response.status_code == 422, (value, response.status_code, response.text)
        assert_422(response, "nextPageToken")
