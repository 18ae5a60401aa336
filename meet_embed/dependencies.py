"""Litestar dependency providers, registered on meet-embed's own router (never on the host's app)."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Any

from litestar import Request
from litestar.datastructures import State
from litestar.di import NamedDependency, Provide
from sqlalchemy.ext.asyncio import AsyncSession

from meet_embed.audit.service import Actor, RequestAudit
from meet_embed.auth.access import ACCESS_KEY, SCOPE_KEY, ListScope, RecordingAccess
from meet_embed.auth.principal import Principal
from meet_embed.auth.resolver import get_principal
from meet_embed.recordings.service import RecordingsService
from meet_embed.rooms.service import RoomsService
from meet_embed.runtime import MeetRuntime
from meet_embed.web.urls import mount_base_url

__all__ = ("dependencies", "request_audit")


def provide_runtime(state: State) -> MeetRuntime:
    runtime: MeetRuntime = state["meet_embed"]
    return runtime


async def provide_session(meet: NamedDependency[MeetRuntime]) -> AsyncGenerator[AsyncSession, None]:
    async with meet.db.sessionmaker() as session:
        yield session


def provide_rooms(
    meet_session: NamedDependency[AsyncSession], meet: NamedDependency[MeetRuntime]
) -> RoomsService:
    return RoomsService(meet_session, meet)


def provide_recordings(
    meet_session: NamedDependency[AsyncSession], meet: NamedDependency[MeetRuntime]
) -> RecordingsService:
    return RecordingsService(meet_session, meet)


def provide_base_url(request: Request[Any, Any, Any]) -> str:
    """Scheme, host and the host app's mount point, for links in responses."""
    return mount_base_url(request)


async def provide_principal(request: Request[Any, Any, Any]) -> Principal:
    return await get_principal(request)


async def provide_audit(request: Request[Any, Any, Any], meet: NamedDependency[MeetRuntime]) -> RequestAudit:
    return await request_audit(request, meet)


async def request_audit(request: Request[Any, Any, Any], meet: MeetRuntime) -> RequestAudit:
    """The audit trail for this request's principal (also for handlers that only sometimes need it)."""
    access = request.scope.get(ACCESS_KEY)
    listing = request.scope.get(SCOPE_KEY)
    if isinstance(access, RecordingAccess):
        actor = Actor.of(access.principal, access.via)
    elif isinstance(listing, ListScope):  # a ZIP through a signed link: the principal it was made for
        actor = Actor.of(listing.principal)
    else:
        actor = Actor.of(await get_principal(request))
    return RequestAudit(meet.audit, actor, request.client.host if request.client else None)


dependencies = {
    "meet": Provide(provide_runtime, sync_to_thread=False),
    "meet_session": Provide(provide_session),
    "rooms": Provide(provide_rooms, sync_to_thread=False),
    "recordings": Provide(provide_recordings, sync_to_thread=False),
    "base_url": Provide(provide_base_url, sync_to_thread=False),
    "principal": Provide(provide_principal),
    "audit": Provide(provide_audit),
}
