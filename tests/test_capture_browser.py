"""The browser capture backend's uploads (issue 5): real MediaRecorder chunks, who may upload, idempotent
retries, resuming, size limits, bad input, and recordings whose chunks cannot make media."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from functools import partial
from pathlib import Path
from typing import Any

import httpx
import pytest

from meet_embed.media.synth import synthesize
from meet_embed.storage import keys
from tests.capture_support import (
    RECORDINGS,
    app_client,
    chunk_rows,
    configure,
    create_room,
    in_app,
    load_row,
    media_facts,
    member_headers,
    no_chunks_left,
    put_chunk,
    read_object,
    runtime_of,
    source_duration,
    split_like_mediarecorder,
    start_recording,
    stored_chunks,
    top_level_boxes,
    upload_all,
    wait_for,
)
from tests.conftest import API_KEY
from tests.live import LiveServers

API_HEADERS = {"X-API-KEY": API_KEY}
MEDIARECORDER = Path(__file__).parent / "data" / "mediarecorder"


@pytest.fixture
def live() -> Iterator[LiveServers]:
    with LiveServers() as servers:
        yield servers


@pytest.fixture(scope="module")
def webm_3s(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return synthesize(tmp_path_factory.mktemp("browser") / "three.webm", 3.0, kind="webm", hue=77)


def mediarecorder_chunks(codec: str) -> list[bytes]:
    return [p.read_bytes() for p in sorted((MEDIARECORDER / codec).glob("*.part"))]


# -- real MediaRecorder output ------------------------------------------------------------------------------


@pytest.mark.parametrize("codec", ["vp9", "h264"])
async def test_chromium_mediarecorder_chunks(config_factory: Any, tmp_path: Path, codec: str) -> None:
    """Chunks exactly as Chromium's MediaRecorder handed them out (``start(700)``), one request each."""
    chunks = mediarecorder_chunks(codec)
    assert len(chunks) >= 4
    whole = tmp_path / "whole.webm"
    whole.write_bytes(b"".join(chunks))
    async with app_client(await configure(config_factory)) as client:
        room = await create_room(client, API_HEADERS, "Chromium")
        moderator = await member_headers(client, room, identity="dana")
        rid = (await start_recording(client, room["roomId"], moderator))["recordingId"]
        await upload_all(client, rid, chunks, moderator)
        stop = await client.post(f"{RECORDINGS}/{rid}/stop", headers=moderator)
        assert stop.status_code == 202, stop.text
        done = await wait_for(client, rid, moderator, ("complete", "failed"))
        assert done["status"] == "complete", done
        media = (await client.get(f"{RECORDINGS}/{rid}/media", headers=moderator)).content
        poster = await client.get(f"{RECORDINGS}/{rid}/poster", headers=moderator)
        runtime = runtime_of(client)
        await no_chunks_left(partial(in_app, client), runtime, room["roomId"])
    assert poster.status_code == 200
    assert poster.content[:3] == b"\xff\xd8\xff"
    facts = media_facts(media)
    assert "mp4" in facts["format"].split(",")
    assert facts["codecs"] == {"video": codec, "audio": "opus"}
    # Chromium's WebM has no duration in its header: the MP4 has one, as long as what was recorded.
    expected = source_duration(whole)
    assert abs(facts["duration"] - expected) <= 0.3, (facts, expected)
    assert abs(done["duration"] - expected) <= 0.3
    boxes = top_level_boxes(media)
    assert boxes.index("moov") < boxes.index("mdat")
    assert done["size"] == len(media)


# -- who may upload -----------------------------------------------------------------------------------------


async def test_only_the_recording_moderator_or_the_api_key_uploads(
    config_factory: Any, webm_3s: Path
) -> None:
    chunks = split_like_mediarecorder(webm_3s.read_bytes(), 4)
    async with app_client(await configure(config_factory)) as client:
        room = await create_room(client, API_HEADERS, "Owners")
        other_room = await create_room(client, API_HEADERS, "Others")
        owner = await member_headers(client, room, identity="erin")
        co_moderator = await member_headers(client, room, identity="frank")
        speaker = await member_headers(client, room, "speaker", identity="gina")
        foreign = await member_headers(client, other_room, identity="erin")
        rid = (await start_recording(client, room["roomId"], owner))["recordingId"]

        for headers, status in ((co_moderator, 403), (speaker, 403), (foreign, 403), ({}, 401)):
            refused = await put_chunk(client, rid, 0, chunks[0], headers)
            assert refused.status_code == status, (headers, refused.text)
            listing = await client.get(f"{RECORDINGS}/{rid}/chunks", headers=headers)
            assert listing.status_code == status
        # Nothing was stored by the refused uploads, and the recording did not start.
        runtime = runtime_of(client)
        assert await in_app(client, stored_chunks, runtime, room["roomId"], rid) == []
        assert (await client.get(f"{RECORDINGS}/{rid}", headers=API_HEADERS)).json()["status"] == "starting"

        assert (await put_chunk(client, rid, 0, chunks[0], owner)).status_code == 200
        # The host's API key may upload too (a server-side uploader), e.g. the rest of the recording.
        for seq in (1, 2):
            assert (await put_chunk(client, rid, seq, chunks[seq], API_HEADERS)).status_code == 200
        listing = await client.get(f"{RECORDINGS}/{rid}/chunks", headers=API_HEADERS)
        assert listing.json()["received"] == [0, 1, 2]
        assert (await put_chunk(client, rid, 3, chunks[3], owner, final=True)).status_code == 200
        # Any moderator of the room may stop it.
        assert (await client.post(f"{RECORDINGS}/{rid}/stop", headers=co_moderator)).status_code == 202
        await wait_for(client, rid, owner)
        # A finished recording takes no more chunks.
        late = await put_chunk(client, rid, 4, b"\x1a\x45\xdf\xa3 more", owner)
        assert late.status_code == 409, late.text
        assert late.json()["error"] == "Recording Error"
        await no_chunks_left(partial(in_app, client), runtime, room["roomId"], rid)


async def test_uploads_to_failed_or_aborted_recordings_are_refused(config_factory: Any) -> None:
    async with app_client(await configure(config_factory)) as client:
        room = await create_room(client, API_HEADERS)
        rid = (await start_recording(client, room["roomId"], API_HEADERS))["recordingId"]
        assert (await client.post(f"{RECORDINGS}/{rid}/stop", headers=API_HEADERS)).status_code == 409
        assert (await client.get(f"{RECORDINGS}/{rid}", headers=API_HEADERS)).json()["status"] == "aborted"
        refused = await put_chunk(client, rid, 0, b"\x1a\x45\xdf\xa3", API_HEADERS)
        assert refused.status_code == 409
        assert "not being captured" in refused.json()["message"]
        unknown = await put_chunk(client, rid.replace("--EG_", "--EG_0"), 0, b"x", API_HEADERS)
        assert unknown.status_code == 404


# -- idempotency and resuming -----------------------------------------------------------------------------


async def test_retries_replace_and_resume(config_factory: Any, webm_3s: Path) -> None:
    chunks = split_like_mediarecorder(webm_3s.read_bytes(), 4)
    async with app_client(await configure(config_factory)) as client:
        room = await create_room(client, API_HEADERS)
        rid = (await start_recording(client, room["roomId"], API_HEADERS))["recordingId"]
        empty = (await client.get(f"{RECORDINGS}/{rid}/chunks", headers=API_HEADERS)).json()
        assert empty == {"recordingId": rid, "status": "starting", "received": [], "bytes": 0}
        # A wrong chunk 1 first (garbage), then the right one: the last upload of a seq wins.
        assert (await put_chunk(client, rid, 1, b"garbage" * 100, API_HEADERS)).status_code == 200
        assert (await put_chunk(client, rid, 0, chunks[0], API_HEADERS)).status_code == 200
        assert (await put_chunk(client, rid, 1, chunks[1], API_HEADERS)).status_code == 200
        status = (await client.get(f"{RECORDINGS}/{rid}/chunks", headers=API_HEADERS)).json()
        assert status["received"] == [0, 1]
        assert status["bytes"] == len(chunks[0]) + len(chunks[1])
        assert status["status"] == "active"
        # The client resumes from what the server says it has.
        for seq in range(4):
            if seq not in status["received"]:
                response = await put_chunk(client, rid, seq, chunks[seq], API_HEADERS, final=seq == 3)
                assert response.status_code == 200
        assert (await client.post(f"{RECORDINGS}/{rid}/stop", headers=API_HEADERS)).status_code == 202
        done = await wait_for(client, rid, API_HEADERS, ("complete", "failed"))
        assert done["status"] == "complete", done
        media = (await client.get(f"{RECORDINGS}/{rid}/media", headers=API_HEADERS)).content
    assert abs(media_facts(media)["duration"] - source_duration(webm_3s)) <= 0.3


# -- bad input -------------------------------------------------------------------------------------------


async def test_sequence_numbers_and_empty_chunks(config_factory: Any) -> None:
    async with app_client(await configure(config_factory)) as client:
        room = await create_room(client, API_HEADERS)
        rid = (await start_recording(client, room["roomId"], API_HEADERS))["recordingId"]
        for seq in ("-1", "1000001", "99999999999999999999999"):
            response = await client.put(
                f"{RECORDINGS}/{rid}/chunks/{seq}", content=b"abc", headers=API_HEADERS
            )
            assert response.status_code == 422, (seq, response.text)
            assert response.json()["error"] == "Unprocessable Entity"
        empty = await put_chunk(client, rid, 0, b"", API_HEADERS)
        assert empty.status_code == 400, empty.text
        assert empty.json()["message"] == "A chunk must not be empty"
        status = (await client.get(f"{RECORDINGS}/{rid}/chunks", headers=API_HEADERS)).json()
        assert status["received"] == []
        assert status["status"] == "starting"
        runtime = runtime_of(client)
        assert await in_app(client, chunk_rows, runtime, rid) == []


async def test_an_empty_retry_does_not_destroy_a_received_chunk(config_factory: Any, webm_3s: Path) -> None:
    chunks = split_like_mediarecorder(webm_3s.read_bytes(), 3)
    async with app_client(await configure(config_factory)) as client:
        room = await create_room(client, API_HEADERS)
        rid = (await start_recording(client, room["roomId"], API_HEADERS))["recordingId"]
        await upload_all(client, rid, chunks, API_HEADERS)
        # A retry whose body got lost on the way (an empty blob) is refused ...
        assert (await put_chunk(client, rid, 1, b"", API_HEADERS)).status_code == 400
        # ... and what had arrived for that chunk is still there,
        assert (await client.get(f"{RECORDINGS}/{rid}/chunks", headers=API_HEADERS)).json()["bytes"] == sum(
            len(c) for c in chunks
        )
        runtime = runtime_of(client)
        key = keys.chunk_key(room["roomId"], rid, 1)
        assert await in_app(client, read_object, runtime, key) == chunks[1]
        # so the recording comes out whole.
        assert (await client.post(f"{RECORDINGS}/{rid}/stop", headers=API_HEADERS)).status_code == 202
        done = await wait_for(client, rid, API_HEADERS, ("complete", "failed"))
        assert done["status"] == "complete", done
        media = (await client.get(f"{RECORDINGS}/{rid}/media", headers=API_HEADERS)).content
    assert media_facts(media)["video_frames"] >= 3 * 24 - 2


# -- size limits -----------------------------------------------------------------------------------------


async def test_chunk_larger_than_the_limit(live: LiveServers, config_factory: Any) -> None:
    """413 both when the size is declared (Content-Length) and when the body is streamed without one; in
    neither case anything is stored and the recording keeps waiting for a good chunk."""
    server = live.meet(await configure(config_factory, max_chunk_bytes=64 * 1024))
    runtime = server.runtime
    big = bytes(range(256)) * 400  # 100 KiB

    async def streamed() -> AsyncIterator[bytes]:
        for start in range(0, len(big), 8192):
            yield big[start : start + 8192]

    async with httpx.AsyncClient(base_url=server.base_url, timeout=20) as http:
        room = await create_room(http, API_HEADERS)
        rid = (await start_recording(http, room["roomId"], API_HEADERS))["recordingId"]
        declared = await put_chunk(http, rid, 0, big, API_HEADERS)
        assert declared.status_code == 413, declared.text
        assert declared.json()["error"] == "Payload Too Large"
        chunked = await http.put(f"{RECORDINGS}/{rid}/chunks/0", content=streamed(), headers=API_HEADERS)
        assert chunked.status_code == 413, chunked.text
        assert await server.call(stored_chunks, runtime, room["roomId"], rid) == []
        assert await server.call(chunk_rows, runtime, rid) == []
        status = (await http.get(f"{RECORDINGS}/{rid}/chunks", headers=API_HEADERS)).json()
        assert status["received"] == []
        assert status["status"] == "starting"
        # Right at the limit is fine.
        assert (await put_chunk(http, rid, 0, big[: 64 * 1024], API_HEADERS)).status_code == 200


async def test_recording_larger_than_the_limit(config_factory: Any, webm_3s: Path) -> None:
    """Past ``max_recording_bytes`` the upload is refused with 413 and the recording is stopped; what
    arrived before is finalized."""
    chunks = split_like_mediarecorder(webm_3s.read_bytes(), 4)
    limit = len(chunks[0]) + len(chunks[1]) + len(chunks[2]) // 2
    config = await configure(config_factory, max_recording_bytes=limit, finalize_grace=0.2)
    async with app_client(config) as client:
        runtime = runtime_of(client)
        room = await create_room(client, API_HEADERS)
        rid = (await start_recording(client, room["roomId"], API_HEADERS))["recordingId"]
        for seq in (0, 1):
            assert (await put_chunk(client, rid, seq, chunks[seq], API_HEADERS)).status_code == 200
        # Replacing a chunk counts its new size only (not twice).
        assert (await put_chunk(client, rid, 1, chunks[1], API_HEADERS)).status_code == 200
        too_much = await put_chunk(client, rid, 2, chunks[2], API_HEADERS)
        assert too_much.status_code == 413, too_much.text
        assert "size limit" in too_much.json()["message"]
        assert await in_app(client, chunk_rows, runtime, rid) == [0, 1]
        row = await in_app(client, load_row, runtime, rid)
        assert row.status == "ending"
        assert row.stop_reason == "size_limit"
        # The sweep finalizes what there is once the grace period for a last chunk is over.
        await asyncio.sleep(0.3)
        report = await in_app(client, runtime.sweeper.sweep_once)
        assert report.finalized == [rid]
        done = (await client.get(f"{RECORDINGS}/{rid}", headers=API_HEADERS)).json()
        assert done["status"] == "complete", done
        assert 0 < done["duration"] < source_duration(webm_3s)


# -- chunks that make no media --------------------------------------------------------------------------


async def test_garbage_chunks_fail_and_are_kept(config_factory: Any) -> None:
    garbage = [bytes([(i * 37 + n) % 251 for i in range(20_000)]) for n in range(3)]
    async with app_client(await configure(config_factory)) as client:
        runtime = runtime_of(client)
        room = await create_room(client, API_HEADERS)
        rid = (await start_recording(client, room["roomId"], API_HEADERS))["recordingId"]
        await upload_all(client, rid, garbage, API_HEADERS)
        assert (await client.post(f"{RECORDINGS}/{rid}/stop", headers=API_HEADERS)).status_code == 202
        done = await wait_for(client, rid, API_HEADERS, ("complete", "failed", "aborted"))
        assert done["status"] == "failed", done
        assert done["error"].startswith("The captured media cannot be read"), done
        assert "endDate" in done
        # The uploads are kept (for someone to look into), in the store and in the database.
        kept = await in_app(client, stored_chunks, runtime, room["roomId"], rid)
        assert len(kept) == 3
        assert await in_app(client, chunk_rows, runtime, rid) == [0, 1, 2]
        media = await client.get(f"{RECORDINGS}/{rid}/media", headers=API_HEADERS)
        assert media.status_code == 409
        # A failed recording frees the room; deleting it removes the kept chunks too.
        assert (
            await client.post(RECORDINGS, json={"roomId": room["roomId"]}, headers=API_HEADERS)
        ).status_code == 201
        deleted = await client.delete(f"{RECORDINGS}/{rid}", headers=API_HEADERS)
        assert deleted.status_code == 200, deleted.text
        await no_chunks_left(partial(in_app, client), runtime, room["roomId"], rid)


# -- uploads in parallel --------------------------------------------------------------------------------


async def test_parallel_uploads(live: LiveServers, config_factory: Any, webm_3s: Path) -> None:
    """A browser that sends its chunks in parallel (and retries one at the same time): every chunk is
    received once, the recording is active, and the result is whole."""
    chunks = split_like_mediarecorder(webm_3s.read_bytes(), 6)
    server = live.meet(await configure(config_factory))
    async with httpx.AsyncClient(base_url=server.base_url, timeout=20) as http:
        room = await create_room(http, API_HEADERS)
        moderator = await member_headers(http, room, identity="pat")
        rid = (await start_recording(http, room["roomId"], moderator))["recordingId"]
        uploads = [
            put_chunk(http, rid, seq, data, moderator, final=seq == 5) for seq, data in enumerate(chunks)
        ]
        uploads.append(put_chunk(http, rid, 2, chunks[2], moderator))
        responses = await asyncio.gather(*uploads)
        assert [r.status_code for r in responses] == [200] * 7, [r.text for r in responses]
        status = (await http.get(f"{RECORDINGS}/{rid}/chunks", headers=moderator)).json()
        assert status["received"] == list(range(6))
        assert status["bytes"] == sum(len(c) for c in chunks)
        assert status["status"] == "active"
        assert await server.call(chunk_rows, server.runtime, rid) == list(range(6))
        assert (await http.post(f"{RECORDINGS}/{rid}/stop", headers=moderator)).status_code == 202
        done = await wait_for(http, rid, moderator, ("complete", "failed"))
        assert done["status"] == "complete", done
        media = (await http.get(f"{RECORDINGS}/{rid}/media", headers=moderator)).content
    assert media_facts(media)["video_frames"] >= 3 * 24 - 2


async def test_parallel_first_chunks_all_report_active(
    live: LiveServers, config_factory: Any, webm_3s: Path
) -> None:
    chunks = split_like_mediarecorder(webm_3s.read_bytes(), 6)
    server = live.meet(await configure(config_factory))
    async with httpx.AsyncClient(base_url=server.base_url, timeout=20) as http:
        room = await create_room(http, API_HEADERS)
        statuses: set[str] = set()
        for _ in range(3):
            rid = (await start_recording(http, room["roomId"], API_HEADERS))["recordingId"]
            responses = await asyncio.gather(
                *(
                    put_chunk(http, rid, seq, data, API_HEADERS, final=seq == 5)
                    for seq, data in enumerate(chunks)
                )
            )
            statuses |= {r.json()["status"] for r in responses}
            assert (await http.post(f"{RECORDINGS}/{rid}/stop", headers=API_HEADERS)).status_code == 202
            await wait_for(http, rid, API_HEADERS, ("complete", "failed", "aborted"))
    # Every chunk arrived while the recording was (or became) active.
    assert statuses == {"active"}


async def test_a_streamed_upload_past_the_recording_limit_stops_it(
    live: LiveServers, config_factory: Any
) -> None:
    server = live.meet(await configure(config_factory, max_recording_bytes=100_000))
    first = bytes(range(256)) * 300  # 76.8 kB
    second = bytes(range(256)) * 200  # 51.2 kB: over the 100 kB in all, under the chunk limit

    async def streamed() -> AsyncIterator[bytes]:
        for start in range(0, len(second), 4096):
            yield second[start : start + 4096]

    async with httpx.AsyncClient(base_url=server.base_url, timeout=20) as http:
        room = await create_room(http, API_HEADERS)
        rid = (await start_recording(http, room["roomId"], API_HEADERS))["recordingId"]
        assert (await put_chunk(http, rid, 0, first, API_HEADERS)).status_code == 200
        response = await http.put(f"{RECORDINGS}/{rid}/chunks/1", content=streamed(), headers=API_HEADERS)
        assert response.status_code == 413, response.text
        assert "size limit" in response.json()["message"]
        assert (await http.get(f"{RECORDINGS}/{rid}", headers=API_HEADERS)).json()["status"] == "ending"
