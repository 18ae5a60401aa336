"""Turning a finished media file into a stored recording: media object, CRC, poster, row.

Used by ``meet-embed import``, the demo's seeding and the capture backends' finalization.
"""

from __future__ import annotations

import asyncio
import zlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

from meet_embed.db.base import now_ms
from meet_embed.errors import ConflictError, NotFoundError, UnprocessableError
from meet_embed.ids import new_recording_id
from meet_embed.media.poster import make_poster
from meet_embed.media.probe import MediaInfo, NotMedia, probe
from meet_embed.recordings.media import content_disposition, download_name_for
from meet_embed.recordings.models import RecordingModel
from meet_embed.rooms.models import RoomModel
from meet_embed.runtime import MeetRuntime
from meet_embed.storage import keys
from meet_embed.storage.store import MediaStore

__all__ = ("StoredMedia", "import_file", "store_media_file")

_READ = 8 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class StoredMedia:
    media_key: str
    filename: str
    content_type: str
    size: int
    crc32: int
    duration: float
    poster_key: str | None


def media_filename(room_id: str, recording_id: str, extension: str) -> str:
    """``{roomId}--{uid}.{ext}``, the reference's file name."""
    return f"{room_id}--{recording_id.rsplit('--', 1)[-1]}.{extension}"


async def store_media_file(
    store: MediaStore,
    room_id: str,
    recording_id: str,
    path: Path,
    info: MediaInfo,
    *,
    download_as: str | None = None,
    attempt: int = 1,
) -> StoredMedia:
    """Upload ``path`` (streamed, CRC computed on the way) and its poster; nothing is read whole.
    ``attempt``: a finalization's claim number, which keeps its objects apart from other attempts'."""
    filename = media_filename(room_id, recording_id, info.extension)
    media_key = keys.media_key(room_id, filename, attempt)
    crc = 0

    async def chunks() -> AsyncIterator[bytes]:
        nonlocal crc
        fh = await asyncio.to_thread(path.open, "rb")
        try:
            while chunk := await asyncio.to_thread(fh.read, _READ):
                crc = zlib.crc32(chunk, crc)
                yield chunk
        finally:
            fh.close()

    disposition = content_disposition(download_as) if download_as else None
    size = await store.put(
        media_key, chunks(), content_type=info.content_type, content_disposition=disposition
    )
    poster_key = None
    if info.has_video:
        poster = await asyncio.to_thread(make_poster, path, min(1.0, info.duration / 2))
        if poster:
            poster_key = keys.poster_key(room_id, recording_id, attempt)
            await store.put(poster_key, poster, content_type="image/jpeg")
    return StoredMedia(
        media_key=media_key,
        filename=filename,
        content_type=info.content_type,
        size=size,
        crc32=crc,
        duration=info.duration,
        poster_key=poster_key,
    )


async def import_file(
    runtime: MeetRuntime, room_id: str, path: Path, *, start_date: int | None = None
) -> RecordingModel:
    """Ingest an existing media file as a complete recording of ``room_id``."""
    async with runtime.db.sessionmaker() as session:
        room = await session.get(RoomModel, room_id)
    if room is None:
        raise NotFoundError(f"Room '{room_id}' does not exist", error="Room Error")
    if room.status == "closed":
        raise ConflictError(f"Room '{room_id}' is closed", error="Room Error")
    try:
        info = await asyncio.to_thread(probe, path)
    except NotMedia as exc:
        raise UnprocessableError.field("file", f"not a media file: {exc}") from exc
    recording_id = new_recording_id(room.room_id)
    end = now_ms()
    start = start_date if start_date is not None else end - round(info.duration * 1000)
    name = download_name_for(room.room_name, start, info.extension)
    stored = await store_media_file(runtime.store, room.room_id, recording_id, path, info, download_as=name)
    row = RecordingModel(
        recording_id=recording_id,
        room_id=room.room_id,
        room_name=room.room_name,
        status="complete",
        layout=room.layout,
        encoding=room.encoding,
        filename=stored.filename,
        start_date=start,
        end_date=end,
        duration=round(stored.duration, 3),
        size=stored.size,
        media_key=stored.media_key,
        content_type=stored.content_type,
        poster_key=stored.poster_key,
        crc32=stored.crc32,
        backend="import",
        details="Imported from a file",
    )
    try:
        async with runtime.db.sessionmaker() as session, session.begin():
            session.add(row)
    except Exception:
        # The objects were written first; without a row nothing refers to them, so they go.
        await runtime.store.delete(*(k for k in (stored.media_key, stored.poster_key) if k))
        raise
    return row
