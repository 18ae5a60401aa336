"""Races in the life of a browser recording: finalizations that outlive their lease, chunks that arrive
while (or just after) finalization starts, a stop that crosses the first or the last chunk, and uploads
cut off mid-body. Each is made to happen for sure: a slow remux, a lease made short, or a request that
read the recording just before another one changed it."""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

import meet_embed.recorders.finalize as finalize
from meet_embed.media.synth import synthesize
from meet_embed.recorders.browser import receive_chunk
from meet_embed.runtime import MeetRuntime
from meet_embed.storage import keys
from tests.capture_support import (
    RECORDINGS,
    app_client,
    chunk_rows,
    configure,
    create_room,
    eventually,
    in_app,
    load_row,
    put_chunk,
    read_object,
    runtime_of,
    split_like_mediarecorder,
    start_recording,
    stored_chunks,
    upload_all,
    wait_for,
)
from tests.conftest import API_KEY
from tests.live import LiveServers

API_HEADERS = {"X-API-KEY": API_KEY}


@pytest.fixture(scope="module")
def chunks(tmp_path_factory: pytest.TempPathFactory) -> list[bytes]:
    source = synthesize(tmp_path_factory.mktemp("races") / "m.webm", 3.0, kind="webm", hue=200)
    return split_like_mediarecorder(source.read_bytes(), 3)


@pytest.fixture
def live() -> Iterator[LiveServers]:
    with LiveServers() as servers:
        yield servers


def slow_remux(monkeypatch: pytest.MonkeyPatch, seconds: float, *, only_first: bool = False) -> list[Path]:
    """Make remuxing take ``seconds`` (in its worker thread, as a long recording would); returns the list
    of remuxes started."""
    real = finalize.remux_for_playback
    started: list[Path] = []

    def slow(src: Path, workdir: Path) -> Any:
        started.append(src)
        if len(started) == 1 or not only_first:
            time.sleep(seconds)
        return real(src, workdir)

    monkeypatch.setattr(finalize, "remux_for_playback", slow)
    return started


async def objects_of_room(client: Any, runtime: MeetRuntime, room_id: str) -> list[str]:
    return sorted(await in_app(client, runtime.store.list_keys, keys.room_prefix(room_id)))


# -- finalization and its lease ----------------------------------------------------------------------------


async def test_a_finalization_longer_than_its_lease_keeps_it(
    config_factory: Any, chunks: list[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A remux that takes longer than the lease: the lease is renewed while it works, so the sweep (or
    another replica) does not start a second finalization of the same recording."""
    monkeypatch.setattr(finalize, "LEASE_SECONDS", 1)
    remuxes = slow_remux(monkeypatch, 2.5)
    async with app_client(await configure(config_factory)) as client:
        runtime = runtime_of(client)
        room = await create_room(client, API_HEADERS)
        rid = (await start_recording(client, room["roomId"], API_HEADERS))["recordingId"]
        await upload_all(client, rid, chunks, API_HEADERS)
        assert (await client.post(f"{RECORDINGS}/{rid}/stop", headers=API_HEADERS)).status_code == 202
        await asyncio.sleep(1.3)  # the first finalization is still remuxing, past its first lease
        assert await in_app(client, runtime.finalizer.finalize, rid) is None
        done = await wait_for(client, rid, API_HEADERS, ("complete", "failed"), timeout=20)
        assert done["status"] == "complete", done
        assert len(remuxes) == 1
        media = await client.get(f"{RECORDINGS}/{rid}/media", headers=API_HEADERS)
        assert media.status_code == 200
        assert len(media.content) == done["size"]


async def test_a_finalization_that_lost_its_lease_never_deletes_what_another_committed(
    config_factory: Any, chunks: list[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lease lapses anyway (renewals that do not reach the database): a second finalization runs and
    completes the recording; the first one, finishing later, must leave the committed media and poster
    alone and take only its own objects away."""
    monkeypatch.setattr(finalize, "LEASE_SECONDS", 1)

    async def renewal_lost(self: Any, recording_id: str, attempt: int) -> bool:
        return True  # believes it renewed; the database never heard of it

    monkeypatch.setattr(finalize.Finalizer, "_renew_lease", renewal_lost, raising=False)
    remuxes = slow_remux(monkeypatch, 2.5, only_first=True)
    async with app_client(await configure(config_factory)) as client:
        runtime = runtime_of(client)
        room = await create_room(client, API_HEADERS)
        room_id = room["roomId"]
        rid = (await start_recording(client, room_id, API_HEADERS))["recordingId"]
        await upload_all(client, rid, chunks, API_HEADERS)
        assert (await client.post(f"{RECORDINGS}/{rid}/stop", headers=API_HEADERS)).status_code == 202
        await asyncio.sleep(1.3)
        assert await in_app(client, runtime.finalizer.finalize, rid) == "complete"
        row = await in_app(client, load_row, runtime, rid)
        # The first finalization finishes its remux, uploads, and finds it lost.
        await eventually(lambda: len(remuxes) == 2, timeout=5)
        await asyncio.sleep(3.0)
        assert await objects_of_room(client, runtime, room_id) == sorted([row.media_key, row.poster_key])
        done = (await client.get(f"{RECORDINGS}/{rid}", headers=API_HEADERS)).json()
        assert done["status"] == "complete"
        media = await client.get(f"{RECORDINGS}/{rid}/media", headers=API_HEADERS)
        assert media.status_code == 200, media.text
        assert len(media.content) == done["size"]
        assert (await client.get(f"{RECORDINGS}/{rid}/poster", headers=API_HEADERS)).status_code == 200


# -- chunks and finalization -------------------------------------------------------------------------------


async def test_a_chunk_sent_while_finalization_runs_is_refused_not_lost(
    config_factory: Any, chunks: list[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The browser's last chunk comes after the grace period, while the sweep already finalizes what it
    has: the upload is answered 409 (the browser knows it is not in the recording), never 200 and then
    deleted with the other chunks."""
    slow_remux(monkeypatch, 2.0)
    async with app_client(await configure(config_factory, finalize_grace=0.2)) as client:
        runtime = runtime_of(client)
        room = await create_room(client, API_HEADERS)
        rid = (await start_recording(client, room["roomId"], API_HEADERS))["recordingId"]
        for seq in (0, 1):
            assert (await put_chunk(client, rid, seq, chunks[seq], API_HEADERS)).status_code == 200
        assert (await client.post(f"{RECORDINGS}/{rid}/stop", headers=API_HEADERS)).status_code == 202
        await asyncio.sleep(0.3)
        sweep = asyncio.create_task(in_app(client, runtime.sweeper.sweep_once))
        await asyncio.sleep(0.5)  # the sweep's finalization is remuxing chunks 0 and 1
        late = await put_chunk(client, rid, 2, chunks[2], API_HEADERS, final=True)
        assert late.status_code == 409, late.text
        assert late.json() == {
            "error": "Recording Error",
            "message": f"Recording '{rid}' is being finalized and takes no more chunks",
        }
        assert (await sweep).finalized == [rid]
        done = await wait_for(client, rid, API_HEADERS, ("complete", "failed"))
        assert done["status"] == "complete"
        # Once complete, it says so (the browser stops retrying).
        again = await put_chunk(client, rid, 2, chunks[2], API_HEADERS, final=True)
        assert again.status_code == 409
        assert "is not being captured (status: complete)" in again.json()["message"]


async def test_the_last_chunk_after_a_stop_finalizes_at_once(
    config_factory: Any, chunks: list[bytes]
) -> None:
    """The stop and the final chunk cross: the chunk's request read the recording while it was active,
    the stop committed first (and found the final chunk missing). The chunk's request must start the
    finalization, not leave it to the sweep."""
    async with app_client(await configure(config_factory, finalize_grace=3600)) as client:
        runtime = runtime_of(client)
        room = await create_room(client, API_HEADERS)
        rid = (await start_recording(client, room["roomId"], API_HEADERS))["recordingId"]
        for seq in (0, 1):
            assert (await put_chunk(client, rid, seq, chunks[seq], API_HEADERS)).status_code == 200
        as_read = await in_app(client, load_row, runtime, rid)
        assert as_read.status == "active"
        assert (await client.post(f"{RECORDINGS}/{rid}/stop", headers=API_HEADERS)).status_code == 202

        async def body() -> AsyncIterator[bytes]:
            yield chunks[2]

        receipt = await in_app(
            client, receive_chunk, runtime, as_read, 2, body(), declared_length=len(chunks[2]), final=True
        )
        assert receipt.received == 3
        done = await wait_for(client, rid, API_HEADERS, ("complete", "failed"), timeout=10)
        assert done["status"] == "complete"


# -- stop against the first chunk --------------------------------------------------------------------------


async def test_a_stop_that_crosses_the_first_chunk_stops_the_recording(
    config_factory: Any, chunks: list[bytes]
) -> None:
    """The stop read the recording while it was starting; the first chunk made it active before the stop
    acted. The stop must stop it (ending), not answer "cannot be stopped while starting" and let it run."""
    async with app_client(await configure(config_factory)) as client:
        runtime = runtime_of(client)
        room = await create_room(client, API_HEADERS)
        rid = (await start_recording(client, room["roomId"], API_HEADERS))["recordingId"]
        as_read = await in_app(client, load_row, runtime, rid)
        assert as_read.status == "starting"
        assert (await put_chunk(client, rid, 0, chunks[0], API_HEADERS)).status_code == 200
        stopped = await in_app(client, runtime.control.stop, as_read)
        assert stopped.status == "ending"
        listed = (await client.get(f"{RECORDINGS}/{rid}", headers=API_HEADERS)).json()
        assert listed["status"] == "ending"
        assert listed["details"] == "End reason: requested"


async def test_a_stop_while_starting_ends_it_with_409(config_factory: Any) -> None:
    async with app_client(await configure(config_factory)) as client:
        room = await create_room(client, API_HEADERS)
        rid = (await start_recording(client, room["roomId"], API_HEADERS))["recordingId"]
        response = await client.post(f"{RECORDINGS}/{rid}/stop", headers=API_HEADERS)
        assert response.status_code == 409
        assert response.json() == {
            "error": "Recording Error",
            "message": f"Recording '{rid}' cannot be stopped while starting",
        }
        assert (await client.get(f"{RECORDINGS}/{rid}", headers=API_HEADERS)).json()["status"] == "aborted"


# -- uploads cut off -----------------------------------------------------------------------------------------


def torn_put(base_url: str, path: str, declared: int, sent: bytes) -> None:
    """A PUT whose connection drops after part of its body (a browser tab closed, a network change)."""
    url = urlsplit(base_url)
    assert url.hostname is not None
    assert url.port is not None
    with socket.create_connection((url.hostname, url.port)) as sock:
        head = (
            f"PUT {path} HTTP/1.1\r\nHost: {url.hostname}\r\nX-API-KEY: {API_KEY}\r\n"
            f"Content-Type: application/octet-stream\r\nContent-Length: {declared}\r\n\r\n"
        ).encode()
        sock.sendall(head + sent)
        time.sleep(0.3)


async def test_an_upload_cut_mid_body_keeps_what_was_acknowledged(
    live: LiveServers, config_factory: Any, chunks: list[bytes]
) -> None:
    server = live.meet(await configure(config_factory))
    runtime = server.runtime
    async with httpx.AsyncClient(base_url=server.base_url, timeout=20) as http:
        room = await create_room(http, API_HEADERS)
        room_id = room["roomId"]
        rid = (await start_recording(http, room_id, API_HEADERS))["recordingId"]
        assert (await put_chunk(http, rid, 0, chunks[0], API_HEADERS)).status_code == 200
        # A retry of chunk 0 and the first try of chunk 1, both cut off half-way.
        for seq in (0, 1):
            await asyncio.to_thread(
                torn_put, server.base_url, f"{RECORDINGS}/{rid}/chunks/{seq}", 500_000, b"X" * 200_000
            )
        await asyncio.sleep(0.5)
        assert await server.call(read_object, runtime, keys.chunk_key(room_id, rid, 0)) == chunks[0]
        assert await server.call(chunk_rows, runtime, rid) == [0]
        assert await server.call(stored_chunks, runtime, room_id, rid) == [keys.chunk_key(room_id, rid, 0)]
        status = (await http.get(f"{RECORDINGS}/{rid}/chunks", headers=API_HEADERS)).json()
        assert status["received"] == [0]
        assert status["bytes"] == len(chunks[0])
        # The browser resumes from what the server says it has, and the recording completes whole.
        for seq in (1, 2):
            response = await put_chunk(http, rid, seq, chunks[seq], API_HEADERS, final=seq == 2)
            assert response.status_code == 200, response.text
        assert (await http.post(f"{RECORDINGS}/{rid}/stop", headers=API_HEADERS)).status_code == 202
        done = await wait_for(http, rid, API_HEADERS, ("complete", "failed"))
        assert done["status"] == "complete"
        assert "details" not in done or "left out" not in done["details"]
