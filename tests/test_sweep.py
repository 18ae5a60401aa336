"""The sweep (issue 5): what no request finishes on its own. Recordings that never got data fail, silent
ones are stopped and finalized with what they have, stopped ones whose finalization never ran (or was
cut short by a restart) are finalized, a gap keeps the chunks before it. Timeouts are made tiny through
the config; the sweep is called directly (``runtime.sweeper.sweep_once()``)."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

import pytest

from meet_embed.media.synth import synthesize
from tests.capture_support import (
    RECORDINGS,
    app_client,
    chunk_rows,
    configure,
    create_room,
    in_app,
    load_row,
    media_facts,
    put_chunk,
    runtime_of,
    set_row,
    source_duration,
    split_like_mediarecorder,
    start_recording,
    stored_chunks,
    survives_restarts,
    wait_for,
)
from tests.conftest import API_KEY

API_HEADERS = {"X-API-KEY": API_KEY}
MEDIARECORDER = Path(__file__).parent / "data" / "mediarecorder"


@pytest.fixture(scope="module")
def webm_3s(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return synthesize(tmp_path_factory.mktemp("sweep") / "three.webm", 3.0, kind="webm", hue=150)


async def status_of(client: Any, rid: str) -> dict[str, Any]:
    response = await client.get(f"{RECORDINGS}/{rid}", headers=API_HEADERS)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_a_start_without_data_fails_after_start_timeout(config_factory: Any) -> None:
    async with app_client(await configure(config_factory, start_timeout=0.4)) as client:
        runtime = runtime_of(client)
        room = await create_room(client, API_HEADERS)
        rid = (await start_recording(client, room["roomId"], API_HEADERS))["recordingId"]
        early = await in_app(client, runtime.sweeper.sweep_once)
        assert early.failed == []
        assert (await status_of(client, rid))["status"] == "starting"
        await asyncio.sleep(0.5)
        report = await in_app(client, runtime.sweeper.sweep_once)
        assert report.failed == [rid]
        failed = await status_of(client, rid)
        assert failed["status"] == "failed"
        assert failed["error"] == "No media arrived within 0.4 s of the start"
        assert failed["endDate"] >= failed["startDate"]
        # The room may record again, and a late chunk of the failed one is refused.
        assert (await put_chunk(client, rid, 0, b"\x1a\x45\xdf\xa3", API_HEADERS)).status_code == 409
        assert (
            await client.post(RECORDINGS, json={"roomId": room["roomId"]}, headers=API_HEADERS)
        ).status_code == 201


async def test_a_silent_recording_is_stopped_and_finalized_with_what_it_has(
    config_factory: Any, webm_3s: Path
) -> None:
    chunks = split_like_mediarecorder(webm_3s.read_bytes(), 4)
    config = await configure(config_factory, stale_after=0.5, finalize_grace=0.3)
    async with app_client(config) as client:
        runtime = runtime_of(client)
        room = await create_room(client, API_HEADERS)
        rid = (await start_recording(client, room["roomId"], API_HEADERS))["recordingId"]
        for seq in range(3):  # the browser went away before its last chunk
            assert (await put_chunk(client, rid, seq, chunks[seq], API_HEADERS)).status_code == 200
        assert (await in_app(client, runtime.sweeper.sweep_once)).stopped == []
        await asyncio.sleep(0.6)
        report = await in_app(client, runtime.sweeper.sweep_once)
        assert report.stopped == [rid]
        stopped = await status_of(client, rid)
        assert stopped["status"] == "ending"
        assert stopped["details"].startswith("End reason: stale")
        # Once no last chunk came within the grace period, the next sweep finalizes the three it has.
        await asyncio.sleep(0.4)
        report = await in_app(client, runtime.sweeper.sweep_once)
        assert report.finalized == [rid]
        done = await status_of(client, rid)
        assert done["status"] == "complete", done
        media = (await client.get(f"{RECORDINGS}/{rid}/media", headers=API_HEADERS)).content
        assert await in_app(client, stored_chunks, runtime, room["roomId"]) == []
        assert await in_app(client, chunk_rows, runtime, rid) == []
    duration = media_facts(media)["duration"]
    assert 0.5 < duration < source_duration(webm_3s) - 0.2, duration


async def test_healthy_recordings_are_left_alone(config_factory: Any, webm_3s: Path) -> None:
    chunks = split_like_mediarecorder(webm_3s.read_bytes(), 3)
    async with app_client(
        await configure(config_factory, start_timeout=5, stale_after=5, finalize_grace=5)
    ) as client:
        runtime = runtime_of(client)
        starting_room = await create_room(client, API_HEADERS, "Starting")
        active_room = await create_room(client, API_HEADERS, "Active")
        ending_room = await create_room(client, API_HEADERS, "Ending")
        starting = (await start_recording(client, starting_room["roomId"], API_HEADERS))["recordingId"]
        active = (await start_recording(client, active_room["roomId"], API_HEADERS))["recordingId"]
        ending = (await start_recording(client, ending_room["roomId"], API_HEADERS))["recordingId"]
        assert (await put_chunk(client, active, 0, chunks[0], API_HEADERS)).status_code == 200
        assert (await put_chunk(client, ending, 0, chunks[0], API_HEADERS)).status_code == 200
        assert (await client.post(f"{RECORDINGS}/{ending}/stop", headers=API_HEADERS)).status_code == 202
        report = await in_app(client, runtime.sweeper.sweep_once)
        assert (report.failed, report.stopped, report.finalized) == ([], [], [])
        assert [(await status_of(client, r))["status"] for r in (starting, active, ending)] == [
            "starting",
            "active",
            "ending",
        ]


async def test_a_stopped_recording_is_finalized_after_a_restart(config_factory: Any, webm_3s: Path) -> None:
    """Stopped before its last chunk came, then the server restarted: nobody is left to finalize it but
    the sweep, once ``finalize_grace`` has passed."""
    chunks = split_like_mediarecorder(webm_3s.read_bytes(), 3)
    config = survives_restarts(await configure(config_factory, finalize_grace=0.5))
    async with app_client(config) as client:
        room = await create_room(client, API_HEADERS)
        rid = (await start_recording(client, room["roomId"], API_HEADERS))["recordingId"]
        for seq in range(3):
            assert (await put_chunk(client, rid, seq, chunks[seq], API_HEADERS)).status_code == 200
        assert (await client.post(f"{RECORDINGS}/{rid}/stop", headers=API_HEADERS)).status_code == 202
        stopped_at = time.monotonic()
    async with app_client(config) as client:
        runtime = runtime_of(client)
        assert (await status_of(client, rid))["status"] == "ending"
        if time.monotonic() - stopped_at < 0.4:
            assert (await in_app(client, runtime.sweeper.sweep_once)).finalized == []
        await asyncio.sleep(max(0.0, 0.6 - (time.monotonic() - stopped_at)))
        await in_app(client, runtime.sweeper.sweep_once)
        # This sweep, or the app's own periodic one if it got there first (a loaded machine starts the app
        # late): one of them finalizes it, the other finds the work taken.
        done = await wait_for(client, rid, API_HEADERS, ("complete", "failed", "aborted"))
        assert done["status"] == "complete", done
        assert abs(done["duration"] - source_duration(webm_3s)) <= 0.3
        assert await in_app(client, stored_chunks, runtime, room["roomId"]) == []


async def test_an_ending_recording_with_every_chunk_is_finalized_right_away(
    config_factory: Any, webm_3s: Path
) -> None:
    """Every chunk up to the final one is there but no finalization runs (its task was lost): the sweep
    does not wait for the grace period."""
    chunks = split_like_mediarecorder(webm_3s.read_bytes(), 3)
    async with app_client(await configure(config_factory, finalize_grace=60)) as client:
        runtime = runtime_of(client)
        room = await create_room(client, API_HEADERS)
        rid = (await start_recording(client, room["roomId"], API_HEADERS))["recordingId"]
        for seq in range(3):
            assert (await put_chunk(client, rid, seq, chunks[seq], API_HEADERS)).status_code == 200
        # What a stop whose background task died leaves behind.
        await in_app(client, set_row, runtime, rid, status="ending", final_seq=2, stop_reason="requested")
        report = await in_app(client, runtime.sweeper.sweep_once)
        assert report.finalized == [rid]
        done = await status_of(client, rid)
        assert done["status"] == "complete", done
        assert abs(done["duration"] - source_duration(webm_3s)) <= 0.3


async def test_a_finalization_cut_short_by_a_shutdown_is_redone_after_the_restart(
    config_factory: Any, webm_3s: Path
) -> None:
    chunks = split_like_mediarecorder(webm_3s.read_bytes(), 3)
    config = survives_restarts(await configure(config_factory, finalize_grace=0.3))
    async with app_client(config) as client:
        runtime = runtime_of(client)
        room = await create_room(client, API_HEADERS)
        rid = (await start_recording(client, room["roomId"], API_HEADERS))["recordingId"]
        for seq in range(3):
            assert (await put_chunk(client, rid, seq, chunks[seq], API_HEADERS)).status_code == 200
        # Stopped without a final chunk: nothing finalizes yet.
        assert (await client.post(f"{RECORDINGS}/{rid}/stop", headers=API_HEADERS)).status_code == 202

        async def begin_and_shut_down() -> str:
            # The finalization starts in the background, as the stop or the sweep would start it, and
            # the app shuts down while it runs (the shutdown cancels background tasks).
            task = runtime.spawn(runtime.finalizer.finalize(rid), name="finalize-under-test")
            while not task.done():
                row = await load_row(runtime, rid)
                if row is not None and row.finalize_lease_until:
                    break
                await asyncio.sleep(0)
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
            row = await load_row(runtime, rid)
            assert row is not None
            return row.status

        assert await in_app(client, begin_and_shut_down) == "ending"
    async with app_client(config) as client:
        runtime = runtime_of(client)
        await asyncio.sleep(0.4)
        await in_app(client, runtime.sweeper.sweep_once)
        done = await status_of(client, rid)
        assert done["status"] == "complete", done


async def test_a_gap_keeps_the_chunks_before_it(config_factory: Any) -> None:
    """Chunk 3 of Chromium's five never arrived: after the grace period the recording is the first three
    chunks, and says so."""
    parts = [p.read_bytes() for p in sorted((MEDIARECORDER / "vp9").glob("*.part"))]
    config = await configure(config_factory, finalize_grace=0.3)
    async with app_client(config) as client:
        runtime = runtime_of(client)
        room = await create_room(client, API_HEADERS)
        rid = (await start_recording(client, room["roomId"], API_HEADERS))["recordingId"]
        last = len(parts) - 1
        for seq in [*range(3), last]:
            response = await put_chunk(client, rid, seq, parts[seq], API_HEADERS, final=seq == last)
            assert response.status_code == 200
        assert (await client.post(f"{RECORDINGS}/{rid}/stop", headers=API_HEADERS)).status_code == 202
        # Waiting for the missing chunk: not finalized by the stop nor by a sweep within the grace period.
        await asyncio.sleep(0.1)
        assert (await status_of(client, rid))["status"] == "ending"
        await asyncio.sleep(0.3)
        report = await in_app(client, runtime.sweeper.sweep_once)
        assert report.finalized == [rid]
        done = await status_of(client, rid)
        assert done["status"] == "complete", done
        # Those chunks were acknowledged and are now gone: the recording says so.
        assert (
            "chunk 3 never arrived: the 1 chunk(s) received after it were left out and deleted"
            in (done["details"])
        )
        media = (await client.get(f"{RECORDINGS}/{rid}/media", headers=API_HEADERS)).content
        assert await in_app(client, stored_chunks, runtime, room["roomId"]) == []
        assert await in_app(client, chunk_rows, runtime, rid) == []
        row = await in_app(client, load_row, runtime, rid)
        assert row.final_seq == last
    facts = media_facts(media)
    assert facts["streams"] == ["audio", "video"]
    # Three chunks of 0.7 s (the last one cut mid-stream): about two seconds, clearly not the whole three.
    assert 1.2 < facts["duration"] < 2.6, facts


async def test_no_sweep_is_needed_when_the_final_chunk_is_there(config_factory: Any, webm_3s: Path) -> None:
    """``stop`` with every chunk up to the final one there finalizes at once (not after the grace)."""
    chunks = split_like_mediarecorder(webm_3s.read_bytes(), 2)
    async with app_client(await configure(config_factory, finalize_grace=60)) as client:
        room = await create_room(client, API_HEADERS)
        rid = (await start_recording(client, room["roomId"], API_HEADERS))["recordingId"]
        assert (await put_chunk(client, rid, 0, chunks[0], API_HEADERS)).status_code == 200
        assert (await put_chunk(client, rid, 1, chunks[1], API_HEADERS, final=True)).status_code == 200
        assert (await client.post(f"{RECORDINGS}/{rid}/stop", headers=API_HEADERS)).status_code == 202
        assert (await wait_for(client, rid, API_HEADERS, timeout=10))["status"] == "complete"
