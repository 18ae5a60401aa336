"""Helpers for the recordings API tests: error assertions, rooms, imported and inserted recordings.

No fakes: rooms go through the API, media through the real import (PyAV), and rows that only need to
exist (pagination, statuses) are inserted into the real database.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from httpx import Response
from sqlalchemy import select, update

from meet_embed.db.base import now_ms
from meet_embed.ids import new_recording_id
from meet_embed.recordings.ingest import import_file
from meet_embed.recordings.models import IN_PROGRESS, RecordingModel
from meet_embed.runtime import MeetRuntime
from meet_embed.storage.models import PendingDeletionModel

API = "/meet/api/v1"
ROOMS = f"{API}/rooms"
RECORDINGS = f"{API}/recordings"
BASE_URL = "http://testserver.local"

WIRE_FIELDS = frozenset(
    (
        *("recordingId", "roomId", "roomName", "status", "layout", "encoding", "filename", "startDate"),
        *("endDate", "duration", "size", "errorCode", "error", "details"),
    )
)
"""Every key a recording may have on the wire (the reference's ``MeetRecordingInfo``)."""

T0 = 1_700_000_000_000
"""A fixed start date (ms) so tests do not depend on the clock."""


def assert_error(response: Response, status: int, error: str | None = None) -> dict[str, Any]:
    """``response`` is an API error of ``status`` with the ``{"error", "message"}`` body."""
    assert response.status_code == status, (response.status_code, response.text)
    assert response.headers["content-type"].startswith("application/json"), response.headers
    body: dict[str, Any] = response.json()
    assert isinstance(body.get("error"), str), body
    assert isinstance(body.get("message"), str), body
    assert body["message"], body
    if error is not None:
        assert body["error"] == error, body
    return body


def assert_422(response: Response, field: str | None = None, *, first: bool = False) -> dict[str, Any]:
    """A 422 in the reference's shape; with ``field``, a detail names exactly that field (the first one
    when ``first``)."""
    body = assert_error(response, 422, "Unprocessable Entity")
    assert body["message"] == "Invalid request", body
    details = body["details"]
    assert isinstance(details, list), body
    assert details, body
    for item in details:
        assert set(item) == {"field", "message"}, body
        assert isinstance(item["message"], str), body
        assert item["message"], body
    if field is not None:
        if first:
            assert details[0]["field"] == field, body
        else:
            assert field in [d["field"] for d in details], body
    return body


async def create_room(
    client: Any, headers: dict[str, str], name: str = "Room", **body: Any
) -> dict[str, Any]:
    response = await client.post(ROOMS, json={"roomName": name, **body}, headers=headers)
    assert response.status_code == 201, response.text
    room: dict[str, Any] = response.json()
    return room


async def import_recording(
    client: Any, room_id: str, path: Path, start_date: int | None = None
) -> RecordingModel:
    """A complete recording made from a real media file by the real import (media, CRC, poster, row)."""
    return await in_app(client, import_file, runtime_of(client), room_id, path, start_date=start_date)  # type: ignore[no-any-return]


async def in_app(client: Any, fn: Callable[..., Awaitable[Any]], *args: Any, **kwargs: Any) -> Any:
    """Run ``fn`` on the event loop the app runs on (the test client's portal).

    The database engine belongs to that loop: asyncpg connections cannot be used from the test's own
    loop, so everything that touches ``runtime.db`` goes through here (SQLite would not mind).
    """
    call = functools.partial(fn, *args, **kwargs)
    return await asyncio.to_thread(client.blocking_portal.call, call)


def runtime_of(client: Any) -> MeetRuntime:
    runtime: MeetRuntime = client.app.state["meet_embed"]
    return runtime


def make_row(
    room_id: str,
    room_name: str,
    *,
    status: str = "complete",
    start_date: int | None = None,
    duration: float = 1.0,
    size: int = 1000,
    end_date: int | None = None,
    recording_id: str | None = None,
    **extra: Any,
) -> RecordingModel:
    """A recording row (no media unless ``media_key`` is given). A running one starts now, so the
    background sweep never takes it for a stale capture in the middle of a test."""
    if start_date is None:
        start_date = now_ms() if status in IN_PROGRESS else T0
    return RecordingModel(
        recording_id=recording_id or new_recording_id(room_id),
        room_id=room_id,
        room_name=room_name,
        status=status,
        start_date=start_date,
        end_date=end_date,
        duration=duration,
        size=size,
        filename=extra.pop("filename", None),
        backend=extra.pop("backend", "import"),
        **extra,
    )


async def insert_rows(client: Any, rows: Iterable[RecordingModel]) -> list[str]:
    rows = list(rows)
    ids = [r.recording_id for r in rows]

    async def insert() -> None:
        async with runtime_of(client).db.sessionmaker() as session, session.begin():
            session.add_all(rows)

    await in_app(client, insert)
    return ids


async def set_columns(client: Any, recording_id: str, **values: Any) -> None:
    async def change() -> None:
        async with runtime_of(client).db.sessionmaker() as session, session.begin():
            await session.execute(
                update(RecordingModel).where(RecordingModel.recording_id == recording_id).values(**values)
            )

    await in_app(client, change)


async def db_scalars(client: Any, query: Any) -> list[Any]:
    async def run() -> list[Any]:
        async with runtime_of(client).db.sessionmaker() as session:
            return list((await session.scalars(query)).all())

    return await in_app(client, run)  # type: ignore[no-any-return]


async def db_execute(client: Any, statement: Any) -> None:
    async def run() -> None:
        async with runtime_of(client).db.sessionmaker() as session, session.begin():
            await session.execute(statement)

    await in_app(client, run)


async def row_exists(client: Any, recording_id: str) -> bool:
    found = await db_scalars(
        client, select(RecordingModel.recording_id).where(RecordingModel.recording_id == recording_id)
    )
    return bool(found)


async def pending_deletions(client: Any) -> list[str]:
    return await db_scalars(client, select(PendingDeletionModel.key))


def secret_of(url: str) -> str:
    return parse_qs(urlsplit(url).query)["secret"][0]
