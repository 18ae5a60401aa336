"""Recordings: listing with keyset pagination, deletion (with media, poster and chunks), share links."""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence
from typing import Any, Literal, TypeAlias

import msgspec
from sqlalchemy import bindparam, delete, func, select, tuple_, update
from sqlalchemy.ext.asyncio import AsyncSession

from meet_embed.auth.access import check_recording_id
from meet_embed.db.base import escape_like, now_ms
from meet_embed.errors import ConflictError, NotFoundError, UnprocessableError
from meet_embed.ids import new_secret, room_of_recording
from meet_embed.pagination import PageCursor, Pagination
from meet_embed.recordings.archive import ensure_crc
from meet_embed.recordings.media import PLAYABLE
from meet_embed.recordings.models import RecordingModel, RecordingSecretModel
from meet_embed.recordings.schemas import (
    FINISHED,
    RECORDING_FIELDS,
    WIRE_FIELDS,
    BulkDeleteFailure,
    FailureCode,
    RecordingList,
    to_wire,
    wire_from_values,
)
from meet_embed.rooms.models import RoomModel
from meet_embed.runtime import MeetRuntime
from meet_embed.storage import keys
from meet_embed.storage.janitor import enqueue_deletions, purge_pending
from meet_embed.storage.store import ObjectNotFound

__all__ = ("SORT_FIELDS", "RecordingsService", "SortField", "SortOrder", "project")

SortField: TypeAlias = Literal["startDate", "roomName", "duration", "size"]
SortOrder: TypeAlias = Literal["asc", "desc"]
SORT_FIELDS: dict[str, Any] = {
    "startDate": RecordingModel.start_date,
    "roomName": RecordingModel.room_name,
    "duration": RecordingModel.duration,
    "size": RecordingModel.size,
}
_SORT_TYPES: dict[str, tuple[type, ...]] = {
    "startDate": (int,),
    "roomName": (str,),
    "duration": (int, float),
    "size": (int,),
}
MAX_IDS = 500
"""Most ids one bulk delete or ZIP download takes."""


def parse_fields(raw: str | None) -> frozenset[str] | None:
    """``fields=a,b``: the keys to keep (unknown ones are ignored, as the reference does)."""
    if raw is None:
        return None
    wanted = frozenset(f.strip() for f in raw.split(",") if f.strip()) & RECORDING_FIELDS
    return wanted


def project(recording: RecordingModel, fields: frozenset[str] | None) -> dict[str, Any]:
    data: dict[str, Any] = msgspec.to_builtins(to_wire(recording))
    if fields is None:
        return data
    return {k: v for k, v in data.items() if k in fields}


# A listing reads these columns by position (``wire_from_values``): reading a row's attributes one by one
# was a third of a listing's time.
_WIRE_COLUMNS = tuple(RecordingModel.__table__.columns[name] for name in WIRE_FIELDS)


@functools.lru_cache(maxsize=256)
def _page_query(sort_field: SortField, sort_order: SortOrder, given: frozenset[str]) -> Any:
    """The page query for one shape of listing, with its values as bound parameters: built once per shape
    (building a statement costs more than SQLite takes to run it)."""
    column = SORT_FIELDS[sort_field]
    # Plain rows of the wire's columns, not ORM objects: a listing only reads them, and building instances
    # is half its cost.
    query = select(*_WIRE_COLUMNS)
    if "room_id" in given:
        query = query.where(RecordingModel.room_id == bindparam("room_id"))
    if "room_name" in given:
        query = query.where(RecordingModel.room_name.ilike(bindparam("room_name"), escape="\\"))
    if "status" in given:
        query = query.where(RecordingModel.status == bindparam("status"))
    if "after_value" in given:
        key = tuple_(column, RecordingModel.recording_id)
        after = tuple_(bindparam("after_value", type_=column.type), bindparam("after_id"))
        query = query.where(key < after if sort_order == "desc" else key > after)
    if sort_order == "desc":
        query = query.order_by(column.desc(), RecordingModel.recording_id.desc())
    else:
        query = query.order_by(column.asc(), RecordingModel.recording_id.asc())
    return query.limit(bindparam("limit"))


def parse_ids(raw: str | None) -> list[str]:
    """``recordingIds=a,b``: trimmed, blanks dropped, duplicates collapsed, each checked (a 422 names the
    index of a malformed one)."""
    parts = [p.strip() for p in (raw or "").split(",")]
    parts = [p for p in parts if p]
    if not parts:
        raise UnprocessableError.field("recordingIds", "recordingIds must contain at least one item")
    if len(parts) > MAX_IDS:
        raise UnprocessableError.field("recordingIds", f"recordingIds may contain at most {MAX_IDS} items")
    ids: list[str] = []
    for index, part in enumerate(parts):
        ids.append(check_recording_id(part, f"recordingIds.{index}"))
    return list(dict.fromkeys(ids))


logger = logging.getLogger("meet_embed.recordings")


class RecordingsService:
    def __init__(self, session: AsyncSession, runtime: MeetRuntime) -> None:
        self.session = session
        self.runtime = runtime
        self._cursor = PageCursor(runtime.signer, "recordings-page")

    # -- listing --------------------------------------------------------------------------------------

    async def list_recordings(
        self,
        *,
        max_items: int,
        page_token: str | None = None,
        room_id: str | None = None,
        room_name: str | None = None,
        status: str | None = None,
        sort_field: SortField = "startDate",
        sort_order: SortOrder = "desc",
    ) -> tuple[list[RecordingModel], str | None]:
        """One page, ordered by ``(sort field, recordingId)``; the page token holds the last pair, so a deep
        page is an index range scan just like the first one."""
        column = SORT_FIELDS[sort_field]
        scope = "|".join((room_id or "", room_name or "", status or "", sort_field, sort_order))
        params: dict[str, Any] = {"limit": max_items + 1}
        if room_id is not None:
            params["room_id"] = room_id
        if room_name:
            params["room_name"] = f"%{escape_like(room_name)}%"
        if status is not None:
            params["status"] = status
        if page_token:
            value, last_id = self._cursor.decode(page_token, scope)
            if not isinstance(value, _SORT_TYPES[sort_field]) or isinstance(value, bool):
                raise UnprocessableError.field("nextPageToken", "nextPageToken is not valid")
            params["after_value"], params["after_id"] = value, last_id
        query = _page_query(sort_field, sort_order, frozenset(params))
        rows: list[Any] = list((await self.session.execute(query, params)).all())
        token = None
        if len(rows) > max_items:
            rows = rows[:max_items]
            last = rows[-1]
            token = self._cursor.encode(scope, getattr(last, column.key), last.recording_id)
        return rows, token

    @staticmethod
    def list_to_wire(
        rows: Sequence[Any], token: str | None, max_items: int, fields: frozenset[str] | None
    ) -> RecordingList:
        recordings = [wire_from_values(r) if fields is None else project(r, fields) for r in rows]
        return RecordingList(
            recordings=recordings,
            pagination=Pagination(is_truncated=token is not None, max_items=max_items, next_page_token=token),
        )

    async def get(self, recording_id: str) -> RecordingModel | None:
        return await self.session.get(RecordingModel, recording_id)

    async def count_in_room(self, room_id: str) -> int:
        return int(
            await self.session.scalar(select(func.count()).where(RecordingModel.room_id == room_id)) or 0
        )

    # -- deletion -------------------------------------------------------------------------------------

    async def delete_one(self, recording: RecordingModel) -> None:
        if recording.status not in FINISHED:
            raise ConflictError(
                f"Recording '{recording.recording_id}' is not stopped yet", error="Recording Error"
            )
        await self.delete_many([recording])

    async def bulk_delete(
        self, ids: Sequence[str], room_scope: str | None
    ) -> tuple[list[str], list[BulkDeleteFailure]]:
        """Delete what can be deleted; report each id that cannot, with the reason."""
        found = {
            r.recording_id: r
            for r in (
                await self.session.scalars(select(RecordingModel).where(RecordingModel.recording_id.in_(ids)))
            ).all()
        }
        eligible: list[RecordingModel] = []
        failed: list[BulkDeleteFailure] = []
        for recording_id in ids:
            row = found.get(recording_id)
            code: FailureCode
            if room_scope is not None and room_of_recording(recording_id) != room_scope:
                code = "otherRoom"
                error = f"Recording '{recording_id}' does not belong to room '{room_scope}'"
            elif row is None:
                code, error = "notFound", f"Recording '{recording_id}' not found"
            elif row.status not in FINISHED:
                code, error = "notStopped", f"Recording '{recording_id}' is not stopped yet"
            else:
                eligible.append(row)
                continue
            failed.append(BulkDeleteFailure(recording_id=recording_id, error=error, code=code))
        await self.delete_many(eligible)
        return [r.recording_id for r in eligible], failed

    async def delete_many(self, rows: Sequence[RecordingModel]) -> list[str]:
        """Remove rows and every object they own. The rows and the list of objects to delete change in one
        transaction; the objects go right after, and any the store refuses are retried by the janitor.

        Returns the ids of the rows this call removed: one deleted meanwhile by another request or replica
        is not among them (its deleter reports it)."""
        if not rows:
            return []
        ids = [r.recording_id for r in rows]
        rooms = {r.room_id for r in rows}
        object_keys = [k for r in rows for k in (r.media_key, r.poster_key) if k]
        prefixes = [keys.chunks_prefix(r.room_id, r.recording_id) for r in rows]
        pending = enqueue_deletions(self.session, object_keys, prefixes)
        gone = set(
            (
                await self.session.scalars(
                    delete(RecordingModel)
                    .where(RecordingModel.recording_id.in_(ids))
                    .returning(RecordingModel.recording_id)
                )
            ).all()
        )
        deleted = [(r.room_id, r.recording_id) for r in rows if r.recording_id in gone]
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
        for room_id, recording_id in deleted:
            await self.runtime.events.publish_deleted(room_id, recording_id)
        _done, failed = await purge_pending(
            self.runtime.db.sessionmaker, self.runtime.store, [p.id for p in pending]
        )
        if failed:
            logger.warning("%d object(s) of deleted recordings stay queued for deletion", failed)
        return [recording_id for _room, recording_id in deleted]

    # -- ZIP archives ------------------------------------------------------------------------------

    async def any_playable(self, ids: Sequence[str]) -> bool:
        """Whether one of ``ids`` is playable on record (a cheap look before handing out a ZIP link)."""
        if not ids:
            return False
        query = select(RecordingModel.recording_id).where(
            RecordingModel.recording_id.in_(ids),
            RecordingModel.status.in_(PLAYABLE),
            RecordingModel.media_key.is_not(None),
        )
        return (await self.session.scalars(query.limit(1))).first() is not None

    async def zip_members(self, ids: Sequence[str]) -> list[RecordingModel]:
        """The recordings among ``ids`` that can go into an archive: playable, their media in the store with
        the size on record, and a CRC (computed once and kept when finalization did not record it)."""
        found = {
            r.recording_id: r
            for r in (
                await self.session.scalars(select(RecordingModel).where(RecordingModel.recording_id.in_(ids)))
            ).all()
        }
        store = self.runtime.store
        members: list[RecordingModel] = []
        for recording_id in ids:
            row = found.get(recording_id)
            if row is None or row.status not in PLAYABLE or not row.media_key:
                continue
            try:
                info = await store.head(row.media_key)
                if info.size != row.size:
                    logger.error(
                        "media of %s is %d bytes, %d on record: left out of the ZIP",
                        recording_id,
                        info.size,
                        row.size,
                    )
                    continue
                if row.crc32 is None:
                    row.crc32 = await ensure_crc(store, row)
                    await self.session.execute(
                        update(RecordingModel)
                        .where(RecordingModel.recording_id == recording_id)
                        .values(crc32=row.crc32)
                    )
            except ObjectNotFound:
                logger.error("media of %s is missing from the store: left out of the ZIP", recording_id)
                continue
            members.append(row)
        await self.session.commit()
        return members

    # -- share links --------------------------------------------------------------------------------

    async def share_secret(
        self, recording: RecordingModel, kind: str, expires_in: int | None
    ) -> tuple[str, int | None]:
        """The standing secret of ``kind`` (made on first use), or a new one that expires."""
        if expires_in is None:
            existing = await self.session.scalar(
                select(RecordingSecretModel.secret).where(
                    RecordingSecretModel.recording_id == recording.recording_id,
                    RecordingSecretModel.kind == kind,
                    RecordingSecretModel.expires_at.is_(None),
                )
            )
            if existing is not None:
                return existing, None
        expires_at = now_ms() + expires_in * 1000 if expires_in is not None else None
        secret = new_secret()
        self.session.add(
            RecordingSecretModel(
                recording_id=recording.recording_id,
                kind=kind,
                secret=secret,
                created_at=now_ms(),
                expires_at=expires_at,
            )
        )
        await self.session.commit()
        return secret, expires_at

    async def rotate_secrets(self, recording: RecordingModel) -> dict[str, str]:
        """Revoke every share link of the recording and make new standing ones."""
        await self.session.execute(
            delete(RecordingSecretModel).where(RecordingSecretModel.recording_id == recording.recording_id)
        )
        fresh = {kind: new_secret() for kind in ("public", "private")}
        self.session.add_all(
            RecordingSecretModel(
                recording_id=recording.recording_id, kind=kind, secret=secret, created_at=now_ms()
            )
            for kind, secret in fresh.items()
        )
        await self.session.commit()
        return fresh

    def share_url(self, base_url: str, recording_id: str, secret: str) -> str:
        return self.runtime.page_url(base_url, f"/recording/{recording_id}?secret={secret}")

    async def require(self, recording_id: str) -> RecordingModel:
        row = await self.get(recording_id)
        if row is None:
            raise NotFoundError(f"Recording '{recording_id}' not found", error="Recording Error")
        return row
