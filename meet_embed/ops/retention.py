"""Retention: recordings older than their room's ``retentionDays`` (or the global default) are deleted,
media and row together, by a periodic job that one replica runs at a time. Off unless configured."""

from __future__ import annotations

import asyncio
import logging

from msgspec import Struct
from sqlalchemy import BigInteger, and_, cast, func, literal, select

from meet_embed.audit.service import SYSTEM
from meet_embed.db.base import now_ms
from meet_embed.db.leases import try_lease
from meet_embed.recordings.models import RecordingModel
from meet_embed.recordings.schemas import FINISHED
from meet_embed.recordings.service import RecordingsService
from meet_embed.rooms.models import RoomModel
from meet_embed.runtime import MeetRuntime

__all__ = ("RetentionReport", "RetentionRun", "retention_loop", "run_retention")

logger = logging.getLogger("meet_embed.retention")

DAY_MS = 24 * 3600 * 1000
BATCH = 200


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


async def run_retention(
    runtime: MeetRuntime, *, dry_run: bool = False, now: int | None = None
) -> RetentionReport:
    """Delete (or with ``dry_run`` only list) every recording past its retention."""
    now = now_ms() if now is None else now
    found: list[RetentionRun] = []
    deleted = 0
    while True:
        batch = await expired(runtime, now, BATCH if not dry_run else 100_000)
        batch = [b for b in batch if b.recording_id not in {f.recording_id for f in found}]
        if not batch:
            break
        found += batch
        if dry_run:
            break
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
            await service.delete_many(rows)
        deleted += len(rows)
        for run in batch:
            await runtime.audit.record(
                "retention_delete",
                SYSTEM,
                room_id=run.room_id,
                recording_id=run.recording_id,
                details={"retentionDays": run.retention_days, "startDate": run.start_date},
            )
    if found and not dry_run:
        logger.info("retention deleted %d recording(s)", deleted)
    return RetentionReport(dry_run=dry_run, recordings=found, deleted=deleted)


async def retention_loop(runtime: MeetRuntime, holder: str) -> None:
    interval = runtime.config.retention_interval
    while True:
        try:
            if await try_lease(runtime.db.sessionmaker, "retention", holder, interval * 2):
                await run_retention(runtime)
                await runtime.audit.forget_finished_viewings()
        except asyncio.CancelledError:
            raise
        except Exception:
            logger.exception("the retention run failed; it runs again in %ss", interval)
        await asyncio.sleep(interval)
