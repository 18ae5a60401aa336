"""GET/HEAD /recordings/{id}/media: full bodies, ranges, validators, downloads and failure cases."""

from __future__ import annotations

import random
import re
from typing import Any
from urllib.parse import unquote

import pytest
from werkzeug.http import parse_date

from tests.recordings_support import (
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


class Media:
    def __init__(self, recording: Any, data: bytes) -> None:
        self.recording = recording
        self.id = recording.recording_id
        self.data = data
        self.size = len(data)
        self.url = f"{RECORDINGS}/{recording.recording_id}/media"


@pytest.fixture
async def mp4(client: Any, api_headers: dict[str, str], media_copy: Any, media_files: Any) -> Media:
    room = await create_room(client, api_headers, "Media room")
    recording = await import_recording(client, room["roomId"], media_copy("mp4_3s"), start_date=T0)
    return Media(recording, media_files["mp4_3s"].read_bytes())


@pytest.fixture
async def webm(client: Any, api_headers: dict[str, str], media_copy: Any, media_files: Any) -> Media:
    room = await create_room(client, api_headers, "WebM room")
    recording = await import_recording(client, room["roomId"], media_copy("webm_4s"), start_date=T0)
    return Media(recording, media_files["webm_4s"].read_bytes())


def _common_headers(response: Any, media_type: str = "video/mp4") -> None:
    headers = response.headers
    assert headers["content-type"] == media_type
    assert headers["accept-ranges"] == "bytes"
    assert re.fullmatch(r'"[^"]+"', headers["etag"]), headers["etag"]
    assert parse_date(headers["last-modified"]) is not None
    assert "max-age" in headers["cache-control"]
    assert "content-disposition" not in headers


# -- full bodies ---------------------------------------------------------------------------------------


async def test_full_mp4(client: Any, api_headers: dict[str, str], mp4: Media) -> None:
    response = await client.get(mp4.url, headers=api_headers)
    assert response.status_code == 200
    _common_headers(response)
    assert response.headers["content-length"] == str(mp4.size)
    assert "content-range" not in response.headers
    assert response.content == mp4.data


async def test_full_webm(client: Any, api_headers: dict[str, str], webm: Media) -> None:
    response = await client.get(webm.url, headers=api_headers)
    assert response.status_code == 200
    _common_headers(response, "video/webm")
    assert response.headers["content-length"] == str(webm.size)
    assert response.content == webm.data


async def test_requires_credentials(client: Any, mp4: Media) -> None:
    assert_error(await client.get(mp4.url), 401)
    assert_error(await client.get(mp4.url, headers={"X-API-KEY": "nope"}), 401)


async def test_head(client: Any, api_headers: dict[str, str], mp4: Media) -> None:
    get = await client.get(mp4.url, headers=api_headers)
    head = await client.head(mp4.url, headers=api_headers)
    assert head.status_code == 200
    assert head.content == b""
    for name in ("content-type", "content-length", "accept-ranges", "etag", "last-modified", "cache-control"):
        assert head.headers[name] == get.headers[name], name

    ranged = await client.head(mp4.url, headers={**api_headers, "Range": "bytes=10-19"})
    assert ranged.status_code == 206
    assert ranged.content == b""
    assert ranged.headers["content-range"] == f"bytes 10-19/{mp4.size}"
    assert ranged.headers["content-length"] == "10"


# -- ranges --------------------------------------------------------------------------------------------


def _ranges(size: int) -> list[tuple[str, int, int]]:
    """(Range header, first byte, last byte) for a file of ``size`` bytes."""
    return [
        ("bytes=0-0", 0, 0),
        ("bytes=0-99", 0, 99),
        (f"bytes={size // 3}-{size // 2}", size // 3, size // 2),
        (f"bytes={size - 1}-{size - 1}", size - 1, size - 1),
        (f"bytes={size - 1}-", size - 1, size - 1),
        ("bytes=1000-", 1000, size - 1),
        ("bytes=0-", 0, size - 1),
        ("bytes=-500", size - 500, size - 1),
        ("bytes=-1", size - 1, size - 1),
        (f"bytes=-{size}", 0, size - 1),
        (f"bytes=-{size + 12345}", 0, size - 1),  # a suffix longer than the file: the whole file
        (f"bytes=100-{size + 5000}", 100, size - 1),  # an end beyond the size is clamped
        (f"bytes=0-{10**15}", 0, size - 1),
        ("Bytes = 5 - 9", 5, 9),
    ]


async def test_ranges(client: Any, api_headers: dict[str, str], mp4: Media) -> None:
    for header, first, last in _ranges(mp4.size):
        response = await client.get(mp4.url, headers={**api_headers, "Range": header})
        assert response.status_code == 206, (header, response.status_code, response.text[:200])
        assert response.headers["content-range"] == f"bytes {first}-{last}/{mp4.size}", header
        assert response.headers["content-length"] == str(last - first + 1), header
        assert response.headers["content-type"] == "video/mp4"
        assert response.headers["accept-ranges"] == "bytes"
        assert response.content == mp4.data[first : last + 1], header


async def test_ranges_webm(client: Any, api_headers: dict[str, str], webm: Media) -> None:
    response = await client.get(webm.url, headers={**api_headers, "Range": "bytes=-100"})
    assert response.status_code == 206
    assert response.headers["content-type"] == "video/webm"
    assert response.content == webm.data[-100:]


async def test_repeated_ranges_cover_the_file(client: Any, api_headers: dict[str, str], mp4: Media) -> None:
    """What a player does: consecutive ranges put together are the file."""
    parts = []
    step = 65_536
    for start in range(0, mp4.size, step):
        response = await client.get(
            mp4.url, headers={**api_headers, "Range": f"bytes={start}-{start + step - 1}"}
        )
        assert response.status_code == 206
        parts.append(response.content)
    assert b"".join(parts) == mp4.data


async def test_range_not_satisfiable(client: Any, api_headers: dict[str, str], mp4: Media) -> None:
    for header in (
        f"bytes={mp4.size}-",
        f"bytes={mp4.size}-{mp4.size + 10}",
        f"bytes={mp4.size + 99}-",
        "bytes=-0",
    ):
        response = await client.get(mp4.url, headers={**api_headers, "Range": header})
        body = assert_error(response, 416, "Recording Error")
        assert str(mp4.size) in body["message"]
        assert response.headers["content-range"] == f"bytes */{mp4.size}", header


async def test_range_malformed(client: Any, api_headers: dict[str, str], mp4: Media) -> None:
    for header in (
        "bytes=100",
        "garbage",
        "bytes=",
        "bytes=abc-def",
        "bytes=0-1,5-10",
        "bytes=0-1, -5",
        "items=0-10",
        "pages=0-",
        "bytes 0-10",
        "bytes=--5",
    ):
        response = await client.get(mp4.url, headers={**api_headers, "Range": header})
        assert response.status_code == 422, header
        body = assert_422(response, "headers.range")
        assert body["details"][0]["message"] == "Invalid range header format. Expected: bytes=start-end"


# -- validators ----------------------------------------------------------------------------------------


async def test_if_none_match(client: Any, api_headers: dict[str, str], mp4: Media) -> None:
    etag = (await client.head(mp4.url, headers=api_headers)).headers["etag"]
    for value in (etag, f"W/{etag}", f'"other", {etag}', "*"):
        response = await client.get(mp4.url, headers={**api_headers, "If-None-Match": value})
        assert response.status_code == 304, value
        assert response.content == b""
        assert response.headers["etag"] == etag
    response = await client.get(mp4.url, headers={**api_headers, "If-None-Match": '"something-else"'})
    assert response.status_code == 200
    assert response.content == mp4.data


async def test_if_modified_since(client: Any, api_headers: dict[str, str], mp4: Media) -> None:
    modified = (await client.head(mp4.url, headers=api_headers)).headers["last-modified"]
    response = await client.get(mp4.url, headers={**api_headers, "If-Modified-Since": modified})
    assert response.status_code == 304
    assert response.content == b""
    old = "Mon, 01 Jan 2001 00:00:00 GMT"
    response = await client.get(mp4.url, headers={**api_headers, "If-Modified-Since": old})
    assert response.status_code == 200


async def test_if_range(client: Any, api_headers: dict[str, str], mp4: Media) -> None:
    head = await client.head(mp4.url, headers=api_headers)
    etag, modified = head.headers["etag"], head.headers["last-modified"]
    response = await client.get(mp4.url, headers={**api_headers, "Range": "bytes=0-9", "If-Range": etag})
    assert response.status_code == 206
    assert response.content == mp4.data[:10]
    response = await client.get(mp4.url, headers={**api_headers, "Range": "bytes=0-9", "If-Range": modified})
    assert response.status_code == 206
    for stale in ('"another-etag"', f"W/{etag}", "Mon, 01 Jan 2001 00:00:00 GMT"):
        response = await client.get(mp4.url, headers={**api_headers, "Range": "bytes=0-9", "If-Range": stale})
        assert response.status_code == 200, stale
        assert "content-range" not in response.headers
        assert response.content == mp4.data


async def test_etag_changes_with_the_content(client: Any, api_headers: dict[str, str], mp4: Media) -> None:
    before = (await client.head(mp4.url, headers=api_headers)).headers["etag"]
    await set_columns(client, mp4.id, crc32=(mp4.recording.crc32 or 0) ^ 1)
    after = (await client.head(mp4.url, headers=api_headers)).headers["etag"]
    assert before != after


# -- downloads -----------------------------------------------------------------------------------------


_PARAM = re.compile(r';\s*([A-Za-z0-9!#$&+.^_`|~*-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;\s"]*)\s*')


def _disposition(value: str) -> tuple[str, str, str]:
    """(type, filename, decoded filename*) of a Content-Disposition value, parsed as RFC 6266 says;
    fails unless the whole value is well-formed with exactly one of each parameter."""
    kind = value.partition(";")[0]
    params: dict[str, str] = {}
    position = len(kind)
    while position < len(value):
        match = _PARAM.match(value, position)
        assert match is not None, f"malformed Content-Disposition at {position}: {value!r}"
        name, raw = match.group(1).lower(), match.group(2)
        assert name not in params, f"{name} given twice: {value!r}"
        params[name] = re.sub(r"\\(.)", r"\1", raw[1:-1]) if raw.startswith('"') else raw
        position = match.end()
    assert set(params) == {"filename", "filename*"}, value
    extended = params["filename*"]
    assert extended.startswith("UTF-8''"), value
    return kind.strip().lower(), params["filename"], unquote(extended[len("UTF-8''") :], errors="strict")


async def test_download(client: Any, api_headers: dict[str, str], mp4: Media) -> None:
    response = await client.get(mp4.url, params={"download": "1"}, headers=api_headers)
    assert response.status_code == 200
    assert response.content == mp4.data
    kind, filename, unicode_name = _disposition(response.headers["content-disposition"])
    assert kind == "attachment"
    assert filename == "Media room 2023-11-14 22-13.mp4"
    assert unicode_name == filename
    # Also on HEAD and on a range.
    head = await client.head(mp4.url, params={"download": "true"}, headers=api_headers)
    assert head.headers["content-disposition"] == response.headers["content-disposition"]
    ranged = await client.get(
        mp4.url, params={"download": "1"}, headers={**api_headers, "Range": "bytes=0-1"}
    )
    assert ranged.status_code == 206
    assert ranged.headers["content-disposition"] == response.headers["content-disposition"]


async def test_download_webm_extension(client: Any, api_headers: dict[str, str], webm: Media) -> None:
    response = await client.get(webm.url, params={"download": "1"}, headers=api_headers)
    assert _disposition(response.headers["content-disposition"])[1].endswith(".webm")


async def test_download_name_is_safe(
    client: Any, api_headers: dict[str, str], mp4: Media, request: pytest.FixtureRequest
) -> None:
    """Room names with quotes, slashes, control characters, unicode: one well-formed header, a safe name."""
    for room_name in (
        'He said "hi"',
        "a/b\\c/../..",
        "Über Größe 日本語 🎥",
        "line1\nline2",
        "x\r\nSet-Cookie: stolen=1",
        "semi; filename=evil.exe",
        "tab\there",
        "nul\x00byte",
        "...",
        "   ",
        "%2e%2e%2f",
        "\u202eexe.mp4",
        "\uff41\uff42\uff43",  # full-width letters
        "x" * 190,
    ):
        if "\x00" in room_name and request.config.getoption("--meet-db") == "postgres":
            continue  # PostgreSQL text cannot hold NUL
        await set_columns(client, mp4.id, room_name=room_name)
        response = await client.get(mp4.url, params={"download": "1"}, headers=api_headers)
        assert response.status_code == 200
        assert "set-cookie" not in response.headers
        raw = response.headers["content-disposition"]
        assert raw.isascii(), raw
        assert not any(c in raw for c in "\r\n\x00"), raw
        kind, filename, unicode_name = _disposition(raw)
        assert kind == "attachment"
        for name in (filename, unicode_name):
            assert name.endswith(".mp4"), name
            assert name.strip() == name
            assert not any(c in name for c in '/\\"\r\n\t\x00:*?<>|'), repr(name)
            assert all(c.isprintable() for c in name), repr(name)
            assert not name.startswith("."), name
            assert len(name) <= 200
        if room_name == "Über Größe 日本語 🎥":
            assert unicode_name.startswith("Über Größe 日本語 🎥 ")
            assert filename.startswith("Uber Gr")
        if room_name.startswith("semi;"):
            assert filename.startswith("semi; filename=evil.exe ")  # quoted: one parameter, not two


# -- failures ------------------------------------------------------------------------------------------


async def test_not_complete_is_409(client: Any, api_headers: dict[str, str]) -> None:
    for status in ("starting", "active", "ending", "failed", "aborted", "limit_reached"):
        room = await create_room(client, api_headers, "Not complete")
        (rid,) = await insert_rows(client, [make_row(room["roomId"], "Not complete", status=status)])
        for method in ("GET", "HEAD"):
            response = await client.request(method, f"{RECORDINGS}/{rid}/media", headers=api_headers)
            assert response.status_code == 409, (status, method, response.status_code)
        response = await client.get(f"{RECORDINGS}/{rid}/media", headers=api_headers)
        body = assert_error(response, 409, "Recording Error")
        if status in ("starting", "active", "ending"):
            assert body["message"].startswith(f"Recording '{rid}' is not stopped yet"), body


async def test_not_found(client: Any, api_headers: dict[str, str]) -> None:
    rid = "nothing-abc--EG_abc--uid"
    response = await client.get(f"{RECORDINGS}/{rid}/media", headers=api_headers)
    assert response.status_code == 404
    assert response.json() == {"error": "Recording Error", "message": f"Recording '{rid}' not found"}
    assert_422(await client.get(f"{RECORDINGS}/bad-id/media", headers=api_headers), "recordingId")


async def test_media_missing_from_the_store(
    client: Any, api_headers: dict[str, str], runtime: Any, mp4: Media
) -> None:
    await runtime.store.delete(mp4.recording.media_key)
    for headers in ({}, {"Range": "bytes=0-10"}, {"Range": "bytes=-10"}):
        response = await client.get(mp4.url, headers={**api_headers, **headers})
        assert_error(response, 404, "Recording Error")


async def test_head_media_missing_from_the_store(
    client: Any, api_headers: dict[str, str], runtime: Any, mp4: Media
) -> None:
    await runtime.store.delete(mp4.recording.media_key)
    response = await client.head(mp4.url, headers=api_headers)
    assert response.status_code == 404


# -- generated Range headers ---------------------------------------------------------------------------

_SIMPLE_RANGE = re.compile(r"bytes=(\d+)-(\d*)")


def _range_corpus(size: int, count: int = 400) -> list[str]:
    """Range headers built from the grammar's pieces (and some noise), reproducibly."""
    rng = random.Random(20_240_601)
    numbers = [
        "0",
        "1",
        "99",
        str(size - 1),
        str(size),
        str(size + 1),
        str(size * 3),
        "007",
        "",
        "18446744073709551616",
    ]
    pieces = [
        "bytes",
        "Bytes",
        "BYTES",
        "items",
        "=",
        " = ",
        "-",
        "--",
        ",",
        ", ",
        " ",
        "\t",
        "*",
        "/",
        ";",
        "x",
        "é",
    ]
    out = []
    for _ in range(count):
        shape = rng.random()
        if shape < 0.5:
            out.append(f"bytes={rng.choice(numbers)}-{rng.choice(numbers)}")
        elif shape < 0.7:
            first = f"{rng.choice(numbers)}-{rng.choice(numbers)}"
            out.append(f"bytes={first},{rng.choice(numbers)}-{rng.choice(numbers)}")
        else:
            out.append("".join(rng.choice(pieces + numbers) for _ in range(rng.randint(1, 7))))
    return out


async def test_generated_ranges(client: Any, api_headers: dict[str, str], mp4: Media) -> None:
    """Whatever the Range header, the answer is 206 with exactly the bytes announced, 416 or 422; a
    simple well-formed ``bytes=S-E`` is answered as the reference does (with the end clamped)."""
    size = mp4.size
    for header in _range_corpus(size):
        response = await client.get(mp4.url, headers={**api_headers, "Range": header.encode("latin-1")})
        status = response.status_code
        assert status in (206, 416, 422), (header, status, response.text[:200])
        if status == 206:
            match = re.fullmatch(r"bytes (\d+)-(\d+)/(\d+)", response.headers["content-range"])
            assert match, (header, response.headers["content-range"])
            first, last, total = (int(g) for g in match.groups())
            assert total == size, header
            assert 0 <= first <= last < size, header
            assert response.content == mp4.data[first : last + 1], header
            assert int(response.headers["content-length"]) == last - first + 1
        elif status == 416:
            assert response.headers["content-range"] == f"bytes */{size}", header
        simple = _SIMPLE_RANGE.fullmatch(header)
        if simple:
            start = int(simple.group(1))
            end = int(simple.group(2)) if simple.group(2) else size - 1
            if end < start:
                assert status in (416, 422), header
            elif start >= size:
                assert status == 416, header
            else:
                assert status == 206, header
                assert response.headers["content-range"] == f"bytes {start}-{min(end, size - 1)}/{size}"


# -- ranges read at once and ranges streamed -------------------------------------------------------------


@pytest.fixture
async def big(client: Any, api_headers: dict[str, str], runtime: Any) -> Media:
    """Media larger than the single-read limit (2 MiB), random bytes so every offset is distinct."""
    from meet_embed.recordings.media import SINGLE_READ_LIMIT

    data = random.Random(7).randbytes(2 * SINGLE_READ_LIMIT + 12_345)
    room = await create_room(client, api_headers, "Big")
    key = f"recordings/{room['roomId']}/big.mp4"
    await runtime.store.put(key, data)
    row = make_row(room["roomId"], "Big", size=len(data), media_key=key, content_type="video/mp4")
    await insert_rows(client, [row])
    return Media(row, data)


@pytest.mark.parametrize(
    "span",
    [
        (0, 2 * 1024 * 1024 - 1),  # exactly the limit: one read
        (0, 2 * 1024 * 1024),  # one byte more: streamed
        (1, 2 * 1024 * 1024),  # the limit, not from the start
        (3 * 1024 * 1024, None),  # to the end, streamed
        (None, 2 * 1024 * 1024 + 1),  # suffix past the limit
        (None, 100),  # suffix within it
    ],
)
async def test_ranges_either_side_of_the_single_read_limit(
    client: Any, api_headers: dict[str, str], big: Media, span: tuple[int | None, int | None]
) -> None:
    first, last = span
    header = f"bytes={'' if first is None else first}-{'' if last is None else last}"
    response = await client.get(big.url, headers={**api_headers, "Range": header})
    assert response.status_code == 206, response.text
    if first is None:
        assert last is not None
        start, end = big.size - last, big.size - 1
    else:
        start, end = first, big.size - 1 if last is None else last
    assert response.headers["content-range"] == f"bytes {start}-{end}/{big.size}"
    assert response.headers["content-length"] == str(end - start + 1)
    assert response.content == big.data[start : end + 1]


async def test_whole_big_file_is_streamed_byte_exact(
    client: Any, api_headers: dict[str, str], big: Media
) -> None:
    response = await client.get(big.url, headers=api_headers)
    assert response.status_code == 200
    assert response.content == big.data


async def test_media_shorter_than_on_record_is_not_a_short_body(
    client: Any, api_headers: dict[str, str], runtime: Any, big: Media
) -> None:
    """A file cut short behind the row's back: a small range past its end is an error, never fewer bytes
    than the Content-Length promised."""
    await runtime.store.put(big.recording.media_key, big.data[:1000])
    response = await client.get(big.url, headers={**api_headers, "Range": "bytes=500-1499"})
    assert_error(response, 404, "Recording Error")
