"""Rooms: creation with defaults, partial config updates, deletion policies, link secrets."""

from __future__ import annotations

import hmac
from typing import Literal, TypeAlias

import msgspec
from msgspec import UNSET
from sqlalchemy import and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from meet_embed.auth.principal import MemberRole
from meet_embed.db.base import escape_like, now_ms
from meet_embed.errors import ConflictError, MeetError, NotFoundError, UnprocessableError
from meet_embed.ids import is_room_id, new_room_id, new_secret
from meet_embed.pagination import PageCursor, Pagination
from meet_embed.recordings.models import IN_PROGRESS, RecordingModel
from meet_embed.recordings.service import RecordingsService
from meet_embed.rooms.models import RoomModel
from meet_embed.rooms.schemas import (
    Room,
    RoomConfig,
    RoomConfigIn,
    RoomCreate,
    RoomList,
    RoomRecordingConfig,
    RoomRecordingConfigIn,
)
from meet_embed.runtime import MeetRuntime

__all__ = ("DeletePolicy", "RoomError", "RoomsService", "parse_delete_policy")

DeletePolicy: TypeAlias = Literal["fail", "close", "force"]
_POLICY_ALIASES: dict[str, DeletePolicy] = {
    "fail": "fail",
    "close": "close",
    "keep": "close",
    "force": "force",
    "delete": "force",
}


class RoomError(MeetError):
    error = "Room Error"


def parse_delete_policy(raw: str | None) -> DeletePolicy:
    if raw is None or raw == "":
        return "fail"
    try:
        return _POLICY_ALIASES[raw]
    except KeyError:
        raise UnprocessableError.field(
            "withRecordings", "withRecordings must be one of fail, close (keep) or force (delete)"
        ) from None


def check_room_id(room_id: str) -> str:
    room_id = room_id.strip()
    if not is_room_id(room_id):
        raise UnprocessableError.field("roomId", "roomId does not follow the expected format")
    return room_id


class RoomsService:
    def __init__(self, session: AsyncSession, runtime: MeetRuntime) -> None:
        self.session = session
        self.runtime = runtime
        self._cursor = PageCursor(runtime.signer, "rooms-page")

    # -- reads ----------------------------------------------------------------------------------------

    async def get(self, room_id: str) -> RoomModel:
        room = await self.session.get(RoomModel, check_room_id(room_id))
        if room is None:
            raise NotFoundError(f"Room '{room_id}' does not exist", error="Room Error")
        return room

    async def list_rooms(
        self, max_items: int, page_token: str | None, room_name: str | None
    ) -> tuple[list[RoomModel], str | None]:
        scope = f"name:{room_name or ''}"
        query = select(RoomModel)
        if room_name:
            query = query.where(RoomModel.room_name.ilike(f"%{escape_like(room_name)}%", escape="\\"))
        if page_token:
            created, last_id = self._cursor.decode(page_token, scope)
            if not isinstance(created, int):
                raise UnprocessableError.field("nextPageToken", "nextPageToken is not valid")
            query = query.where(
                or_(
                    RoomModel.creation_date < created,
                    and_(RoomModel.creation_date == created, RoomModel.room_id < last_id),
                )
            )
        query = query.order_by(RoomModel.creation_date.desc(), RoomModel.room_id.desc()).limit(max_items + 1)
        rows = list((await self.session.scalars(query)).all())
        token = None
        if len(rows) > max_items:
            rows = rows[:max_items]
            token = self._cursor.encode(scope, rows[-1].creation_date, rows[-1].room_id)
        return rows, token

    async def role_for_secret(self, room_id: str, secret: str) -> MemberRole:
        """The role a room link's secret grants; 400 for a secret the room does not know."""
        room = await self.get(room_id)
        supplied = secret.encode()
        if hmac.compare_digest(supplied, room.moderator_secret.encode()):
            return "moderator"
        if hmac.compare_digest(supplied, room.speaker_secret.encode()):
            return "speaker"
        raise RoomError(f"Secret is not recognized for room '{room.room_id}'")

    # -- writes ---------------------------------------------------------------------------------------

    async def create(self, data: RoomCreate) -> RoomModel:
        name = data.room_name.strip()
        if not name:
            raise UnprocessableError.field("roomName", "roomName must not be empty")
        recording = RoomRecordingConfigIn()
        if data.config is not UNSET and data.config.recording is not UNSET:
            recording = data.config.recording
        room = RoomModel(
            room_id=new_room_id(name),
            room_name=name,
            creation_date=now_ms(),
            status="open",
            recording_enabled=True,
            allow_access_to="admin_moderator_speaker",
            layout="grid",
            encoding="H264_720P_30",
            max_duration=None,
            moderator_secret=new_secret(),
            speaker_secret=new_secret(),
        )
        _apply_recording_config(room, recording)
        self.session.add(room)
        await self.session.commit()
        return room

    async def update_config(self, room_id: str, config: RoomConfigIn) -> RoomModel:
        room = await self.get(room_id)
        if config.recording is not UNSET:
            _apply_recording_config(room, config.recording)
        await self.session.commit()
        return room

    async def delete(self, room_id: str, policy: DeletePolicy) -> RoomModel | None:
        """Delete a room. With recordings: ``fail`` refuses (409), ``close`` keeps room and recordings
        (the room is closed: no new recordings), ``force`` deletes the recordings too. Returns the closed
        room, or ``None`` when it is gone."""
        room = await self.get(room_id)
        recordings = RecordingsService(self.session, self.runtime)
        count = await recordings.count_in_room(room.room_id)
        if count == 0:
            await self.session.delete(room)
            await self.session.commit()
            return None
        if policy == "fail":
            raise ConflictError(
                f"Room '{room.room_id}' has {count} recording(s); delete it with withRecordings=close to "
                "keep them or withRecordings=force to delete them",
                error="Room Error",
                extra={"recordings": count},
            )
        if policy == "close":
            room.status = "closed"
            room.recording_enabled = False
            await self.session.commit()
            return room
        # force: whatever still runs ends as any recording does (capture stopped, the change recorded and
        # announced to the room, the host and the gauge) before everything goes.
        running = (
            await self.session.scalars(
                select(RecordingModel).where(
                    RecordingModel.room_id == room.room_id, RecordingModel.status.in_(IN_PROGRESS)
                )
            )
        ).all()
        for recording in running:
            await self.runtime.control.abort(recording, reason="room_deleted", details="Room deleted")
        rows = (
            await self.session.scalars(
                select(RecordingModel)
                .where(RecordingModel.room_id == room.room_id)
                .execution_options(populate_existing=True)
            )
        ).all()
        await self.session.delete(room)
        await recordings.delete_many(rows)
        return None

    # -- wire -----------------------------------------------------------------------------------------

    def to_wire(self, room: RoomModel, base_url: str) -> Room:
        page = self.runtime.page_url(base_url, f"/room/{room.room_id}")
        return Room(
            room_id=room.room_id,
            room_name=room.room_name,
            creation_date=room.creation_date,
            config=RoomConfig(
                recording=RoomRecordingConfig(
                    enabled=room.recording_enabled,
                    allow_access_to=room.allow_access_to,  # type: ignore[arg-type]
                    layout=room.layout,  # type: ignore[arg-type]
                    encoding=room.encoding,
                    max_duration=room.max_duration,
                    retention_days=room.retention_days,
                )
            ),
            moderator_url=f"{page}?secret={room.moderator_secret}",
            speaker_url=f"{page}?secret={room.speaker_secret}",
            status=room.status,  # type: ignore[arg-type]
        )

    def list_to_wire(
        self, rows: list[RoomModel], token: str | None, max_items: int, base_url: str
    ) -> RoomList:
        return RoomList(
            rooms=[self.to_wire(r, base_url) for r in rows],
            pagination=Pagination(is_truncated=token is not None, max_items=max_items, next_page_token=token),
        )


def _apply_recording_config(room: RoomModel, config: RoomRecordingConfigIn) -> None:
    if config.enabled is not UNSET:
        room.recording_enabled = config.enabled
    if config.allow_access_to is not UNSET:
        room.allow_access_to = config.allow_access_to
    if config.layout is not UNSET:
        room.layout = config.layout
    if config.encoding is not UNSET:
        room.encoding = msgspec.to_builtins(config.encoding)
    if config.max_duration is not UNSET:
        room.max_duration = config.max_duration
    if config.retention_days is not UNSET:
        room.retention_days = config.retention_days
