"""The lifecycle of a recording: start, stop and every status change, persisted, timestamped, announced.

Status changes are conditional updates (``… WHERE status IN (allowed previous statuses)``), so two
replicas racing on the same recording cannot both move it, and the database's partial unique index keeps
one running recording per room.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

from msgspec import Struct
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.sql.elements import ColumnElement

from meet_embed.auth.principal import Principal
from meet_embed.db.base import now_ms
from meet_embed.errors import ConflictError, MeetError, NotFoundError
from meet_embed.ids import new_recording_id
from meet_embed.ops.metrics import ACTIVE_RECORDINGS
from meet_embed.recorders.base import CaptureError
from meet_embed.recordings.models import IN_PROGRESS, RecordingModel, RecordingTransitionModel
from meet_embed.rooms.models import RoomModel
from meet_embed.rooms.schemas import Encoding, Layout
from meet_embed.runtime import MeetRuntime

__all__ = ("ALLOWED_FROM", "RecordingControl", "StartConfig", "StartRequest")

logger = logging.getLogger("meet_embed.recorders")

ALLOWED_FROM: dict[str, tuple[str, ...]] = {
    "active": ("starting",),
    "ending": ("starting", "active"),
    "complete": ("ending",),
    "limit_reached": ("ending",),
    "failed": IN_PROGRESS,
    "aborted": IN_PROGRESS,
}


class StartConfig(Struct, rename="camel", forbid_unknown_fields=True):
    """Overrides of the room's recording settings for this one recording (as in the reference v3.6+)."""

    layout: Layout | None = None
    encoding: Encoding | None = None


class StartRequest(Struct, rename="camel"):
    room_id: str
    config: StartConfig | None = None


class RecordingError(MeetError):
    error = "Recording Error"


class RecordingControl:
    def __init__(self, runtime: MeetRuntime) -> None:
        self.runtime = runtime

    # -- transitions ----------------------------------------------------------------------------------

    async def transition(
        self,
        recording_id: str,
        to: str,
        *,
        details: str | None = None,
        only_if: ColumnElement[bool] | None = None,
        **values: Any,
    ) -> RecordingModel | None:
        """Move a recording to ``to`` if its current status allows it (and ``only_if`` holds); returns the
        updated row, or ``None`` when it had already moved on (another request or replica got there
        first)."""
        now = now_ms()
        changes: dict[str, Any] = {"status": to, "updated_at": now, **values}
        if details is not None:
            changes["details"] = details
        if to in ("complete", "failed", "aborted", "limit_reached") and "end_date" not in changes:
            changes["end_date"] = now
        async with self.runtime.db.sessionmaker() as session, session.begin():
            query = update(RecordingModel).where(
                RecordingModel.recording_id == recording_id, RecordingModel.status.in_(ALLOWED_FROM[to])
            )
            if only_if is not None:
                query = query.where(only_if)
            result = await session.execute(query.values(**changes))
            if not result.rowcount:  # type: ignore[attr-defined]
                return None
            session.add(
                RecordingTransitionModel(recording_id=recording_id, status=to, at=now, details=details)
            )
        row = await self.load(recording_id)
        if row is not None:
            await self.runtime.events.publish(row, at=now)
        await self.count_active()
        return row

    async def count_active(self) -> int:
        """Refresh the ``meet_embed_active_recordings`` gauge from the database (all replicas' recordings)."""
        async with self.runtime.db.sessionmaker() as session:
            count = int(
                await session.scalar(select(func.count()).where(RecordingModel.status.in_(IN_PROGRESS))) or 0
            )
        ACTIVE_RECORDINGS.set(count)
        return count

    async def load(self, recording_id: str) -> RecordingModel | None:
        async with self.runtime.db.sessionmaker() as session:
            return await session.get(RecordingModel, recording_id)

    # -- start / stop ---------------------------------------------------------------------------------

    async def start(self, request: StartRequest, principal: Principal) -> RecordingModel:
        room_id = request.room_id.strip()
        async with self.runtime.db.sessionmaker() as session:
            room = await session.get(RoomModel, room_id)
        if room is None:
            raise NotFoundError(f"Room '{room_id}' does not exist", error="Room Error")
        if not room.recording_enabled or room.status != "open":
            raise MeetError(
                f"Recording is disabled for room '{room_id}'", error="Recording Error", status_code=403
            )
        backend = self.runtime.capture
        now = now_ms()
        recording = RecordingModel(
            recording_id=new_recording_id(room.room_id),
            room_id=room.room_id,
            room_name=room.room_name,
            status="starting",
            layout=(request.config.layout if request.config and request.config.layout else room.layout),
            encoding=_builtin(request.config.encoding)
            if request.config and request.config.encoding
            else room.encoding,
            start_date=now,
            last_activity_at=now,
            backend=backend.name,
            owner_identity=principal.name if principal.kind == "member" else None,
            details=f"Started by {principal.describe()}",
        )
        recording.egress_id = recording.recording_id.split("--")[1]
        try:
            async with self.runtime.db.sessionmaker() as session, session.begin():
                session.add(recording)
                await session.flush()
                session.add(
                    RecordingTransitionModel(recording_id=recording.recording_id, status="starting", at=now)
                )
        except IntegrityError:
            raise ConflictError(
                f"Room '{room.room_id}' is already being recorded", error="Recording Error"
            ) from None
        await self.runtime.events.publish(recording, at=now)
        await self.count_active()
        if room.max_duration and not backend.checks_limit_on_data:
            self.runtime.spawn(
                self._watch_limit(recording.recording_id), name=f"limit-{recording.recording_id}"
            )
        try:
            await backend.start(recording, room)
        except CaptureError as exc:
            await self.transition(
                recording.recording_id, "failed", error=str(exc), details="Capture did not start"
            )
            raise MeetError(
                f"Recording in room '{room.room_id}' could not start: {exc}",
                error="Recording Error",
                status_code=503,
            ) from exc
        async with self.runtime.db.sessionmaker() as session, session.begin():
            await session.execute(
                update(RecordingModel)
                .where(RecordingModel.recording_id == recording.recording_id)
                .values(egress_id=recording.egress_id, filename=recording.filename)
            )
        if backend.activates_on_start:
            updated = await self.transition(recording.recording_id, "active")
            return updated or recording
        if backend.confirms_start:
            return await self._wait_active(recording)
        return recording

    async def _wait_active(self, recording: RecordingModel) -> RecordingModel:
        """Wait for the backend to report capture running (a webhook may reach any replica: poll the row)."""
        rid = recording.recording_id
        deadline = now_ms() + self.runtime.config.start_timeout * 1000
        while now_ms() < deadline:
            row = await self.load(rid)
            if row is None or row.status != "starting":
                # A lost "active" report, or a very short egress, can take it past active between polls.
                if row is not None and row.status in ("active", "ending", "complete", "limit_reached"):
                    return row
                if row is not None and row.status in ("aborted", "failed"):
                    # Stopped while starting, possibly before the backend had named its capture: only now
                    # is the real egress known, and it must not go on recording for nobody.
                    await self._stop_capture(recording)
                raise MeetError(
                    f"Recording '{rid}' did not start (status: {row.status if row else 'gone'})",
                    error="Recording Error",
                    status_code=503,
                )
            await asyncio.sleep(0.25)
        await self.transition(rid, "failed", error="Timed out while starting")
        await self._stop_capture(recording)
        raise MeetError(
            f"Recording in room '{recording.room_id}' timed out while starting",
            error="Recording Error",
            status_code=503,
        )

    async def _stop_capture(self, recording: RecordingModel) -> None:
        """Ask the backend to stop; its refusal is logged, never the caller's error (the recording's status
        has already changed, and the sweep or the egress' own report finishes the rest)."""
        try:
            await self.runtime.capture.stop(recording)
        except CaptureError:
            logger.warning("the capture backend could not stop %s", recording.recording_id, exc_info=True)

    async def _watch_limit(self, recording_id: str) -> None:
        """Stop a server-side capture when its room's maximum duration passes. Nothing arrives through us
        while an egress records, so without this only the sweep (every ``sweep_interval``) would notice;
        the sweep still covers a replica that restarted. The room's limit is read again at every wake-up,
        so a changed limit applies."""
        while True:
            async with self.runtime.db.sessionmaker() as session:
                found = (
                    await session.execute(
                        select(RecordingModel.status, RecordingModel.start_date, RoomModel.max_duration)
                        .join(RoomModel, RoomModel.room_id == RecordingModel.room_id)
                        .where(RecordingModel.recording_id == recording_id)
                    )
                ).first()
            if found is None or found.status not in ("starting", "active") or not found.max_duration:
                return
            remaining = (found.start_date + found.max_duration * 1000 - now_ms()) / 1000
            if remaining <= 0 and found.status == "active":
                current = await self.load(recording_id)
                if current is not None:
                    with contextlib.suppress(ConflictError):
                        await self.stop(current, reason="limit")
                return
            await asyncio.sleep(min(max(remaining, 0.25), 300.0))

    async def stop(
        self, recording: RecordingModel, *, reason: str = "requested", by: str | None = None
    ) -> RecordingModel:
        rid = recording.recording_id
        if recording.status == "starting":
            aborted = await self.transition(
                rid,
                "aborted",
                stop_reason=reason,
                details="Stopped while starting",
                only_if=RecordingModel.status == "starting",
            )
            if aborted is not None:
                # Nothing was captured yet: end it, and say so as the reference does for a starting egress.
                await self._stop_capture(aborted)
                raise ConflictError(
                    f"Recording '{rid}' cannot be stopped while starting", error="Recording Error"
                )
            # It became active meanwhile (its first chunk, the egress' report): stop it as an active one.
            current = await self.load(rid)
            if current is None:
                raise NotFoundError(f"Recording '{rid}' not found", error="Recording Error")
            recording = current
        if recording.status != "active":
            raise ConflictError(f"Recording '{rid}' is already stopped", error="Recording Error")
        details = f"End reason: {'max duration reached' if reason == 'limit' else reason}" + (
            f" by {by}" if by else ""
        )
        updated = await self.transition(
            rid, "ending", stop_reason=reason, details=details, last_activity_at=now_ms()
        )
        if updated is None:
            raise ConflictError(f"Recording '{rid}' is already stopped", error="Recording Error")
        await self._stop_capture(updated)
        await self.runtime.finalizer.maybe_finalize(rid)
        return (await self.load(rid)) or updated

    async def abort(self, recording: RecordingModel, *, reason: str, details: str) -> RecordingModel | None:
        """End a running recording now (its room is going away) through the usual lifecycle: the status
        change is recorded and announced like any other, and the capture is told to stop. ``None`` when it
        had ended already."""
        done = await self.transition(recording.recording_id, "aborted", stop_reason=reason, details=details)
        if done is not None:
            await self._stop_capture(done)
        return done

    async def running(self) -> list[RecordingModel]:
        async with self.runtime.db.sessionmaker() as session:
            query = select(RecordingModel).where(RecordingModel.status.in_(IN_PROGRESS))
            return list((await session.scalars(query.order_by(RecordingModel.start_date))).all())

    async def running_in_room(self, room_id: str) -> RecordingModel | None:
        async with self.runtime.db.sessionmaker() as session:
            row: RecordingModel | None = await session.scalar(
                select(RecordingModel).where(
                    RecordingModel.room_id == room_id, RecordingModel.status.in_(IN_PROGRESS)
                )
            )
            return row


def _builtin(value: Any) -> Any:
    import msgspec

    return msgspec.to_builtins(value)
