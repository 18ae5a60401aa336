"""Where each object of a recording lives in the store (documented in ``docs/storage.md``).

```
recordings/{roomId}/{roomId}--{uid}.{mp4|webm}        the media (same path as OpenVidu Meet's egress)
recordings/{roomId}/.posters/{recordingId}.jpg        poster image
recordings/{roomId}/.chunks/{recordingId}/{seq:08d}   uploaded capture chunks until finalization
```
A finalization after the first (a retry, a replica taking over) writes ``{roomId}--{uid}.{n}.{ext}`` and
``{recordingId}.{n}.jpg``: the attempt number ``n`` keeps a late attempt from overwriting, or deleting, the
objects another one committed.
Only ids that passed :mod:`meet_embed.ids` validation reach these functions.
"""

from __future__ import annotations

__all__ = ("chunk_key", "chunks_prefix", "media_key", "poster_key", "room_prefix")


def room_prefix(room_id: str) -> str:
    return f"recordings/{room_id}"


def media_key(room_id: str, filename: str, attempt: int = 1) -> str:
    if attempt > 1:
        stem, _, extension = filename.rpartition(".")
        filename = f"{stem}.{attempt}.{extension}"
    return f"recordings/{room_id}/{filename}"


def poster_key(room_id: str, recording_id: str, attempt: int = 1) -> str:
    suffix = f".{attempt}" if attempt > 1 else ""
    return f"recordings/{room_id}/.posters/{recording_id}{suffix}.jpg"


def chunks_prefix(room_id: str, recording_id: str) -> str:
    return f"recordings/{room_id}/.chunks/{recording_id}"


def chunk_key(room_id: str, recording_id: str, seq: int) -> str:
    return f"{chunks_prefix(room_id, recording_id)}/{seq:08d}"
