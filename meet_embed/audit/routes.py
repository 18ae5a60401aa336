"""``GET /audit``: the audit trail, newest first (API key or administrator)."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, get
from litestar.di import NamedDependency
from litestar.params import QueryParameter

from meet_embed.audit.service import AuditAction, AuditList
from meet_embed.auth.guards import require_privileged
from meet_embed.openapi import errors
from meet_embed.pagination import parse_max_items
from meet_embed.runtime import MeetRuntime

__all__ = ("AuditController",)


class AuditController(Controller):
    path = "/audit"
    tags = ["Operations"]
    guards = [require_privileged]
    security = [{"apiKey": []}]

    @get(
        "/",
        summary="The audit trail",
        description="Who (API key name, member identity and role, administrator, share link) did what "
        "(start, stop, play, download, zip, share links, rotation, delete, config changes) to which "
        "recording or room, and when. A viewing session is one `play` entry, not one per range request.",
        responses=errors(401, 403, 422),
    )
    async def list_audit(
        self,
        meet: NamedDependency[MeetRuntime],
        max_items: Annotated[str | None, QueryParameter(name="maxItems", description="1 to 100")] = None,
        next_page_token: Annotated[str | None, QueryParameter(name="nextPageToken", max_length=2048)] = None,
        room_id: Annotated[str | None, QueryParameter(name="roomId", max_length=200)] = None,
        recording_id: Annotated[str | None, QueryParameter(name="recordingId", max_length=200)] = None,
        action: Annotated[AuditAction | None, QueryParameter(name="action")] = None,
        actor_kind: Annotated[str | None, QueryParameter(name="actorKind", max_length=20)] = None,
    ) -> AuditList:
        return await meet.audit.list_entries(
            max_items=parse_max_items(max_items),
            page_token=next_page_token,
            room_id=room_id,
            recording_id=recording_id,
            action=action,
            actor_kind=actor_kind,
        )
