"""Helpers for the recording-a-meeting tests (issue 5): apps on a chosen config, rooms and member tokens,
real WebM cut into MediaRecorder-like chunks, polling, and MP4 box inspection.

No fakes: everything goes through the real app over HTTP; the few direct looks into the database or the
store run on the app's own event loop (its engine belongs to that loop).
"""

from __future__ import annotations

import asyncio
import functools
import io
import itertools
import struct
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import av
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import select, update

from meet_embed import MeetEmbedConfig, create_app
from meet_embed.recorders.models import RecordingChunkModel
from meet_embed.recordings.models import RecordingModel
from meet_embed.runtime import MeetRuntime
from meet_embed.storage import keys

API = "/meet/api/v1"
ROOMS = f"{API}/rooms"
RECORDINGS = f"{API}/recordings"
BASE_URL = "http://testserver.local"

QUIET_SWEEP = {"sweep_interval": 3600}
"""The background sweep runs once at start-up and then stays out of the way: tests call ``sweep_once``."""


# -- apps -------------------------------------------------------------------------------------------------


@asynccontextmanager
async def app_client(config: MeetEmbedConfig, **litestar_options: Any) -> AsyncIterator[AsyncTestClient[Any]]:
    """A started app on ``config`` and a test client for it; leaving the block shuts the app down."""
    app = create_app(config, **litestar_options)
    async with AsyncTestClient(app, base_url=BASE_URL) as client:
        yield client


def runtime_of(client_or_app: Any) -> MeetRuntime:
    app: Litestar = getattr(client_or_app, "app", client_or_app)
    runtime: MeetRuntime = app.state["meet_embed"]
    return runtime


async def in_app(client: Any, fn: Callable[..., Awaitable[Any]], *args: Any, **kwargs: Any) -> Any:
    """Run ``fn`` on the event loop the test client's app runs on."""
    call = functools.partial(fn, *args, **kwargs)
    return await asyncio.to_thread(client.blocking_portal.call, call)


async def configure(config_factory: Callable[..., MeetEmbedConfig], **overrides: Any) -> MeetEmbedConfig:
    """``config_factory(**QUIET_SWEEP, **overrides)`` from an async test: the factory may set up a
    PostgreSQL schema with ``asyncio.run``, which needs a thread without a running loop."""
    return await asyncio.to_thread(config_factory, **{**QUIET_SWEEP, **overrides})


def survives_restarts(config: MeetEmbedConfig) -> MeetEmbedConfig:
    """``config``, for a test that restarts the app on it; skipped with ``--meet-store=memory``, whose
    objects live and die with the process' store object."""
    import pytest

    if config.resolved_storage_url.startswith("memory:"):
        pytest.skip("a memory store does not survive a restart of the app")
    return config


# -- rooms and members ------------------------------------------------------------------------------------


async def create_room(
    http: Any, headers: dict[str, str], name: str = "Standup", **body: Any
) -> dict[str, Any]:
    response = await http.post(f"{ROOMS}", json={"roomName": name, **body}, headers=headers)
    assert response.status_code == 201, response.text
    room: dict[str, Any] = response.json()
    return room


def secret_of(url: str) -> str:
    from urllib.parse import parse_qs, urlsplit

    return parse_qs(urlsplit(url).query)["secret"][0]


async def member_headers(
    http: Any, room: dict[str, Any], role: str = "moderator", identity: str | None = None
) -> dict[str, str]:
    """``X-Room-Member-Token`` headers of a member of ``room``, exchanged for the room link's secret."""
    secret = secret_of(room["moderatorUrl" if role == "moderator" else "speakerUrl"])
    body: dict[str, Any] = {"secret": secret}
    if identity:
        body["participantIdentity"] = identity
    response = await http.post(f"{ROOMS}/{room['roomId']}/token", json=body)
    assert response.status_code == 200, response.text
    assert response.json()["role"] == role
    return {"X-Room-Member-Token": f"Bearer {response.json()['token']}"}


# -- media ------------------------------------------------------------------------------------------------


def split_like_mediarecorder(data: bytes, pieces: int) -> list[bytes]:
    """Cut one WebM stream into ``pieces`` consecutive chunks of uneven sizes, the way MediaRecorder's
    timeslices arrive (the first carries the header, the others continue the stream mid-cluster)."""
    assert pieces >= 1
    weights = [3 + (i * 7) % 5 for i in range(pieces)]
    total = sum(weights)
    cuts = [0]
    acc = 0
    for w in weights[:-1]:
        acc += w
        cuts.append(len(data) * acc // total)
    cuts.append(len(data))
    chunks = [data[a:b] for a, b in itertools.pairwise(cuts)]
    assert b"".join(chunks) == data
    assert all(chunks)
    return chunks


def live_webm(src: Path, dest: Path) -> Path:
    """Rewrite ``src`` as Chromium's MediaRecorder writes WebM: a live stream (unknown sizes, no cues and
    no duration in the header), stream-copied so the frames are the same."""
    with av.open(str(src)) as inp:
        vp = any(s.codec_context.name in ("vp8", "vp9") for s in inp.streams.video)
    # Chromium labels its H.264 recordings WebM too; FFmpeg's webm muxer only takes VP8/VP9/AV1.
    container_format = "webm" if vp else "matroska"
    with (
        av.open(str(src)) as inp,
        av.open(str(dest), "w", format=container_format, options={"live": "1"}) as out,
    ):
        mapping = {
            s.index: out.add_stream_from_template(s) for s in inp.streams if s.type in ("video", "audio")
        }
        for packet in inp.demux():
            if packet.dts is None or packet.stream.index not in mapping:
                continue
            packet.stream = mapping[packet.stream.index]
            out.mux(packet)
    return dest


def media_facts(data: bytes) -> dict[str, Any]:
    """Open ``data`` with PyAV: container, duration (s), stream kinds and codecs, decoded frame count."""
    with av.open(io.BytesIO(data)) as container:
        duration = container.duration / av.time_base if container.duration else 0.0
        streams = sorted(s.type for s in container.streams if s.type in ("video", "audio"))
        codecs = {s.type: s.codec_context.name for s in container.streams}
        frames = sum(1 for _ in container.decode(video=0)) if container.streams.video else 0
        return {
            "format": container.format.name,
            "duration": duration,
            "streams": streams,
            "codecs": codecs,
            "video_frames": frames,
        }


def source_duration(path: Path) -> float:
    with av.open(str(path)) as container:
        if container.duration:
            return float(container.duration / av.time_base)
        last = 0.0
        for packet in container.demux():
            if packet.pts is not None and packet.time_base is not None:
                last = max(last, float((packet.pts + (packet.duration or 0)) * packet.time_base))
        return last


def top_level_boxes(data: bytes) -> list[str]:
    """The types of an ISO BMFF (MP4) file's top-level boxes, in file order."""
    boxes: list[str] = []
    offset = 0
    while offset + 8 <= len(data):
        size, kind = struct.unpack(">I4s", data[offset : offset + 8])
        if size == 1:
            size = struct.unpack(">Q", data[offset + 8 : offset + 16])[0]
        elif size == 0:
            size = len(data) - offset
        assert size >= 8, f"corrupt box at {offset}"
        boxes.append(kind.decode("latin-1"))
        offset += size
    assert offset == len(data), "trailing bytes after the last box"
    return boxes


# -- recordings -------------------------------------------------------------------------------------------


async def start_recording(http: Any, room_id: str, headers: dict[str, str]) -> dict[str, Any]:
    response = await http.post(RECORDINGS, json={"roomId": room_id}, headers=headers)
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def put_chunk(
    http: Any, rid: str, seq: int, data: bytes, headers: dict[str, str], *, final: bool = False
) -> Any:
    url = f"{RECORDINGS}/{rid}/chunks/{seq}" + ("?final=true" if final else "")
    return await http.put(url, content=data, headers={**headers, "Content-Type": "application/octet-stream"})


async def upload_all(
    http: Any, rid: str, chunks: list[bytes], headers: dict[str, str], *, final: bool = True
) -> None:
    for seq, data in enumerate(chunks):
        response = await put_chunk(http, rid, seq, data, headers, final=final and seq == len(chunks) - 1)
        assert response.status_code == 200, response.text


async def wait_for(
    http: Any,
    rid: str,
    headers: dict[str, str],
    statuses: tuple[str, ...] = ("complete",),
    *,
    timeout: float = 15.0,
) -> dict[str, Any]:
    """Poll ``GET /recordings/{id}`` until its status is one of ``statuses``."""
    deadline = time.monotonic() + timeout
    body: dict[str, Any] = {}
    while time.monotonic() < deadline:
        response = await http.get(f"{RECORDINGS}/{rid}", headers=headers)
        assert response.status_code == 200, response.text
        body = response.json()
        if body["status"] in statuses:
            return body
        await asyncio.sleep(0.05)
    raise AssertionError(f"{rid} did not reach {statuses} in {timeout}s; last: {body}")


async def eventually(
    check: Callable[[], Any], *, timeout: float = 10.0, interval: float = 0.05, negate: bool = False
) -> Any:
    """Call ``check`` (sync or async) until it returns something truthy (falsy with ``negate``)."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if asyncio.iscoroutine(result):
            result = await result
        if bool(result) != negate:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout}s")
        await asyncio.sleep(interval)


# -- direct looks (on the app's loop) --------------------------------------------------------------------


async def load_row(runtime: MeetRuntime, rid: str) -> RecordingModel | None:
    async with runtime.db.sessionmaker() as session:
        return await session.get(RecordingModel, rid)


async def chunk_rows(runtime: MeetRuntime, rid: str) -> list[int]:
    async with runtime.db.sessionmaker() as session:
        return list(
            (
                await session.scalars(
                    select(RecordingChunkModel.seq)
                    .where(RecordingChunkModel.recording_id == rid)
                    .order_by(RecordingChunkModel.seq)
                )
            ).all()
        )


async def stored_chunks(runtime: MeetRuntime, room_id: str, rid: str | None = None) -> list[str]:
    prefix = keys.chunks_prefix(room_id, rid) if rid else f"recordings/{room_id}/.chunks"
    return await runtime.store.list_keys(prefix)


async def no_chunks_left(
    run: Callable[..., Awaitable[Any]], runtime: MeetRuntime, room_id: str, rid: str | None = None
) -> None:
    """Wait until the store holds no chunk (of ``rid``, or of any recording of the room). They are deleted
    just after the finished media is committed, so a poll may see ``complete`` a moment before.
    ``run`` runs a coroutine function on the app's loop (``server.call``, ``partial(in_app, client)``)."""
    await eventually(lambda: run(stored_chunks, runtime, room_id, rid), negate=True, timeout=5)


async def set_row(runtime: MeetRuntime, rid: str, **values: Any) -> None:
    async with runtime.db.sessionmaker() as session, session.begin():
        await session.execute(
            update(RecordingModel).where(RecordingModel.recording_id == rid).values(**values)
        )


async def read_object(runtime: MeetRuntime, key: str) -> bytes:
    out = bytearray()
    async for piece in await runtime.store.stream(key):
        out += piece
    return bytes(out)
