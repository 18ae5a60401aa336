"""Finishing a stopped recording's media: a browser's chunks (assemble, remux, probe, poster, complete) or
the file an egress uploaded (CRC, poster, complete).

Runs in the background on the replica that saw the last chunk, the stop or the egress' end, and again from
the sweep for anything left unfinished (a restart, a crash, a store that was down). A lease on the row,
renewed while the work goes on, keeps two replicas from doing the same work, and chunk uploads are refused
while it is held. Every claim has its number (``finalize_attempts``): only the holder of the current one
may commit, and each attempt writes objects of its own, so one that lost its lease (a long pause, the
database out of reach) can neither overwrite nor delete what another committed. The chunks stay in the
store until the media that replaces them is committed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import tempfile
import zlib
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from meet_embed.db.base import now_ms
from meet_embed.media.poster import make_poster
from meet_embed.media.probe import NotMedia
from meet_embed.media.remux import remux_for_playback
from meet_embed.ops.metrics import FINALIZE_SECONDS
from meet_embed.recorders.models import RecordingChunkModel
from meet_embed.recordings.ingest import media_filename, store_media_file
from meet_embed.recordings.media import download_name_for
from meet_embed.recordings.models import RecordingModel, RecordingTransitionModel
from meet_embed.runtime import MeetRuntime
from meet_embed.storage import keys
from meet_embed.storage.janitor import enqueue_deletions, purge_pending
from meet_embed.storage.store import ObjectNotFound

__all__ = ("LEASE_SECONDS", "MAX_FINALIZE_ATTEMPTS", "Finalizer", "contiguous_chunks")

logger = logging.getLogger("meet_embed.recorders")

LEASE_SECONDS = 600
"""How long a claim holds without renewal; the holder renews it every third of that while it works."""
MAX_FINALIZE_ATTEMPTS = 5
_MEDIA_EXTENSIONS = ("mp4", "webm", "mkv", "ogg", "mp3", "wav")
"""Every extension a finalized file can have (``media.probe``): an earlier attempt may have left any."""


class ChunksChanged(RuntimeError):
    """Chunks arrived or changed after the finalization read their list (only possible once its lease
    had lapsed): its media would leave acknowledged data out."""


def contiguous_chunks(seqs: list[int]) -> list[int]:
    """The chunks from 0 without a hole: a recording is only as good as its unbroken beginning."""
    out: list[int] = []
    for expected, seq in enumerate(sorted(seqs)):
        if seq != expected:
            break
        out.append(seq)
    return out


def _earlier_attempts(row: RecordingModel, attempt: int) -> list[str]:
    """Objects earlier attempts may have written before they died; nothing refers to them once a later
    attempt commits."""
    out: list[str] = []
    for earlier in range(1, attempt):
        out.append(keys.poster_key(row.room_id, row.recording_id, earlier))
        out += [
            keys.media_key(row.room_id, media_filename(row.room_id, row.recording_id, ext), earlier)
            for ext in _MEDIA_EXTENSIONS
        ]
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

    async def _claim(self, recording_id: str, *, egress: bool = False) -> RecordingModel | None:
        now = now_ms()
        async with self.runtime.db.sessionmaker() as session, session.begin():
            query = update(RecordingModel).where(
                RecordingModel.recording_id == recording_id,
                RecordingModel.status == "ending",
                (RecordingModel.finalize_lease_until.is_(None)) | (RecordingModel.finalize_lease_until < now),
            )
            if egress:
                query = query.where(RecordingModel.egress_result.is_not(None))
            result = await session.execute(
                query.values(
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
            async with self._leased(row):
                return await self._finalize(row)

    @contextlib.asynccontextmanager
    async def _leased(self, row: RecordingModel) -> AsyncIterator[None]:
        """Keep the claim on ``row`` alive while the block runs, however long remuxing or hashing takes."""
        beat = asyncio.create_task(self._heartbeat(row.recording_id, row.finalize_attempts))
        try:
            yield
        finally:
            beat.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await beat

    async def _heartbeat(self, recording_id: str, attempt: int) -> None:
        while True:
            await asyncio.sleep(LEASE_SECONDS / 3)
            try:
                if not await self._renew_lease(recording_id, attempt):
                    logger.warning("finalization %d of %s lost its lease", attempt, recording_id)
                    return
            except Exception:
                # The database may be back before the lease runs out; if not, the commit is refused.
                logger.warning("could not renew the finalization lease of %s", recording_id, exc_info=True)

    async def _renew_lease(self, recording_id: str, attempt: int) -> bool:
        async with self.runtime.db.sessionmaker() as session, session.begin():
            result = await session.execute(
                update(RecordingModel)
                .where(
                    RecordingModel.recording_id == recording_id,
                    RecordingModel.status == "ending",
                    RecordingModel.finalize_attempts == attempt,
                )
                .values(finalize_lease_until=now_ms() + LEASE_SECONDS * 1000)
            )
            return bool(result.rowcount)  # type: ignore[attr-defined]

    async def _discard(self, object_keys: Sequence[str | None]) -> None:
        """Delete objects this attempt wrote and nobody will refer to."""
        async with self.runtime.db.sessionmaker() as session, session.begin():
            pending = enqueue_deletions(session, [k for k in object_keys if k])
        await purge_pending(self.runtime.db.sessionmaker, self.runtime.store, [p.id for p in pending])

    async def _finalize(self, row: RecordingModel) -> str | None:
        recording_id = row.recording_id
        control = self.runtime.control
        attempt = row.finalize_attempts
        mine = RecordingModel.finalize_attempts == attempt
        stored_keys: list[str | None] = []
        try:
            async with self.runtime.db.sessionmaker() as session:
                chunks = await self._chunk_list(session, recording_id)
            usable = contiguous_chunks([c.seq for c in chunks])
            if not usable:
                gone = await control.transition(
                    recording_id,
                    "aborted",
                    details="No media was received",
                    only_if=mine,
                    finalize_lease_until=None,
                )
                return "aborted" if gone else None
            with tempfile.TemporaryDirectory(prefix="meet-finalize-") as tmp:
                workdir = Path(tmp)
                source = workdir / "capture.webm"
                await self._assemble(row, usable, source)
                try:
                    media, info = await asyncio.to_thread(remux_for_playback, source, workdir)
                except NotMedia as exc:
                    gone = await control.transition(
                        recording_id,
                        "failed",
                        error=f"The captured media cannot be read: {exc}",
                        only_if=mine,
                        finalize_lease_until=None,
                    )
                    return "failed" if gone else None
                stored = await store_media_file(
                    self.runtime.store,
                    row.room_id,
                    recording_id,
                    media,
                    info,
                    download_as=download_name_for(row.room_name, row.start_date, info.extension),
                    attempt=attempt,
                )
                stored_keys = [stored.media_key, stored.poster_key]
            final = "limit_reached" if row.stop_reason == "limit" else "complete"
            left_out = len(chunks) - len(usable)
            details = row.details or ""
            if left_out:
                # Said on the recording itself: those chunks were acknowledged, and are now gone for good.
                details = (
                    f"{details}; chunk {len(usable)} never arrived: the {left_out} chunk(s) received after "
                    "it were left out and deleted"
                ).lstrip("; ")
            prefix = keys.chunks_prefix(row.room_id, recording_id)

            async with self.runtime.db.sessionmaker() as session, session.begin():
                result = await session.execute(
                    update(RecordingModel)
                    .where(
                        RecordingModel.recording_id == recording_id, RecordingModel.status == "ending", mine
                    )
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
                    # Moved on meanwhile (deleted, aborted, or another attempt holds the claim now): what
                    # this attempt stored is its own and belongs to nobody.
                    pending = enqueue_deletions(session, [k for k in stored_keys if k])
                else:
                    await self._check_chunks(session, recording_id, chunks)
                    session.add(
                        RecordingTransitionModel(recording_id=recording_id, status=final, at=now_ms())
                    )
                    await session.execute(
                        delete(RecordingChunkModel).where(RecordingChunkModel.recording_id == recording_id)
                    )
                    pending = enqueue_deletions(session, _earlier_attempts(row, attempt), [prefix])
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
            await asyncio.shield(self._release(recording_id, attempt))
            raise
        except ChunksChanged:
            logger.warning(
                "chunks of %s changed during finalization %d; it starts over", recording_id, attempt
            )
            await self._discard(stored_keys)
            await self._release(recording_id, attempt)
            self.runtime.spawn(self.finalize(recording_id), name=f"finalize-{recording_id}")
            return None
        except Exception:
            logger.exception("finalizing %s failed (attempt %d); the sweep retries it", recording_id, attempt)
            await self._release(recording_id, attempt)
            if attempt >= MAX_FINALIZE_ATTEMPTS:
                await control.transition(
                    recording_id,
                    "failed",
                    error="Finalization kept failing; the uploaded chunks were kept",
                    only_if=mine,
                )
                return "failed"
            return None

    @staticmethod
    async def _chunk_list(session: AsyncSession, recording_id: str) -> list[Any]:
        """``(seq, size)`` of every stored chunk, in order."""
        query = (
            select(RecordingChunkModel.seq, RecordingChunkModel.size)
            .where(RecordingChunkModel.recording_id == recording_id)
            .order_by(RecordingChunkModel.seq)
        )
        return list((await session.execute(query)).all())

    @staticmethod
    async def _check_chunks(session: AsyncSession, recording_id: str, used: Sequence[Any]) -> None:
        """Inside the committing transaction, after its update locked the row: the chunks are still the
        ones this attempt read, so deleting them all loses nothing that was acknowledged."""
        now = await Finalizer._chunk_list(session, recording_id)
        if [tuple(c) for c in now] != [tuple(c) for c in used]:
            raise ChunksChanged(recording_id)

    async def _release(self, recording_id: str, attempt: int) -> None:
        async with self.runtime.db.sessionmaker() as session, session.begin():
            await session.execute(
                update(RecordingModel)
                .where(
                    RecordingModel.recording_id == recording_id, RecordingModel.finalize_attempts == attempt
                )
                .values(finalize_lease_until=None)
            )

    # -- egress files -------------------------------------------------------------------------------------

    async def complete_egress(self, recording_id: str) -> str | None:
        """CRC and poster of the file an egress reported (``media_key``), then the recording is complete
        (``limit_reached`` when it was stopped at the room's limit or the egress hit its own). Claims the
        row as a finalization does, so a repeated ``egress_ended`` or the sweep never hash the file twice
        at once; returns the status it ended in, or ``None`` if it did nothing."""
        row = await self._claim(recording_id, egress=True)
        if row is None:
            return None
        with FINALIZE_SECONDS.time():
            async with self._leased(row):
                return await self._complete_egress(row)

    async def _complete_egress(self, row: RecordingModel) -> str | None:
        recording_id = row.recording_id
        attempt = row.finalize_attempts
        mine = RecordingModel.finalize_attempts == attempt
        media_key = row.media_key or ""
        poster_key: str | None = None
        try:
            crc = 0
            size = 0
            with tempfile.TemporaryDirectory(prefix="meet-egress-") as tmp:
                local = Path(tmp) / "egress.mp4"
                with local.open("wb") as out:
                    async for chunk in await self.runtime.store.stream(media_key):
                        crc = zlib.crc32(chunk, crc)
                        size += len(chunk)
                        await asyncio.to_thread(out.write, chunk)
                poster = await asyncio.to_thread(make_poster, local)
            if poster:
                poster_key = keys.poster_key(row.room_id, recording_id, attempt)
                await self.runtime.store.put(poster_key, poster, content_type="image/jpeg")
            final = (
                "limit_reached"
                if row.stop_reason == "limit" or row.egress_result == "limit_reached"
                else "complete"
            )
            done = await self.runtime.control.transition(
                recording_id,
                final,
                only_if=mine,
                filename=media_key.rsplit("/", 1)[-1],
                content_type="video/mp4",
                size=size,
                duration=round(row.egress_duration or 0.0, 3),
                crc32=crc,
                poster_key=poster_key,
                finalize_lease_until=None,
            )
            if done is None:
                await self._discard([poster_key])
                return None
            if attempt > 1:
                await self._discard(
                    [keys.poster_key(row.room_id, recording_id, earlier) for earlier in range(1, attempt)]
                )
            return final
        except asyncio.CancelledError:
            await asyncio.shield(self._release(recording_id, attempt))
            raise
        except ObjectNotFound:
            failed = await self.runtime.control.transition(
                recording_id,
                "failed",
                error=f"The egress reported a file the store does not have: {media_key}",
                only_if=mine,
                finalize_lease_until=None,
            )
            return "failed" if failed else None
        except Exception:
            logger.exception(
                "completing the egress file of %s failed (attempt %d); the sweep retries it",
                recording_id,
                attempt,
            )
            await self._discard([poster_key])
            await self._release(recording_id, attempt)
            return None

    async def _assemble(self, row: RecordingModel, seqs: list[int], dest: Path) -> None:
        """Concatenate the chunks (MediaRecorder's pieces of one WebM stream) into a local file."""
        store = self.runtime.store
        with dest.open("wb") as out:
            for seq in seqs:
                async for piece in await store.stream(keys.chunk_key(row.room_id, row.recording_id, seq)):
                    await asyncio.to_thread(out.write, piece)
