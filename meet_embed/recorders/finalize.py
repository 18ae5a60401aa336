"""Turning a stopped browser recording's chunks into its media: assemble, remux, probe, poster, complete.

Runs in the background on the replica that saw the last chunk or the stop, and again from the sweep for
anything left unfinished (a restart, a crash, a store that was down). A lease on the row keeps two replicas
from doing the same work; the chunks stay in the store until the media that replaces them is committed.
"""

from __future__ import annotations

import asyncio
import logging
import tempfile
from pathlib import Path

from sqlalchemy import delete, select, update

from meet_embed.db.base import now_ms
from meet_embed.media.probe import NotMedia
from meet_embed.media.remux import remux_for_playback
from meet_embed.ops.metrics import FINALIZE_SECONDS
from meet_embed.recorders.models import RecordingChunkModel
from meet_embed.recordings.ingest import store_media_file
from meet_embed.recordings.media import download_name_for
from meet_embed.recordings.models import RecordingModel, RecordingTransitionModel
from meet_embed.runtime import MeetRuntime
from meet_embed.storage import keys
from meet_embed.storage.janitor import enqueue_deletions, purge_pending

__all__ = ("MAX_FINALIZE_ATTEMPTS", "Finalizer", "contiguous_chunks")

logger = logging.getLogger("meet_embed.recorders")

LEASE_SECONDS = 600
MAX_FINALIZE_ATTEMPTS = 5


def contiguous_chunks(seqs: list[int]) -> list[int]:
    """The chunks from 0 without a hole: a recording is only as good as its unbroken beginning."""
    out: list[int] = []
    for expected, seq in enumerate(sorted(seqs)):
        if seq != expected:
            break
        out.append(seq)
    return out


class Finalizer:
    def __init__(self, runtime: MeetRuntime) -> None:
        self.runtime = runtime

    async def ready(self, recording_id: str) -> bool:
        """Stopped, and every chunk up to the one the browser called its last has arrived."""
        async with self.runtime.db.sessionmaker() as session:
            row = await session.get(RecordingModel, recording_id)
            if row is None or row.status != "ending" or row.backend != "browser" or row.final_seq is None:
                return False
            seqs = list(
                (
                    await session.scalars(
                        select(RecordingChunkModel.seq).where(
                            RecordingChunkModel.recording_id == recording_id
                        )
                    )
                ).all()
            )
        return len(contiguous_chunks(seqs)) == row.final_seq + 1

    async def maybe_finalize(self, recording_id: str) -> None:
        if await self.ready(recording_id):
            self.runtime.spawn(self.finalize(recording_id), name=f"finalize-{recording_id}")

    async def _claim(self, recording_id: str) -> RecordingModel | None:
        now = now_ms()
        async with self.runtime.db.sessionmaker() as session, session.begin():
            result = await session.execute(
                update(RecordingModel)
                .where(
                    RecordingModel.recording_id == recording_id,
                    RecordingModel.status == "ending",
                    (RecordingModel.finalize_lease_until.is_(None))
                    | (RecordingModel.finalize_lease_until < now),
                )
                .values(
                    finalize_lease_until=now + LEASE_SECONDS * 1000,
                    finalize_attempts=RecordingModel.finalize_attempts + 1,
                )
            )
            if not result.rowcount:  # type: ignore[attr-defined]
                return None
            return await session.get(RecordingModel, recording_id)

    async def finalize(self, recording_id: str) -> str | None:
        """Finalize if nobody else does; returns the status it ended in, or ``None`` if it did nothing."""
        row = await self._claim(recording_id)
        if row is None:
            return None
        with FINALIZE_SECONDS.time():
            return await self._finalize(row)

    async def _finalize(self, row: RecordingModel) -> str | None:
        recording_id = row.recording_id
        control = self.runtime.control
        try:
            async with self.runtime.db.sessionmaker() as session:
                chunks = list(
                    (
                        await session.execute(
                            select(RecordingChunkModel.seq, RecordingChunkModel.size)
                            .where(RecordingChunkModel.recording_id == recording_id)
                            .order_by(RecordingChunkModel.seq)
                        )
                    ).all()
                )
            usable = contiguous_chunks([c.seq for c in chunks])
            if not usable:
                await control.transition(recording_id, "aborted", details="No media was received")
                return "aborted"
            with tempfile.TemporaryDirectory(prefix="meet-finalize-") as tmp:
                workdir = Path(tmp)
                source = workdir / "capture.webm"
                await self._assemble(row, usable, source)
                try:
                    media, info = await asyncio.to_thread(remux_for_playback, source, workdir)
                except NotMedia as exc:
                    await control.transition(
                        recording_id,
                        "failed",
                        error=f"The captured media cannot be read: {exc}",
                        finalize_lease_until=None,
                    )
                    return "failed"
                stored = await store_media_file(
                    self.runtime.store,
                    row.room_id,
                    recording_id,
                    media,
                    info,
                    download_as=download_name_for(row.room_name, row.start_date, info.extension),
                )
            final = "limit_reached" if row.stop_reason == "limit" else "complete"
            missing = len(chunks) - len(usable)
            details = row.details or ""
            if missing:
                details = f"{details}; {missing} chunk(s) after a gap were left out".lstrip("; ")
            prefix = keys.chunks_prefix(row.room_id, recording_id)

            async with self.runtime.db.sessionmaker() as session, session.begin():
                result = await session.execute(
                    update(RecordingModel)
                    .where(RecordingModel.recording_id == recording_id, RecordingModel.status == "ending")
                    .values(
                        status=final,
                        end_date=now_ms(),
                        duration=round(stored.duration, 3),
                        size=stored.size,
                        filename=stored.filename,
                        media_key=stored.media_key,
                        content_type=stored.content_type,
                        poster_key=stored.poster_key,
                        crc32=stored.crc32,
                        details=details or None,
                        finalize_lease_until=None,
                        updated_at=now_ms(),
                    )
                )
                if not result.rowcount:  # type: ignore[attr-defined]
                    # Moved on meanwhile (deleted, aborted): what we stored belongs to nobody.
                    pending = enqueue_deletions(
                        session, [k for k in (stored.media_key, stored.poster_key) if k]
                    )
                else:
                    session.add(
                        RecordingTransitionModel(recording_id=recording_id, status=final, at=now_ms())
                    )
                    await session.execute(
                        delete(RecordingChunkModel).where(RecordingChunkModel.recording_id == recording_id)
                    )
                    pending = enqueue_deletions(session, [], [prefix])
            await purge_pending(self.runtime.db.sessionmaker, self.runtime.store, [p.id for p in pending])
            if result.rowcount:  # type: ignore[attr-defined]
                await control.count_active()
                done = await control.load(recording_id)
                if done is not None:
                    await self.runtime.events.publish(done)
                return final
            return None
        except asyncio.CancelledError:
            # Shutting down: give the lease back so the next start (or another replica) finishes the job.
            await asyncio.shield(self._release(recording_id))
            raise
        except Exception:
            logger.exception(
                "finalizing %s failed (attempt %d); the sweep retries it", recording_id, row.finalize_attempts
            )
            await self._release(recording_id)
            if row.finalize_attempts >= MAX_FINALIZE_ATTEMPTS:
                await control.transition(
                    recording_id, "failed", error="Finalization kept failing; the uploaded chunks were kept"
                )
                return "failed"
            return None

    async def _release(self, recording_id: str) -> None:
        async with self.runtime.db.sessionmaker() as session, session.begin():
            await session.execute(
                update(RecordingModel)
                .where(RecordingModel.recording_id == recording_id)
                .values(finalize_lease_until=None)
            )

    async def _assemble(self, row: RecordingModel, seqs: list[int], dest: Path) -> None:
        """Concatenate the chunks (MediaRecorder's pieces of one WebM stream) into a local file."""
        store = self.runtime.store
        with dest.open("wb") as out:
            for seq in seqs:
                async for piece in await store.stream(keys.chunk_key(row.room_id, row.recording_id, seq)):
                    await asyncio.to_thread(out.write, piece)
