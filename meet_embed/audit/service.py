"""Writing and reading the audit trail.

Entries are written by the code that performed the action, after it succeeded, and never make that
action fail: an audit write that fails is logged and the user's request goes on.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from typing import Any, Literal, TypeAlias

from msgspec import Struct
from sqlalchemy import select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from meet_embed.audit.models import AuditEntryModel
from meet_embed.auth.principal import Principal
from meet_embed.db.base import now_ms
from meet_embed.logs import current_request_id
from meet_embed.pagination import PageCursor, Pagination
from meet_embed.signing import Signer

__all__ = ("Actor", "AuditAction", "AuditEntry", "AuditList", "AuditLog")

AuditAction: TypeAlias = Literal[
    "start",
    "stop",
    "play",
    "download",
    "zip",
    "share_link_created",
    "secrets_rotated",
    "delete",
    "room_created",
    "room_config_changed",
    "room_deleted",
    "token_issued",
    "retention_delete",
]
PLAY_SESSION_SECONDS = 30 * 60
"""A viewer's range requests within this time of the first one are one viewing session, one entry."""


class Actor(Struct, frozen=True):
    kind: str
    name: str | None = None
    role: str | None = None

    @classmethod
    def of(cls, principal: Principal, via: str | None = None) -> Actor:
        if via in ("public_secret", "private_secret"):
            return cls(
                kind="share_secret",
                name=f"{via.split('_')[0]} link" + (f" ({principal.name})" if principal.name else ""),
            )
        return cls(kind=principal.kind, name=principal.name or None, role=principal.role)


SYSTEM = Actor(kind="system", name="meet-embed")


class AuditEntry(Struct, rename="camel", omit_defaults=True):
    id: int
    at: int
    action: str
    actor_kind: str
    actor_name: str | None = None
    actor_role: str | None = None
    room_id: str | None = None
    recording_id: str | None = None
    details: Any = None
    client: str | None = None
    request_id: str | None = None


class AuditList(Struct):
    entries: list[AuditEntry]
    pagination: Pagination


def to_entry(row: AuditEntryModel) -> AuditEntry:
    return AuditEntry(
        id=row.id,
        at=row.at,
        action=row.action,
        actor_kind=row.actor_kind,
        actor_name=row.actor_name,
        actor_role=row.actor_role,
        room_id=row.room_id,
        recording_id=row.recording_id,
        details=row.details,
        client=row.client,
        request_id=row.request_id,
    )


class AuditLog:
    def __init__(self, sessionmaker: async_sessionmaker[AsyncSession], signer: Signer) -> None:
        self._sessionmaker = sessionmaker
        self._cursor = PageCursor(signer, "audit-page")
        self._recent_plays: OrderedDict[tuple[str, str], float] = OrderedDict()

    async def record(
        self,
        action: AuditAction,
        actor: Actor,
        *,
        room_id: str | None = None,
        recording_id: str | None = None,
        details: dict[str, Any] | None = None,
        client: str | None = None,
    ) -> None:
        try:
            async with self._sessionmaker() as session, session.begin():
                session.add(
                    AuditEntryModel(
                        at=now_ms(),
                        action=action,
                        actor_kind=actor.kind,
                        actor_name=actor.name[:200] if actor.name else None,
                        actor_role=actor.role,
                        room_id=room_id,
                        recording_id=recording_id,
                        details=details,
                        client=client,
                        request_id=current_request_id(),
                    )
                )
        except Exception:
            logging.getLogger("meet_embed.audit").exception("could not write the audit entry %s", action)

    def is_new_viewing(self, session_key: str, recording_id: str) -> bool:
        """``True`` once per viewer and recording per ``PLAY_SESSION_SECONDS`` (per process)."""
        now = time.monotonic()
        key = (session_key, recording_id)
        seen = self._recent_plays.get(key)
        if seen is not None and now - seen < PLAY_SESSION_SECONDS:
            return False
        self._recent_plays[key] = now
        self._recent_plays.move_to_end(key)
        while len(self._recent_plays) > 10_000:
            self._recent_plays.popitem(last=False)
        return True

    async def list_entries(
        self,
        *,
        max_items: int,
        page_token: str | None,
        room_id: str | None = None,
        recording_id: str | None = None,
        action: str | None = None,
        actor_kind: str | None = None,
    ) -> AuditList:
        scope = "|".join((room_id or "", recording_id or "", action or "", actor_kind or ""))
        query = select(AuditEntryModel)
        if room_id:
            query = query.where(AuditEntryModel.room_id == room_id)
        if recording_id:
            query = query.where(AuditEntryModel.recording_id == recording_id)
        if action:
            query = query.where(AuditEntryModel.action == action)
        if actor_kind:
            query = query.where(AuditEntryModel.actor_kind == actor_kind)
        if page_token:
            at, last_id = self._cursor.decode(page_token, scope)
            if not isinstance(at, int) or not last_id.isdigit():
                from meet_embed.errors import UnprocessableError

                raise UnprocessableError.field("nextPageToken", "nextPageToken is not valid")
            query = query.where(tuple_(AuditEntryModel.at, AuditEntryModel.id) < (at, int(last_id)))
        query = query.order_by(AuditEntryModel.at.desc(), AuditEntryModel.id.desc()).limit(max_items + 1)
        async with self._sessionmaker() as session:
            rows = list((await session.scalars(query)).all())
        token = None
        if len(rows) > max_items:
            rows = rows[:max_items]
            token = self._cursor.encode(scope, rows[-1].at, str(rows[-1].id))
        return AuditList(
            entries=[to_entry(r) for r in rows],
            pagination=Pagination(is_truncated=token is not None, max_items=max_items, next_page_token=token),
        )


class RequestAudit:
    """The audit trail as seen from one request: knows who asks and from where."""

    def __init__(self, log: AuditLog, actor: Actor, client: str | None) -> None:
        self.log = log
        self.actor = actor
        self.client = client

    async def __call__(
        self,
        action: AuditAction,
        *,
        room_id: str | None = None,
        recording_id: str | None = None,
        details: dict[str, Any] | None = None,
    ) -> None:
        if room_id is None and recording_id is not None:
            room_id = recording_id.split("--", 1)[0]
        await self.log.record(
            action,
            self.actor,
            room_id=room_id,
            recording_id=recording_id,
            details=details,
            client=self.client,
        )
