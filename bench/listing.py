"""Listing: 100,000 recordings, first page and a page deep in the list, every sort field and order, p50/p99
latency in-process (the service's query, and the whole HTTP request through the ASGI app)."""

from __future__ import annotations

import asyncio
import random
import time
from pathlib import Path
from typing import Any

from bench.common import WORK, percentile

SORTS = [(f, o) for f in ("startDate", "roomName", "duration", "size") for o in ("desc", "asc")]
API_KEY = "bench-api-key-0123456789"


async def _seed(runtime: Any, count: int) -> None:
    from sqlalchemy import insert

    from meet_embed.recordings.models import RecordingModel
    from meet_embed.rooms.models import RoomModel

    rng = random.Random(1)
    rooms = [f"room{n:03d}-{'x' * 15}" for n in range(50)]
    now = 1_790_000_000_000
    async with runtime.db.sessionmaker() as session, session.begin():
        await session.execute(
            insert(RoomModel),
            [
                {
                    "room_id": r,
                    "room_name": f"Room {n:03d}",
                    "creation_date": now,
                    "status": "open",
                    "recording_enabled": True,
                    "allow_access_to": "admin_moderator_speaker",
                    "layout": "grid",
                    "encoding": "H264_720P_30",
                    "moderator_secret": f"m{n}" * 8,
                    "speaker_secret": f"s{n}" * 8,
                    "updated_at": now,
                }
                for n, r in enumerate(rooms)
            ],
        )
    batch = []
    for n in range(count):
        room_index = rng.randrange(len(rooms))
        batch.append(
            {
                "recording_id": f"{rooms[room_index]}--EG_{n:08x}--u{n:09d}",
                "room_id": rooms[room_index],
                "room_name": f"Room {room_index:03d}",
                "status": "complete",
                "filename": f"{n}.mp4",
                "start_date": now - rng.randrange(0, 365 * 24 * 3600 * 1000),
                "end_date": now,
                "duration": round(rng.uniform(10, 7200), 3),
                "size": rng.randrange(1_000_000, 4_000_000_000),
                "media_key": f"k/{n}",
                "content_type": "video/mp4",
                "backend": "import",
                "layout": "grid",
                "encoding": "H264_720P_30",
                "created_at": now,
                "updated_at": now,
                "finalize_attempts": 0,
            }
        )
        if len(batch) == 5000:
            async with runtime.db.sessionmaker() as session, session.begin():
                await session.execute(insert(RecordingModel), batch)
            batch = []
    if batch:
        async with runtime.db.sessionmaker() as session, session.begin():
            await session.execute(insert(RecordingModel), batch)


async def _asgi_get(
    app: Any, path: str, params: dict[str, str], headers: dict[str, str]
) -> tuple[int, bytes]:
    """One GET straight into the ASGI app: the app's cost only, not an HTTP client's."""
    from urllib.parse import urlencode

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": urlencode(params).encode(),
        "root_path": "",
        "headers": [(b"host", b"bench"), *((k.lower().encode(), v.encode()) for k, v in headers.items())],
        "client": ("127.0.0.1", 50000),
        "server": ("bench", 80),
    }
    status, body = 0, bytearray()

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message["type"] == "http.response.body":
            body.extend(message.get("body", b""))

    await app(scope, receive, send)
    return status, bytes(body)


async def _measure(runtime: Any, app: Any, count: int, iterations: int) -> list[dict[str, Any]]:
    import json

    from sqlalchemy import select

    from meet_embed.recordings.models import RecordingModel
    from meet_embed.recordings.service import SORT_FIELDS, RecordingsService

    rows: list[dict[str, Any]] = []
    for field, order in SORTS:
        column = SORT_FIELDS[field]
        ordering = column.desc() if order == "desc" else column.asc()
        tie = RecordingModel.recording_id.desc() if order == "desc" else RecordingModel.recording_id.asc()
        async with runtime.db.sessionmaker() as session:
            deep = (
                await session.execute(
                    select(column, RecordingModel.recording_id)
                    .order_by(ordering, tie)
                    .offset(count * 9 // 10)
                    .limit(1)
                )
            ).one()
        scope = "|".join(("", "", "", field, order))
        token = RecordingsService(None, runtime)._cursor.encode(scope, deep[0], deep[1])  # type: ignore[arg-type]
        pages = (("first", None), ("deep (90%)", token))
        times: dict[str, tuple[list[float], list[float]]] = {page: ([], []) for page, _ in pages}
        # First and deep pages alternate, so a change in the machine's load touches both alike.
        for i in range(iterations + 5):
            for page, page_token in pages:
                params = {"sortField": field, "sortOrder": order, "maxItems": "10"}
                if page_token:
                    params["nextPageToken"] = page_token
                async with runtime.db.sessionmaker() as session:
                    service = RecordingsService(session, runtime)
                    t = time.perf_counter()
                    found, _next = await service.list_recordings(
                        max_items=10,
                        page_token=page_token,
                        sort_field=field,
                        sort_order=order,  # type: ignore[arg-type]
                    )
                    service.list_to_wire(found, _next, 10, None)
                    elapsed = time.perf_counter() - t
                t = time.perf_counter()
                status, body = await _asgi_get(app, "/meet/api/v1/recordings", params, {"X-API-KEY": API_KEY})
                http_elapsed = time.perf_counter() - t
                assert status == 200, body[:300]
                assert len(json.loads(body)["recordings"]) == 10
                if i >= 5:  # warm-up excluded
                    times[page][0].append(elapsed * 1000)
                    times[page][1].append(http_elapsed * 1000)
        for page, _ in pages:
            service_times, http_times = times[page]
            rows.append(
                {
                    "sort": f"{field} {order}",
                    "page": page,
                    "service_p50": percentile(service_times, 0.5),
                    "service_p99": percentile(service_times, 0.99),
                    "http_p50": percentile(http_times, 0.5),
                    "http_p99": percentile(http_times, 0.99),
                }
            )
    return rows


async def _run(
    database_url: str | None, engine_options: dict[str, Any], count: int, iterations: int, data_dir: Path
) -> list[dict[str, Any]]:
    import shutil

    from meet_embed import MeetEmbedConfig, create_app

    if data_dir.exists():
        shutil.rmtree(data_dir)
    config = MeetEmbedConfig(
        data_dir=data_dir,
        database_url=database_url,
        database_engine_options=engine_options,
        migrate_on_startup=True,
        api_keys=[f"bench={API_KEY}"],
        secret_key="bench-secret-0123456789-0123456789",
        sweep_interval=3600,
        retention_interval=3600,
    )
    app = create_app(config, logging_config=None)
    async with app.lifespan():  # type: ignore[attr-defined]
        runtime = app.state["meet_embed"]
        t = time.perf_counter()
        await _seed(runtime, count)
        print(f"    seeded {count} recordings in {time.perf_counter() - t:.1f}s", flush=True)
        return await _measure(runtime, app, count, iterations)


def run(*, count: int = 100_000, iterations: int = 200, postgres_url: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"count": count, "iterations": iterations}
    out["sqlite"] = asyncio.run(_run(None, {}, count, iterations, WORK / "listing-sqlite"))
    if postgres_url:
        import uuid

        from tests.backends import _pg_execute

        schema = f"bench_{uuid.uuid4().hex[:8]}"
        asyncio.run(_pg_execute(postgres_url, f'CREATE SCHEMA "{schema}"'))
        try:
            options = {"connect_args": {"server_settings": {"search_path": schema}}}
            out["postgres"] = asyncio.run(_run(postgres_url, options, count, iterations, WORK / "listing-pg"))
        finally:
            asyncio.run(_pg_execute(postgres_url, f'DROP SCHEMA "{schema}" CASCADE'))
    return out
