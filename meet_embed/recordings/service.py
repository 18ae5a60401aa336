"""Recordings: lookups and deletion (with its media, poster and chunks)."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from meet_embed.recordings.models import RecordingModel
from meet_embed.rooms.models import RoomModel
from meet_embed.runtime import MeetRuntime
from meet_embed.storage import keys
from meet_embed.storage.janitor import enqueue_deletions, purge_pending

__all__ = ("RecordingsService",)

logger = logging.getLogger("meet_embed.recordings")


class RecordingsService:
    def __init__(self, session: AsyncSession, runtime: MeetRuntime) -> None:
        self.session = session
        self.runtime = runtime

    async def get(self, recording_id: str) -> RecordingModel | None:
        return await self.session.get(RecordingModel, recording_id)

    async def count_in_room(self, room_id: str) -> int:
        return int(
            await self.session.scalar(select(func.count()).where(RecordingModel.room_id == room_id)) or 0
        )

    async def delete_many(self, rows: Sequence[RecordingModel]) -> None:
        """Remove rows and every object they own. The rows and the list of objects to delete change in one
        transaction; the objects go right after, and any the store refuses are retried by the janitor."""
        if not rows:
            return
        ids = [r.recording_id for r in rows]
        rooms = {r.room_id for r in rows}
        object_keys = [k for r in rows for k in (r.media_key, r.poster_key) if k]
        prefixes = [keys.chunks_prefix(r.room_id, r.recording_id) for r in rows]
        pending = enqueue_deletions(self.session, object_keys, prefixes)
        await self.session.execute(delete(RecordingModel).where(RecordingModel.recording_id.in_(ids)))
        # A closed room exists only for its recordings; it goes with the last of them.
        remaining = select(RecordingModel.room_id).where(RecordingModel.room_id.in_(rooms))
        await self.session.execute(
            delete(RoomModel).where(
                RoomModel.room_id.in_(rooms),
                RoomModel.status == "closed",
                RoomModel.room_id.not_in(remaining),
            )
        )
        await self.session.commit()
        _done, failed = await purge_pending(
            self.runtime.db.sessionmaker, self.runtime.store, [p.id for p in pending]
        )
        if failed:
            logger.warning("%d object(s) of deleted recordings stay queued for deletion", failed)
