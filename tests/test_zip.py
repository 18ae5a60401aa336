"""GET /recordings/download?recordingIds=: streamed ZIP archives; the signed /download-url."""

from __future__ import annotations

import io
import zipfile
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.recordings_support import (
    BASE_URL,
    RECORDINGS,
    T0,
    assert_422,
    assert_error,
    create_room,
    import_recording,
    insert_rows,
    make_row,
    set_columns,
)

DOWNLOAD = f"{RECORDINGS}/download"
MISSING = "nowhere-abc--EG_0123456789ab--zzzzzzzzzz"


class Imported:
    def __init__(self, recording: Any, data: bytes) -> None:
        self.id = recording.recording_id
        self.recording = recording
        self.data = data


async def _import(
    client: Any, room_id: str, media_files: Any, media_copy: Any, name: str, start: int
) -> Imported:
    recording = await import_recording(client, room_id, media_copy(name), start_date=start)
    return Imported(recording, media_files[name].read_bytes())


@pytest.fixture
async def five(client: Any, api_headers: dict[str, str], media_files: Any, media_copy: Any) -> list[Imported]:
    """Five recordings; the first two of one room started in the same minute (same download name)."""
    team = await create_room(client, api_headers, "Team sync")
    other = await create_room(client, api_headers, "Other")
    return [
        await _import(client, team["roomId"], media_files, media_copy, "mp4_3s", T0),
        await _import(client, team["roomId"], media_files, media_copy, "mp4_2s_small", T0 + 5_000),
        await _import(client, team["roomId"], media_files, media_copy, "webm_4s", T0 + 3_600_000),
        await _import(client, other["roomId"], media_files, media_copy, "mp4_5s", T0),
        await _import(client, other["roomId"], media_files, media_copy, "mp4_3s", T0 + 86_400_000),
    ]


def _open(response: Any) -> zipfile.ZipFile:
    """Checks the response headers and the archive's integrity; returns the archive."""
    assert response.status_code == 200, response.text[:300]
    assert response.headers["content-type"] == "application/zip"
    assert response.headers["content-disposition"] == 'attachment; filename="recordings.zip"'
    assert int(response.headers["content-length"]) == len(response.content)
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert archive.testzip() is None
    return archive


def _check_entries(archive: zipfile.ZipFile, expected: list[Imported]) -> list[str]:
    infos = archive.infolist()
    assert len(infos) == len(expected)
    names = [i.filename for i in infos]
    assert len({n.casefold() for n in names}) == len(names), names
    for info, item in zip(infos, expected, strict=True):
        assert info.compress_type == zipfile.ZIP_STORED
        assert info.file_size == len(item.data)
        assert archive.read(info) == item.data, info.filename
        name = info.filename
        assert not any(c in name for c in "/\\\x00"), name
        assert not name.startswith("."), name
        assert ".." not in name.split(" ")[0]
        ext = item.recording.filename.rsplit(".", 1)[1]
        assert name.endswith(f".{ext}"), name
    return names


async def test_zip(client: Any, api_headers: dict[str, str], five: list[Imported]) -> None:
    for count in (1, 2, 5):
        chosen = five[:count]
        ids = ",".join(i.id for i in chosen)
        archive = _open(await client.get(DOWNLOAD, params={"recordingIds": ids}, headers=api_headers))
        names = _check_entries(archive, chosen)
        # As the reference: each entry is named by its recording's `filename` ({roomId}--{uid}.ext), so a
        # client maps entries back to recordings; two recordings of one room never share a name.
        assert names == [i.recording.filename for i in chosen]
        for name, item in zip(names, chosen, strict=True):
            assert name.startswith(f"{item.recording.room_id}--"), name


async def test_zip_follows_the_requested_order(
    client: Any, api_headers: dict[str, str], five: list[Imported]
) -> None:
    chosen = [five[4], five[0], five[2]]
    response = await client.get(
        DOWNLOAD, params={"recordingIds": ",".join(i.id for i in chosen)}, headers=api_headers
    )
    _check_entries(_open(response), chosen)


async def test_zip_unicode_and_odd_room_names(
    client: Any,
    api_headers: dict[str, str],
    media_files: Any,
    media_copy: Any,
    request: pytest.FixtureRequest,
) -> None:
    room = await create_room(client, api_headers, "Odd")
    items = [
        await _import(client, room["roomId"], media_files, media_copy, "mp4_2s_small", T0),
        await _import(client, room["roomId"], media_files, media_copy, "mp4_2s_small", T0),
    ]
    for room_name in (
        "Réunion 日本語 🎥",
        'quote " and / slash \\ back',
        "a" * 200,
        "Ωmega",
        "CON",
        "..",
        " \t ",
        "\x00\n",
    ):
        if "\x00" in room_name and request.config.getoption("--meet-db") == "postgres":
            continue  # PostgreSQL text cannot hold NUL
        for item in items:  # (a room name the rooms API would refuse may still come from an older row)
            await set_columns(client, item.id, room_name=room_name)
        response = await client.get(
            DOWNLOAD, params={"recordingIds": ",".join(i.id for i in items)}, headers=api_headers
        )
        names = _check_entries(_open(response), items)
        assert names == [i.recording.filename for i in items]  # the room's name never reaches a path


async def test_zip_duplicates_once(client: Any, api_headers: dict[str, str], five: list[Imported]) -> None:
    raw = f"{five[0].id},{five[0].id}, {five[0].id} "
    _check_entries(
        _open(await client.get(DOWNLOAD, params={"recordingIds": raw}, headers=api_headers)), five[:1]
    )


async def test_zip_without_stored_crc(
    client: Any, api_headers: dict[str, str], runtime: Any, media_files: Any
) -> None:
    """A recording finalized without a CRC-32 (older rows): computed on the first download."""
    room = await create_room(client, api_headers, "No CRC")
    data = media_files["mp4_5s"].read_bytes()
    key = f"recordings/{room['roomId']}/legacy.mp4"
    await runtime.store.put(key, data)
    row = make_row(
        room["roomId"],
        "No CRC",
        size=len(data),
        media_key=key,
        content_type="video/mp4",
        filename="legacy.mp4",
        crc32=None,
    )
    (rid,) = await insert_rows(client, [row])
    item = Imported(row, data)
    for _ in range(2):
        _check_entries(
            _open(await client.get(DOWNLOAD, params={"recordingIds": rid}, headers=api_headers)), [item]
        )


@pytest.mark.parametrize(
    ("filename", "content_type", "expected_ext"),
    [
        ("../../etc/passwd", "video/mp4", "mp4"),
        ("dir/inner.mp4", "video/mp4", "mp4"),
        (".hidden.webm", "video/webm", "webm"),
        ("a\\b:c.mp4", "video/mp4", "mp4"),
        (None, "video/webm", "webm"),
    ],
    ids=["traversal", "slash", "dotfile", "backslash-colon", "none"],
)
async def test_zip_entry_for_an_unsafe_filename(
    client: Any,
    api_headers: dict[str, str],
    runtime: Any,
    media_files: Any,
    filename: str | None,
    content_type: str,
    expected_ext: str,
) -> None:
    """A file name that came from elsewhere (an egress, an old row) and is not a plain name: the entry is
    named after the recording's id instead, never a path."""
    room = await create_room(client, api_headers, "Egress")
    data = media_files["mp4_2s_small"].read_bytes()
    key = f"recordings/{room['roomId']}/odd.bin"
    await runtime.store.put(key, data)
    row = make_row(
        room["roomId"], "Egress", size=len(data), media_key=key, content_type=content_type, filename=filename
    )
    (rid,) = await insert_rows(client, [row])
    archive = _open(await client.get(DOWNLOAD, params={"recordingIds": rid}, headers=api_headers))
    assert archive.namelist() == [f"{rid}.{expected_ext}"]
    assert archive.read(f"{rid}.{expected_ext}") == data


@pytest.mark.parametrize("start_date", [0, 4_102_444_800_000], ids=["1970", "2100"])
async def test_zip_with_dates_outside_the_zip_range(
    client: Any, api_headers: dict[str, str], runtime: Any, media_files: Any, start_date: int
) -> None:
    room = await create_room(client, api_headers, "Epoch")
    data = media_files["mp4_2s_small"].read_bytes()
    key = f"recordings/{room['roomId']}/epoch.mp4"
    await runtime.store.put(key, data)
    row = make_row(
        room["roomId"],
        "Epoch",
        start_date=start_date,
        size=len(data),
        media_key=key,
        content_type="video/mp4",
        filename="epoch.mp4",
    )
    (rid,) = await insert_rows(client, [row])
    response = await client.get(DOWNLOAD, params={"recordingIds": rid}, headers=api_headers)
    _check_entries(_open(response), [Imported(row, data)])


async def test_zip_with_media_missing_from_the_store(
    client: Any, api_headers: dict[str, str], runtime: Any, five: list[Imported]
) -> None:
    gone, kept, no_crc = five[0], five[1], five[3]
    await runtime.store.delete(gone.recording.media_key)
    response = await client.get(
        DOWNLOAD, params={"recordingIds": f"{kept.id},{gone.id}"}, headers=api_headers
    )
    if response.status_code == 200:
        _check_entries(_open(response), [kept])  # left out, like any recording not available
    else:
        assert_error(response, response.status_code)
        assert response.status_code in (400, 404, 409)
    await set_columns(client, no_crc.id, crc32=None)
    await runtime.store.delete(no_crc.recording.media_key)
    response = await client.get(DOWNLOAD, params={"recordingIds": no_crc.id}, headers=api_headers)
    assert response.status_code in (400, 404, 409), response.status_code


async def test_zip_skips_unavailable(client: Any, api_headers: dict[str, str], five: list[Imported]) -> None:
    room = await create_room(client, api_headers, "Skips")
    active, failed = await insert_rows(
        client,
        [
            make_row(room["roomId"], "Skips", status="active"),
            make_row(room["roomId"], "Skips", status="failed"),
        ],
    )
    raw = ",".join([active, five[1].id, MISSING, failed, five[3].id])
    archive = _open(await client.get(DOWNLOAD, params={"recordingIds": raw}, headers=api_headers))
    _check_entries(archive, [five[1], five[3]])


async def test_zip_none_available(client: Any, api_headers: dict[str, str]) -> None:
    room = await create_room(client, api_headers, "None")
    (active,) = await insert_rows(client, [make_row(room["roomId"], "None", status="active")])
    response = await client.get(DOWNLOAD, params={"recordingIds": f"{active},{MISSING}"}, headers=api_headers)
    assert_error(response, 400, "Recording Error")


async def test_zip_validation(client: Any, api_headers: dict[str, str]) -> None:
    for raw, field in (("", "recordingIds"), (" , ,", "recordingIds"), ("nope", "recordingIds.0")):
        response = await client.get(DOWNLOAD, params={"recordingIds": raw}, headers=api_headers)
        assert response.status_code == 422, raw
        assert_422(response, field, first=True)


async def test_zip_malformed_second_id(
    client: Any, api_headers: dict[str, str], five: list[Imported]
) -> None:
    response = await client.get(
        DOWNLOAD, params={"recordingIds": f"{five[0].id},x--EG_--y"}, headers=api_headers
    )
    assert_422(response, "recordingIds.1", first=True)


async def test_zip_requires_credentials(client: Any, five: list[Imported]) -> None:
    assert_error(await client.get(DOWNLOAD, params={"recordingIds": five[0].id}), 401)


# -- signed download links -----------------------------------------------------------------------------


async def test_download_url(client: Any, api_headers: dict[str, str], five: list[Imported]) -> None:
    chosen = five[:3]
    ids = ",".join(i.id for i in chosen)
    response = await client.get(
        f"{RECORDINGS}/download-url", params={"recordingIds": ids}, headers=api_headers
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == {"url", "expiresAt"}
    url = body["url"]
    assert url.startswith(f"{BASE_URL}{DOWNLOAD}?")
    assert isinstance(body["expiresAt"], int)

    # No headers at all: the link alone opens the archive.
    _check_entries(_open(await client.get(url)), chosen)

    # The link is for those ids only.
    query = parse_qs(urlsplit(url).query)
    token = query["mediaToken"][0]
    other = await client.get(DOWNLOAD, params={"recordingIds": five[4].id, "mediaToken": token})
    assert_error(other, 403)
    fewer = await client.get(
        DOWNLOAD, params={"recordingIds": ",".join(i.id for i in chosen[:2]), "mediaToken": token}
    )
    assert_error(fewer, 403)
    # Another order of the same ids is the same set.
    reordered = ",".join(i.id for i in reversed(chosen))
    assert (
        await client.get(DOWNLOAD, params={"recordingIds": reordered, "mediaToken": token})
    ).status_code == 200
    # A tampered token.
    bad = await client.get(DOWNLOAD, params={"recordingIds": ids, "mediaToken": token[:-2] + "xx"})
    assert_error(bad, 401)
    # The token opens nothing else.
    media = await client.get(f"{RECORDINGS}/{chosen[0].id}/media", params={"mediaToken": token})
    assert media.status_code in (401, 403)


async def test_download_url_validation(client: Any, api_headers: dict[str, str]) -> None:
    response = await client.get(
        f"{RECORDINGS}/download-url", params={"recordingIds": ""}, headers=api_headers
    )
    assert_422(response, "recordingIds", first=True)
    assert_error(await client.get(f"{RECORDINGS}/download-url", params={"recordingIds": MISSING}), 401)


async def test_download_url_refuses_when_nothing_can_be_zipped(
    client: Any, api_headers: dict[str, str], five: list[Imported]
) -> None:
    """The link is refused up front (where a user interface can show why), not when the browser follows it."""
    room = await create_room(client, api_headers, "Unfinished")
    failed, active = await insert_rows(
        client,
        [make_row(room["roomId"], "Unfinished", status="failed"), make_row(room["roomId"], "Unfinished")],
    )
    await set_columns(client, active, status="active")
    for ids in (failed, f"{failed},{active}", MISSING):
        response = await client.get(
            f"{RECORDINGS}/download-url", params={"recordingIds": ids}, headers=api_headers
        )
        body = assert_error(response, 400, "Recording Error")
        assert body["message"] == "None of the provided recordings are available for ZIP download"
    mixed = await client.get(
        f"{RECORDINGS}/download-url", params={"recordingIds": f"{failed},{five[0].id}"}, headers=api_headers
    )
    assert mixed.status_code == 200, mixed.text
    assert _open(await client.get(mixed.json()["url"]))
