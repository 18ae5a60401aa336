"""Writing and reading the audit trail.

Entries are written by the code that performed the action, after it succeeded, and never make that
action fail: an audit write that fails is logged and the user's request goes on.
"""

from __future__ import annotations

import hashlib
import logging
from typing import Any, Literal, TypeAlias

from litestar.connection import ASGIConnection
from msgspec import Struct
from sqlalchemy import delete, select, tuple_, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from meet_embed.audit.models import AuditEntryModel, AuditViewingModel
from meet_embed.auth.principal import Principal
from meet_embed.db.base import now_ms
from meet_embed.logs import current_request_id
from meet_embed.pagination import PageCursor, Pagination
from meet_embed.signing import Signer

__all__ = ("Actor", "AuditAction", "AuditEntry", "AuditList", "AuditLog", "viewer_of")

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
"""A viewer's requests within this time of the first one are one viewing session, one entry."""


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

    async def is_new_viewing(self, viewer: str, recording_id: str) -> bool:
        """``True`` once per viewer and recording per ``PLAY_SESSION_SECONDS``, across every replica of the
        database: the viewing is a row the first request takes, the way leases are taken."""
        key = hashlib.sha256(viewer.encode()).hexdigest()
        now = now_ms()
        until = now + PLAY_SESSION_SECONDS * 1000
        try:
            async with self._sessionmaker() as session, session.begin():
                renewed = await session.execute(
                    update(AuditViewingModel)
                    .where(
                        AuditViewingModel.viewer == key,
                        AuditViewingModel.recording_id == recording_id,
                        AuditViewingModel.until <= now,
                    )
                    .values(until=until)
                )
                if renewed.rowcount:  # type: ignore[attr-defined]
                    return True  # an earlier viewing was over
            try:
                async with self._sessionmaker() as session, session.begin():
                    session.add(AuditViewingModel(viewer=key, recording_id=recording_id, until=until))
            except IntegrityError:
                return False  # this viewing is under way (on this replica or another)
        except Exception:
            # As with any audit write: the viewer gets the media; an entry too many beats one missing.
            logging.getLogger("meet_embed.audit").exception("could not check the viewing of %s", recording_id)
        return True

    async def forget_finished_viewings(self, now: int | None = None) -> int:
        """Remove the rows of viewings that are over (nobody would find them again)."""
        now = now_ms() if now is None else now
        async with self._sessionmaker() as session, session.begin():
            result = await session.execute(delete(AuditViewingModel).where(AuditViewingModel.until <= now))
        return int(result.rowcount or 0)  # type: ignore[attr-defined]

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


def viewer_of(
    request: ASGIConnection[Any, Any, Any, Any],
    actor: Actor,
    *,
    client: str | None,
    secret: str | None = None,
    media_token: str | None = None,
) -> str:
    """What makes two media requests the same viewer's.

    A signed media link is its own viewer (a player keeps it for the whole viewing); a share secret is as
    many viewers as addresses using it. Administrators are told apart by the name the host's hook gave;
    when it answered only "yes" (``admin``), by the credentials of their session (the Authorization header,
    else the cookies), else they would all be one viewer. API keys and members are their name.
    """
    if media_token:
        return f"link:{media_token}"
    if secret:
        return f"secret:{secret}@{client}"
    if actor.kind == "admin" and (not actor.name or actor.name == "admin"):
        credentials = request.headers.get("authorization") or request.headers.get("cookie")
        if not credentials:
            credentials = f"{client}|{request.headers.get('user-agent', '')}"
        return f"admin-session:{credentials}"
    return f"{actor.kind}:{actor.name}"


class RequestAudit:
    """The audit trail as seen from one request: knows who asks and from where."""

    def __init__(self, log: AuditLog, actor: Actor, client: str | None) -> None:
        self.log = log
        self.actor = actor
        self.client = client

    def viewer(
        self,
        request: ASGIConnection[Any, Any, Any, Any],
        *,
        secret: str | None = None,
        media_token: str | None = None,
    ) -> str:
        """Who watches, for :meth:`AuditLog.is_new_viewing` (see :func:`viewer_of`)."""
        return viewer_of(request, self.actor, client=self.client, secret=secret, media_token=media_token)

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
