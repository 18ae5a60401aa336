"""Authorization of recording operations, as Litestar guards.

Each guard resolves the principal, computes its permissions from its role and the room's *current*
``allowAccessTo`` (so a changed setting applies to tokens already issued), and leaves what it loaded in
the request scope for the handler. The order of refusals follows the reference: credentials (401), then
input (422), then the room of a member token (403, before anything is looked up), then existence (404).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Coroutine, Iterable
from dataclasses import dataclass
from typing import Any, Literal, TypeAlias

from litestar.connection import ASGIConnection
from litestar.handlers.base import BaseRouteHandler
from sqlalchemy import select

from meet_embed.auth.guards import refuse
from meet_embed.auth.principal import Permissions, Principal, member_permissions
from meet_embed.auth.resolver import call_hook, get_principal, has_credentials, runtime_of
from meet_embed.db.base import now_ms
from meet_embed.errors import (
    AuthenticationError,
    AuthorizationError,
    MeetError,
    NotFoundError,
    UnprocessableError,
)
from meet_embed.ids import is_recording_id, is_secret, room_of_recording
from meet_embed.recordings.models import RecordingModel, RecordingSecretModel
from meet_embed.rooms.models import RoomModel
from meet_embed.runtime import MeetRuntime
from meet_embed.signing import BadSignature

__all__ = (
    "Action",
    "ListScope",
    "MediaGrant",
    "RecordingAccess",
    "check_recording_id",
    "list_scope_guard",
    "permissions_for",
    "recording_guard",
    "require_capture_owner",
    "require_recorder",
    "room_member_guard",
)

Action: TypeAlias = Literal["retrieve", "delete", "share", "record"]
Guard: TypeAlias = Callable[[ASGIConnection[Any, Any, Any, Any], BaseRouteHandler], Coroutine[Any, Any, None]]

ACCESS_KEY = "meet_embed.recording_access"
SCOPE_KEY = "meet_embed.list_scope"
MEDIA_TOKEN_PARAM = "mediaToken"  # noqa: S105 - a query parameter name


class RecordingError(MeetError):
    error = "Recording Error"


@dataclass(frozen=True, slots=True)
class RecordingAccess:
    """What a recording guard established: the recording, the room's access setting and who asks."""

    recording: RecordingModel
    allow_access_to: str
    principal: Principal
    via: Literal["credentials", "public_secret", "private_secret", "media_link"]


@dataclass(frozen=True, slots=True)
class ListScope:
    """Which recordings a listing (or a multi-id operation) may touch."""

    principal: Principal
    room_id: str | None
    """``None``: every room (API key, administrator); otherwise the member token's room."""
    permissions: Permissions


def check_recording_id(value: str, field: str = "recordingId") -> str:
    value = value.strip()
    if not is_recording_id(value):
        # The field may be an index into a list (``recordingIds.2``); the message names the kind of value.
        raise UnprocessableError.field(field, "recordingId does not follow the expected format")
    return value


def permissions_for(principal: Principal, allow_access_to: str) -> Permissions:
    if principal.kind == "api_key":
        return Permissions.everything()
    if principal.kind == "admin":
        # Recording is for moderators in the meeting (and the host's API key), not for the console.
        return Permissions(retrieve=True, delete=True, share=True, record=False)
    if principal.kind in ("member", "media_link") and principal.role is not None:
        return member_permissions(principal.role, allow_access_to)
    if principal.kind == "media_link":  # made for an API key or an administrator
        return Permissions(retrieve=True)
    return Permissions()


async def _room_access(runtime: MeetRuntime, room_id: str, cached: bool = False) -> str | None:
    if cached:
        hit = runtime.access_cache.get(f"room:{room_id}")
        if hit is not None:
            return hit  # type: ignore[no-any-return]
    async with runtime.db.sessionmaker() as session:
        value: str | None = await session.scalar(
            select(RoomModel.allow_access_to).where(RoomModel.room_id == room_id)
        )
        return value


async def _recording_with_access(
    runtime: MeetRuntime, recording_id: str, cached: bool = False
) -> tuple[RecordingModel, str] | None:
    if cached:
        hit = runtime.access_cache.get(f"recording:{recording_id}")
        if hit is not None:
            return hit  # type: ignore[no-any-return]
    async with runtime.db.sessionmaker() as session:
        row = (
            await session.execute(
                select(RecordingModel, RoomModel.allow_access_to)
                .join(RoomModel, RoomModel.room_id == RecordingModel.room_id, isouter=True)
                .where(RecordingModel.recording_id == recording_id)
            )
        ).first()
    if row is None:
        return None
    # A recording whose room is gone altogether is reachable by API keys and administrators only.
    found = (row[0], row[1] or "admin")
    if cached:
        runtime.access_cache.put(f"recording:{recording_id}", found)
    return found


def _not_found(recording_id: str) -> NotFoundError:
    return NotFoundError(f"Recording '{recording_id}' not found", error="Recording Error")


# -- single recording ----------------------------------------------------------------------------------


def recording_guard(
    action: Action, *, secrets: bool = False, media_links: bool = False, cached: bool = False
) -> Guard:
    """Guard for ``/recordings/{recording_id}…``. ``secrets``: a share secret (``?secret=``) may stand in
    for credentials; ``media_links``: so may a signed media link (``?mediaToken=``); ``cached``: the
    lookups may come from the one-second access cache (media and posters)."""

    async def guard(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
        runtime = runtime_of(connection)
        raw_id = str(connection.path_params.get("recording_id", ""))
        query = connection.query_params
        if has_credentials(connection):
            await get_principal(connection)  # a wrong credential is a 401, even beside a good secret
        if secrets and "secret" in query:
            access = await _by_secret(connection, runtime, raw_id, query.get("secret") or "", cached)
        elif media_links and MEDIA_TOKEN_PARAM in query:
            access = await _by_media_link(runtime, raw_id, query.get(MEDIA_TOKEN_PARAM) or "", action, cached)
        else:
            access = await _by_credentials(connection, runtime, raw_id, action, cached)
        connection.scope[ACCESS_KEY] = access  # type: ignore[literal-required]

    return guard


async def _by_credentials(
    connection: ASGIConnection[Any, Any, Any, Any],
    runtime: MeetRuntime,
    raw_id: str,
    action: Action,
    cached: bool,
) -> RecordingAccess:
    principal = await get_principal(connection)
    if principal.kind == "anonymous":
        refuse(principal)
    recording_id = check_recording_id(raw_id)
    if principal.kind == "member":
        room_id = room_of_recording(recording_id)
        if room_id != principal.room_id:
            raise AuthorizationError()
        access_setting = await _room_access(runtime, room_id, cached)
        if access_setting is None or not getattr(member_permissions(principal.role, access_setting), action):
            raise AuthorizationError()
    found = await _recording_with_access(runtime, recording_id, cached)
    if found is None:
        raise _not_found(recording_id)
    recording, access_setting = found
    if not getattr(permissions_for(principal, access_setting), action):
        raise AuthorizationError()
    return RecordingAccess(recording, access_setting, principal, "credentials")


async def _by_secret(
    connection: ASGIConnection[Any, Any, Any, Any],
    runtime: MeetRuntime,
    raw_id: str,
    secret: str,
    cached: bool,
) -> RecordingAccess:
    recording_id = check_recording_id(raw_id)
    found = await _recording_with_access(runtime, recording_id, cached)
    if found is None:
        raise _not_found(recording_id)
    recording, access_setting = found
    row = None
    if is_secret(secret):
        async with runtime.db.sessionmaker() as session:
            row = await session.scalar(
                select(RecordingSecretModel).where(
                    RecordingSecretModel.recording_id == recording_id, RecordingSecretModel.secret == secret
                )
            )
    if row is None:
        raise RecordingError(f"Secret is not recognized for recording '{recording_id}'")
    if row.expires_at is not None and row.expires_at <= now_ms():
        raise RecordingError(f"This share link of recording '{recording_id}' has expired")
    if row.kind == "private":
        user = await call_hook(runtime.is_user_hook, connection)
        if not user:
            raise AuthenticationError("Unauthorized")
        principal = Principal(kind="anonymous", name=user if isinstance(user, str) else "user")
        return RecordingAccess(recording, access_setting, principal, "private_secret")
    return RecordingAccess(recording, access_setting, Principal(kind="anonymous"), "public_secret")


# -- signed media links ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MediaGrant:
    """A signed, short-lived link to one recording's media (or one ZIP), for elements that cannot send
    headers (``<video>``, ``<img>``, ``<a download>``). It carries the role it was made for, so the room's
    current access setting is checked again when it is used."""

    target: str
    expires: int
    kind: str
    name: str
    room_id: str | None
    role: str | None

    @classmethod
    def for_principal(cls, principal: Principal, target: str, ttl: int) -> MediaGrant:
        expires = int(time.time()) + ttl
        if principal.expires_at is not None:
            # A link never outlives the token it was made from.
            expires = min(expires, principal.expires_at)
        return cls(
            target=target,
            expires=expires,
            kind=principal.kind if principal.kind != "media_link" else "member",
            name=principal.name,
            room_id=principal.room_id,
            role=principal.role,
        )

    def dumps(self, runtime: MeetRuntime) -> str:
        return runtime.signer.dumps(
            "media-link", [self.target, self.expires, self.kind, self.name, self.room_id, self.role]
        )

    @classmethod
    def loads(cls, runtime: MeetRuntime, token: str) -> MediaGrant:
        try:
            target, expires, kind, name, room_id, role = runtime.signer.loads("media-link", token)
        except (BadSignature, ValueError, TypeError):
            raise AuthenticationError("Invalid media link") from None
        grant = cls(target=target, expires=expires, kind=kind, name=name, room_id=room_id, role=role)
        if not isinstance(expires, int) or expires < time.time():
            raise AuthenticationError("This media link has expired")
        return grant

    def principal(self) -> Principal:
        return Principal(
            kind="media_link",
            name=self.name,
            room_id=self.room_id,
            role=self.role if self.role in ("moderator", "speaker") else None,  # type: ignore[arg-type]
        )


def zip_target(recording_ids: Iterable[str]) -> str:
    digest = hashlib.sha256("\n".join(sorted(set(recording_ids))).encode()).hexdigest()[:32]
    return f"zip:{digest}"


async def _by_media_link(
    runtime: MeetRuntime, raw_id: str, token: str, action: Action, cached: bool
) -> RecordingAccess:
    grant = MediaGrant.loads(runtime, token)
    recording_id = check_recording_id(raw_id)
    if grant.target != recording_id or action != "retrieve":
        raise AuthorizationError()
    found = await _recording_with_access(runtime, recording_id, cached)
    if found is None:
        raise _not_found(recording_id)
    recording, access_setting = found
    principal = grant.principal()
    if grant.kind == "member" and not member_permissions(principal.role, access_setting).retrieve:
        raise AuthorizationError()
    return RecordingAccess(recording, access_setting, principal, "media_link")


# -- a room's members ------------------------------------------------------------------------------------


async def room_member_guard(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
    """Any member of the room (speaker or moderator, whatever the access setting), an administrator or
    an API key; a token of another room gets 403 before anything is looked up."""
    from meet_embed.rooms.service import check_room_id

    principal = await get_principal(connection)
    if principal.kind == "anonymous":
        refuse(principal)
    room_id = check_room_id(str(connection.path_params.get("room_id", "")))
    if principal.kind == "member" and principal.room_id != room_id:
        raise AuthorizationError()
    if not principal.is_privileged and principal.kind != "member":
        raise AuthorizationError()
    if await _room_access(runtime_of(connection), room_id) is None:
        raise NotFoundError(f"Room '{room_id}' does not exist", error="Room Error")


async def require_recorder(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
    """Starting a recording: a moderator's token or an API key (the room is checked once the body is read)."""
    principal = await get_principal(connection)
    if principal.kind == "anonymous":
        refuse(principal)
    if not (principal.kind == "api_key" or (principal.kind == "member" and principal.role == "moderator")):
        raise AuthorizationError()


async def require_capture_owner(
    connection: ASGIConnection[Any, Any, Any, Any], handler: BaseRouteHandler
) -> None:
    """Uploading a recording's media: only the moderator who started it (or the API key)."""
    access: RecordingAccess = connection.scope[ACCESS_KEY]  # type: ignore[literal-required]
    principal = access.principal
    if principal.kind == "api_key":
        return
    if principal.kind != "member" or principal.name != access.recording.owner_identity:
        raise AuthorizationError("Only the moderator who started this recording may upload its media")


# -- listings and multi-id operations ------------------------------------------------------------------


def list_scope_guard(action: Action, *, media_links: bool = False) -> Guard:
    """Guard for listings and ``recordingIds=`` operations: privileged principals see every room, a member
    token only its own room and only with the right for ``action``."""

    async def guard(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
        runtime = runtime_of(connection)
        token = connection.query_params.get(MEDIA_TOKEN_PARAM) if media_links else None
        if has_credentials(connection):
            await get_principal(connection)
        if token is not None:
            grant = MediaGrant.loads(runtime, token)
            ids = [
                i.strip() for i in (connection.query_params.get("recordingIds") or "").split(",") if i.strip()
            ]
            if grant.target != zip_target(ids):
                raise AuthorizationError()
            principal = grant.principal()
        else:
            principal = await get_principal(connection)
        if principal.kind == "anonymous":
            refuse(principal)
        if principal.is_privileged or (principal.kind == "media_link" and principal.role is None):
            scope = ListScope(
                principal,
                None,
                Permissions.everything() if principal.is_privileged else Permissions(retrieve=True),
            )
        else:
            assert principal.room_id is not None
            setting = await _room_access(runtime, principal.room_id)
            permissions = member_permissions(principal.role, setting) if setting else Permissions()
            if not getattr(permissions, action):
                raise AuthorizationError()
            scope = ListScope(principal, principal.room_id, permissions)
        connection.scope[SCOPE_KEY] = scope  # type: ignore[literal-required]

    return guard
