"""The periodic sweep: what no request will finish on its own.

Run by one replica at a time (a lease in the database), at start-up and every ``sweep_interval`` seconds:
recordings that never received data fail, silent ones are stopped and finalized with what they have,
stopped ones whose finalization never happened (a restart, a crash) are finalized, egress files whose
completion failed are completed, limits are enforced,
queued object deletions are retried and expired share secrets are removed.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field

from sqlalchemy import delete, select

from meet_embed.db.base import now_ms
from meet_embed.db.leases import new_holder, release_lease, try_lease
from meet_embed.errors import ConflictError
from meet_embed.recordings.models import RecordingModel, RecordingSecretModel
from meet_embed.rooms.models import RoomModel
from meet_embed.runtime import MeetRuntime
from meet_embed.storage.janitor import purge_pending

__all__ = ("SweepReport", "Sweeper")

logger = logging.getLogger("meet_embed.sweep")

EGRESS_ENDING_TIMEOUT = 6 * 3600
"""Seconds an egress may take to upload its file after stopping before the recording is given up."""


@dataclass
class SweepReport:
    failed: list[str] = field(default_factory=list)
    stopped: list[str] = field(default_factory=list)
    finalized: list[str] = field(default_factory=list)
    objects_deleted: int = 0
    secrets_expired: int = 0


class Sweeper:
    def __init__(self, runtime: MeetRuntime) -> None:
        self.runtime = runtime
        self.holder = new_holder()
        self.runs = 0
        """How many sweeps this process ran (the others were another replica's turn)."""

    async def run_forever(self) -> None:
        interval = self.runtime.config.sweep_interval
        while True:
            try:
                if await self._renew():
                    report = await self.sweep_once(keep_lease=True)
                    if report.failed or report.stopped or report.finalized:
                        logger.info("sweep: %s", report)
            except asyncio.CancelledError:
                raise
            except Exception:
                logger.exception("the sweep failed; it runs again in %ss", interval)
            await asyncio.sleep(interval)

    async def _renew(self) -> bool:
        return await try_lease(
            self.runtime.db.sessionmaker, "sweep", self.holder, self.runtime.config.sweep_interval * 2
        )

    async def release(self) -> None:
        """Give the lease back at shutdown, so another replica (or the next start) sweeps without waiting."""
        await release_lease(self.runtime.db.sessionmaker, "sweep", self.holder)

    async def sweep_once(self, *, keep_lease: bool = False) -> SweepReport:
        """One sweep. ``keep_lease``: renew the sweep's lease between recordings (when run by the periodic
        loop, which holds it) and stop if another replica took it over."""
        self.runs += 1
        runtime = self.runtime
        config = runtime.config
        control = runtime.control
        report = SweepReport()
        now = now_ms()
        async with runtime.db.sessionmaker() as session:
            running = list(
                (
                    await session.execute(
                        select(RecordingModel, RoomModel.max_duration)
                        .join(RoomModel, RoomModel.room_id == RecordingModel.room_id, isouter=True)
                        .where(RecordingModel.status.in_(("starting", "active", "ending")))
                    )
                ).all()
            )
        for recording, max_duration in running:
            # Finalizations inside a sweep can take a while: keep the lease, and stop if it went elsewhere.
            if keep_lease and not await self._renew():
                logger.info("another replica took over the sweep")
                break
            rid = recording.recording_id
            idle = now - (recording.last_activity_at or recording.start_date)
            if recording.status == "starting" and idle > config.start_timeout * 1000:
                if await control.transition(
                    rid, "failed", error=f"No media arrived within {config.start_timeout} s of the start"
                ):
                    report.failed.append(rid)
            elif recording.status == "active":
                reason = None
                if max_duration and now - recording.start_date >= max_duration * 1000:
                    reason = "limit"
                elif recording.backend == "browser" and idle > config.stale_after * 1000:
                    # A browser sends a chunk every few seconds; an egress reports only status changes,
                    # and LiveKit's webhooks (not silence) say when it ends.
                    reason = "stale"
                if reason:
                    try:
                        await control.stop(recording, reason=reason)
                        report.stopped.append(rid)
                    except ConflictError:
                        pass
            elif recording.status == "ending" and recording.backend == "browser":
                waited_enough = idle > config.finalize_grace * 1000
                if (waited_enough or await runtime.finalizer.ready(rid)) and await runtime.finalizer.finalize(
                    rid
                ):
                    report.finalized.append(rid)
            elif recording.status == "ending" and recording.egress_result is not None:
                # The egress reported its file but completing it failed (store down, replica gone).
                if await runtime.finalizer.complete_egress(rid):
                    report.finalized.append(rid)
                elif idle > max(
                    config.stale_after, EGRESS_ENDING_TIMEOUT
                ) * 1000 and await control.transition(
                    rid,
                    "failed",
                    error="The egress' file could not be completed; it was kept",
                    only_if=RecordingModel.finalize_lease_until.is_(None)
                    | (RecordingModel.finalize_lease_until < now),
                ):
                    report.failed.append(rid)
            elif (
                # A server-side capture that never reported its end.
                recording.status == "ending"
                and idle > max(config.stale_after, EGRESS_ENDING_TIMEOUT) * 1000
                and await control.transition(
                    rid,
                    "aborted",
                    details="The capture never reported its end",
                    only_if=RecordingModel.egress_result.is_(None),
                )
            ):
                report.failed.append(rid)

        done, _failed = await purge_pending(runtime.db.sessionmaker, runtime.store)
        report.objects_deleted = done
        async with runtime.db.sessionmaker() as session, session.begin():
            result = await session.execute(
                delete(RecordingSecretModel).where(
                    RecordingSecretModel.expires_at.is_not(None), RecordingSecretModel.expires_at < now
                )
            )
            report.secrets_expired = result.rowcount or 0  # type: ignore[attr-defined]
        return report
