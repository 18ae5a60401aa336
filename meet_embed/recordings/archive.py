"""ZIP archives of recordings, streamed with constant memory (stream-zip).

Entries are stored (media does not compress) as ZIP64 with size and CRC-32 written up front (the CRC is
computed when a recording is finalized), so the archive's exact length is known before the first byte:
browsers show real progress, and nothing but one chunk at a time is ever held in memory.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from stream_zip import NO_COMPRESSION_64, async_stream_zip

from meet_embed.recordings.models import RecordingModel
from meet_embed.storage.store import DEFAULT_READ_CHUNK, MediaStore

__all__ = ("ZipArchive", "ZipEntry", "ensure_crc", "entry_name", "unique_names")

# Bytes stream-zip writes around each NO_COMPRESSION_64 entry with extended timestamps: local header
# (30) + ZIP64 extra (20) + timestamp extra (9); central directory header (46) + ZIP64 extra (28) +
# timestamp extra (9). Then the ZIP64 end record (56), its locator (20) and the end record (22).
# tests/test_archive.py checks these against real archives.
_PER_ENTRY = 30 + 20 + 9 + 46 + 28 + 9
_TRAILER = 56 + 20 + 22
_MODE = 0o100644


@dataclass(frozen=True, slots=True)
class ZipEntry:
    name: str
    key: str
    size: int
    crc32: int
    modified: datetime


def unique_names(names: Sequence[str]) -> list[str]:
    """``a.mp4``, ``a (2).mp4``, ``a (3).mp4``…: never two entries with one name."""
    seen: set[str] = set()
    out: list[str] = []
    for name in names:
        stem, dot, ext = name.rpartition(".")
        if not dot:
            stem, ext = name, ""
        candidate, n = name, 1
        while candidate.casefold() in seen:
            n += 1
            candidate = f"{stem} ({n}){dot}{ext}"
        seen.add(candidate.casefold())
        out.append(candidate)
    return out


async def ensure_crc(store: MediaStore, recording: RecordingModel) -> int:
    """The CRC-32 of the media, computed by one streamed pass if finalization did not record it."""
    if recording.crc32 is not None:
        return recording.crc32
    assert recording.media_key is not None
    crc = 0
    async for chunk in await store.stream(recording.media_key):
        crc = zlib.crc32(chunk, crc)
    return crc


_SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,250}")


def entry_name(recording: RecordingModel) -> str:
    """The recording's ``filename`` (``{roomId}--{uid}.mp4``), as the reference names ZIP entries: a client
    maps each entry back to its recording by that field."""
    name = recording.filename or ""
    if _SAFE_NAME.fullmatch(name) is None:  # an egress may name its file anything
        ext = "webm" if "webm" in (recording.content_type or "") else "mp4"
        name = f"{recording.recording_id}.{ext}"
    return name


_ZIP_EARLIEST = datetime(1980, 1, 1, tzinfo=UTC)
_ZIP_LATEST = datetime(2038, 1, 19, tzinfo=UTC)


def _zip_time(millis: int) -> datetime:
    """A ZIP entry's time must lie between 1980 and 2038 (MS-DOS and 32-bit Unix times): clamp to that."""
    when = datetime.fromtimestamp(max(millis, 0) / 1000, tz=UTC)
    return min(max(when, _ZIP_EARLIEST), _ZIP_LATEST)


class ZipArchive:
    def __init__(self, store: MediaStore, entries: Sequence[ZipEntry]) -> None:
        self.store = store
        self.entries = list(entries)

    @classmethod
    def for_recordings(cls, store: MediaStore, recordings: Sequence[RecordingModel]) -> ZipArchive:
        names = unique_names([entry_name(r) for r in recordings])
        return cls(
            store,
            [
                ZipEntry(
                    name=name,
                    key=r.media_key or "",
                    size=r.size,
                    crc32=r.crc32 or 0,
                    modified=_zip_time(r.start_date),
                )
                for name, r in zip(names, recordings, strict=True)
            ],
        )

    @property
    def content_length(self) -> int:
        return _TRAILER + sum(_PER_ENTRY + 2 * len(e.name.encode()) + e.size for e in self.entries)

    def __aiter__(self) -> AsyncIterator[bytes]:
        return self._generate()

    async def _generate(self) -> AsyncIterator[bytes]:
        async def members() -> AsyncIterator[tuple[str, datetime, int, object, AsyncIterator[bytes]]]:
            for entry in self.entries:
                yield (
                    entry.name,
                    entry.modified,
                    _MODE,
                    NO_COMPRESSION_64(entry.size, entry.crc32),
                    self._data(entry),
                )

        async for chunk in async_stream_zip(members(), chunk_size=DEFAULT_READ_CHUNK):  # type: ignore[arg-type]
            yield chunk

    async def _data(self, entry: ZipEntry) -> AsyncIterator[bytes]:
        async for chunk in await self.store.stream(entry.key, chunk_size=DEFAULT_READ_CHUNK):
            yield chunk
