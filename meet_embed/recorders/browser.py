"""The embedded default capture backend: the moderator's browser records and uploads numbered chunks.

Uploads are idempotent (the same chunk again replaces itself), resumable (``GET …/chunks`` says what
arrived), size-limited, and only accepted from the moderator who started the recording (or the API key).
Each chunk is in the store before it is acknowledged, so a server restart loses nothing that was confirmed.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

from msgspec import Struct
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from meet_embed.db.base import now_ms
from meet_embed.errors import ConflictError, MeetError
from meet_embed.recorders.models import RecordingChunkModel
from meet_embed.recordings.models import RecordingModel
from meet_embed.rooms.models import RoomModel
from meet_embed.runtime import MeetRuntime
from meet_embed.storage import keys

__all__ = ("MAX_SEQ", "BrowserCapture", "ChunkReceipt", "ChunkStatus", "chunk_status", "receive_chunk")

logger = logging.getLogger("meet_embed.recorders")

MAX_SEQ = 1_000_000


class PayloadTooLarge(MeetError):
    status_code = 413
    error = "Payload Too Large"


class ChunkReceipt(Struct, rename="camel"):
    recording_id: str
    seq: int
    size: int
    status: str
    received: int
    """How many chunks have arrived in all."""


class ChunkStatus(Struct, rename="camel", omit_defaults=True):
    recording_id: str
    status: str
    received: list[int]
    bytes: int
    final_seq: int | None = None


class BrowserCapture:
    name = "browser"
    activates_on_start = False
    checks_limit_on_data = True
    confirms_start = False

    async def start(self, recording: RecordingModel, room: RoomModel) -> None:
        """Nothing to start server-side: the browser begins recording when it gets the recording id."""

    async def stop(self, recording: RecordingModel) -> None:
        """The browser learns of the stop from the room's event stream and sends its last chunk."""

    async def close(self) -> None:
        return None


class RecordingTooLarge(PayloadTooLarge):
    """The chunk would take the recording past ``max_recording_bytes``."""


async def _limited(
    first: bytes, body: AsyncIterator[bytes], chunk_limit: int, budget: int, rid: str, recording_limit: int
) -> AsyncIterator[bytes]:
    size = 0
    piece: bytes | None = first
    while piece is not None:
        size += len(piece)
        if size > budget:
            raise RecordingTooLarge(f"Recording '{rid}' reached the size limit of {recording_limit} bytes")
        if size > chunk_limit:
            raise PayloadTooLarge(f"A chunk may be at most {chunk_limit} bytes")
        yield piece
        piece = await anext(body, None)


async def _first_bytes(body: AsyncIterator[bytes]) -> bytes:
    async for piece in body:
        if piece:
            return piece
    return b""


async def receive_chunk(
    runtime: MeetRuntime,
    recording: RecordingModel,
    seq: int,
    body: AsyncIterator[bytes],
    *,
    declared_length: int | None,
    final: bool,
) -> ChunkReceipt:
    rid = recording.recording_id
    if recording.status not in ("starting", "active", "ending"):
        raise ConflictError(
            f"Recording '{rid}' is not being captured (status: {recording.status})", error="Recording Error"
        )
    if recording.backend != "browser":
        raise ConflictError(
            f"Recording '{rid}' is captured by {recording.backend}, not by a browser", error="Recording Error"
        )
    if _being_finalized(recording):
        raise _finalizing(rid)
    config = runtime.config
    if declared_length is not None and declared_length > config.max_chunk_bytes:
        raise PayloadTooLarge(f"A chunk may be at most {config.max_chunk_bytes} bytes")
    async with runtime.db.sessionmaker() as session:
        others = await session.scalar(
            select(func.coalesce(func.sum(RecordingChunkModel.size), 0)).where(
                RecordingChunkModel.recording_id == rid, RecordingChunkModel.seq != seq
            )
        )
    budget = config.max_recording_bytes - int(others or 0)
    try:
        if budget <= 0 or (declared_length is not None and declared_length > budget):
            raise RecordingTooLarge(
                f"Recording '{rid}' reached the size limit of {config.max_recording_bytes} bytes"
            )
        # Nothing is written before the first bytes arrive: an empty retry must not replace a good chunk.
        first = await _first_bytes(body)
        if not first:
            raise MeetError("A chunk must not be empty", error="Recording Error")
        key = keys.chunk_key(recording.room_id, rid, seq)
        size = await runtime.store.put(
            key, _limited(first, body, config.max_chunk_bytes, budget, rid, config.max_recording_bytes)
        )
    except RecordingTooLarge:
        current = await runtime.control.load(rid)
        if current is not None and current.status == "active":
            await runtime.control.stop(current, reason="size_limit")
        raise

    now = now_ms()
    values: dict[str, object] = {"last_activity_at": now}
    if final:
        values["final_seq"] = seq
    async with runtime.db.sessionmaker() as session, session.begin():
        # The row first: while a finalization holds its claim, the chunk list it read must stay the list,
        # so the chunk is refused (and the client told) instead of acknowledged and then deleted with the
        # others. Updating the row also orders this with the claim (a row lock, or SQLite's one writer).
        accepted = await session.execute(
            update(RecordingModel)
            .where(
                RecordingModel.recording_id == rid,
                RecordingModel.status.in_(("starting", "active", "ending")),
                RecordingModel.finalize_lease_until.is_(None) | (RecordingModel.finalize_lease_until < now),
            )
            .values(**values)
        )
        if accepted.rowcount:  # type: ignore[attr-defined]
            try:
                async with session.begin_nested():
                    session.add(RecordingChunkModel(recording_id=rid, seq=seq, size=size, received_at=now))
            except IntegrityError:
                # The same chunk again (a retry after a dropped connection): it replaced itself in the store.
                await session.execute(
                    update(RecordingChunkModel)
                    .where(RecordingChunkModel.recording_id == rid, RecordingChunkModel.seq == seq)
                    .values(size=size, received_at=now)
                )
            received = int(
                await session.scalar(select(func.count()).where(RecordingChunkModel.recording_id == rid)) or 0
            )
        # Read in the same transaction: whichever of this chunk and a stop commits last sees the other.
        state = (
            await session.execute(
                select(RecordingModel.status, RecordingModel.final_seq).where(
                    RecordingModel.recording_id == rid
                )
            )
        ).first()
    if state is None or not accepted.rowcount:  # type: ignore[attr-defined]
        if state is not None and state.status in ("starting", "active", "ending"):
            raise _finalizing(rid)
        raise ConflictError(
            f"Recording '{rid}' is not being captured (status: {state.status if state else 'deleted'})",
            error="Recording Error",
        )
    status = state.status
    if status == "starting":
        moved = await runtime.control.transition(rid, "active", details=recording.details)
        if moved is None:  # another chunk's request made it active first, or a stop ended it
            moved = await runtime.control.load(rid)
        status = moved.status if moved else status
    elif status == "ending" and state.final_seq is not None:
        # Possibly the last missing piece, whether this chunk or the stop came last.
        await runtime.finalizer.maybe_finalize(rid)
    if status == "active" and await _over_limit(runtime, recording):
        current_row = await runtime.control.load(rid)
        if current_row is not None and current_row.status == "active":
            await runtime.control.stop(current_row, reason="limit")
            status = "ending"
    return ChunkReceipt(recording_id=rid, seq=seq, size=size, status=status, received=received)


def _being_finalized(recording: RecordingModel) -> bool:
    return recording.finalize_lease_until is not None and recording.finalize_lease_until >= now_ms()


def _finalizing(rid: str) -> ConflictError:
    return ConflictError(
        f"Recording '{rid}' is being finalized and takes no more chunks", error="Recording Error"
    )


async def _over_limit(runtime: MeetRuntime, recording: RecordingModel) -> bool:
    async with runtime.db.sessionmaker() as session:
        limit = await session.scalar(
            select(RoomModel.max_duration).where(RoomModel.room_id == recording.room_id)
        )
    return bool(limit) and now_ms() - recording.start_date >= int(limit or 0) * 1000


async def chunk_status(runtime: MeetRuntime, recording: RecordingModel) -> ChunkStatus:
    async with runtime.db.sessionmaker() as session:
        rows = (
            await session.execute(
                select(RecordingChunkModel.seq, RecordingChunkModel.size)
                .where(RecordingChunkModel.recording_id == recording.recording_id)
                .order_by(RecordingChunkModel.seq)
            )
        ).all()
    return ChunkStatus(
        recording_id=recording.recording_id,
        status=recording.status,
        received=[r.seq for r in rows],
        bytes=sum(r.size for r in rows),
        final_seq=recording.final_seq,
    )
