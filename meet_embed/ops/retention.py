"""Retention: recordings older than their room's ``retentionDays`` (or the global default) are deleted,
media and row together, by a periodic job that one replica runs at a time. Off unless configured."""

from __future__ import annotations

import asyncio
import logging

from msgspec import Struct
from sqlalchemy import BigInteger, and_, cast, func, literal, select

from meet_embed.audit.service import SYSTEM
from meet_embed.db.base import now_ms
from meet_embed.db.leases import new_holder, release_lease, try_lease
from meet_embed.recordings.models import RecordingModel
from meet_embed.recordings.schemas import FINISHED
from meet_embed.recordings.service import RecordingsService
from meet_embed.rooms.models import RoomModel
from meet_embed.runtime import MeetRuntime

__all__ = ("RetentionBusy", "RetentionReport", "RetentionRun", "retention_loop", "run_retention")

logger = logging.getLogger("meet_embed.retention")

DAY_MS = 24 * 3600 * 1000
BATCH = 200
RUN_LEASE = "retention-run"
"""Held by the run that deletes, whoever started it; ``retention`` is the periodic job's turn."""
RUN_LEASE_SECONDS = 120
"""Renewed after every batch; a run that died lets go of it after this long."""


class RetentionRun(Struct, rename="camel"):
    recording_id: str
    room_id: str
    start_date: int
    retention_days: int


class RetentionReport(Struct, rename="camel"):
    dry_run: bool
    recordings: list[RetentionRun]
    deleted: int


async def expired(runtime: MeetRuntime, now: int, limit: int) -> list[RetentionRun]:
    default = runtime.config.retention_days if runtime.config.retention_days is not None else 0
    days = func.coalesce(RoomModel.retention_days, literal(default))
    query = (
        select(RecordingModel.recording_id, RecordingModel.room_id, RecordingModel.start_date, days)
        .join(RoomModel, RoomModel.room_id == RecordingModel.room_id)
        .where(
            and_(
                days > 0,
                RecordingModel.status.in_(FINISHED),
                # BIGINT: days in milliseconds overflow PostgreSQL's INTEGER from 25 days on.
                RecordingModel.start_date
                < literal(now, BigInteger) - cast(days, BigInteger) * literal(DAY_MS, BigInteger),
            )
        )
        .order_by(RecordingModel.start_date)
        .limit(limit)
    )
    async with runtime.db.sessionmaker() as session:
        rows = (await session.execute(query)).all()
    return [
        RetentionRun(recording_id=r[0], room_id=r[1], start_date=r[2], retention_days=int(r[3])) for r in rows
    ]


class RetentionBusy(RuntimeError):
    """Another run (a replica's periodic job or another command) is deleting right now."""


async def run_retention(
    runtime: MeetRuntime, *, dry_run: bool = False, now: int | None = None, holder: str | None = None
) -> RetentionReport:
    """Delete (or with ``dry_run`` only list) every recording past its retention.

    A run that deletes holds the ``retention-run`` lease (as ``holder``) from start to end, so a run from
    the command line never overlaps a replica's periodic one (:class:`RetentionBusy` when one is under way).
    Only recordings this run deleted are reported and audited.
    """
    now = now_ms() if now is None else now
    if dry_run:
        return RetentionReport(dry_run=True, recordings=await expired(runtime, now, 100_000), deleted=0)
    holder = holder or new_holder()
    sessionmaker = runtime.db.sessionmaker
    if not await try_lease(sessionmaker, RUN_LEASE, holder, RUN_LEASE_SECONDS):
        raise RetentionBusy("a retention run is under way (on a replica or from another command)")
    try:
        return await _delete_expired(runtime, now, holder)
    finally:
        await release_lease(sessionmaker, RUN_LEASE, holder)


async def _delete_expired(runtime: MeetRuntime, now: int, holder: str) -> RetentionReport:
    seen: set[str] = set()
    deleted: list[RetentionRun] = []
    while True:
        batch = [b for b in await expired(runtime, now, BATCH) if b.recording_id not in seen]
        if not batch:
            break
        seen.update(b.recording_id for b in batch)
        async with runtime.db.sessionmaker() as session:
            service = RecordingsService(session, runtime)
            rows = list(
                (
                    await session.scalars(
                        select(RecordingModel).where(
                            RecordingModel.recording_id.in_([b.recording_id for b in batch]),
                            RecordingModel.status.in_(FINISHED),
                        )
                    )
                ).all()
            )
            gone = set(await service.delete_many(rows))
        # A recording deleted meanwhile by someone else was not deleted by retention: its deleter says so.
        for run in batch:
            if run.recording_id not in gone:
                continue
            deleted.append(run)
            await runtime.audit.record(
                "retention_delete",
                SYSTEM,
                room_id=run.room_id,
                recording_id=run.recording_id,
                details={"retentionDays": run.retention_days, "startDate": run.start_date},
            )
        # Long runs keep the lease; one that lost it (this process stalled past its expiry) stops.
        if not await try_lease(runtime.db.sessionmaker, RUN_LEASE, holder, RUN_LEASE_SECONDS):
            logger.warning("retention lost its lease; the next run deletes the rest")
            break
    if deleted:
        logger.info("retention deleted %d recording(s)", len(deleted))
    return RetentionReport(dry_run=False, recordings=deleted, deleted=len(deleted))


async def retention_loop(runtime: MeetRuntime, holder: str) -> None:
    interval = runtime.config.retention_interval
    while True:
        try:
            if await try_lease(runtime.db.sessionmaker, "retention", holder, interval * 2):
                await run_retention(runtime, holder=holder)
                await runtime.audit.forget_finished_viewings()
        except asyncio.CancelledError:
            raise
        except RetentionBusy:
            logger.info("a retention run started elsewhere is under way; this one waits %ss", interval)
        except Exception:
            logger.exception("the retention run failed; it runs again in %ss", interval)
        await asyncio.sleep(interval)
