"""Member tokens for room link secrets (`POST /rooms/{roomId}/token`) and `GET /me`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from litestar import Controller, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody, QueryParameter
from msgspec import Meta, Struct

from meet_embed.audit.service import RequestAudit
from meet_embed.auth.access import permissions_for
from meet_embed.auth.guards import require_authenticated
from meet_embed.auth.principal import MemberRole, Permissions, Principal
from meet_embed.errors import AuthorizationError, MeetError, UnprocessableError
from meet_embed.openapi import errors
from meet_embed.rooms.service import RoomsService
from meet_embed.validation import strict_json

__all__ = ("MeController", "TokenController", "TokenRefreshController", "TokenRequest", "TokenResponse")


NO_CONTROL = r"^[^\x00-\x1f\x7f]*$"


class TokenRequest(Struct, rename="camel"):
    secret: Annotated[str, Meta(max_length=256)]
    participant_name: Annotated[str, Meta(max_length=200, pattern=NO_CONTROL)] | None = None
    participant_identity: Annotated[str, Meta(min_length=1, max_length=200, pattern=NO_CONTROL)] | None = None
    grant_join_meeting_permission: bool = False
    """Accepted for OpenVidu Meet clients, which ask to join the meeting with the same token; meet-embed
    runs no meeting, so it only checks the request is well-formed."""


class TokenResponse(Struct, rename="camel"):
    token: str
    role: MemberRole
    room_id: str
    expires_at: int
    """Milliseconds since the epoch."""


@dataclass(frozen=True, slots=True)
class _Issued:
    response: TokenResponse
    room_id: str
    who: dict[str, str | None]


def _issue(
    rooms: RoomsService, room_id: str, role: MemberRole, identity: str | None, name: str | None
) -> _Issued:
    tokens = rooms.runtime.tokens
    if not tokens.can_mint:
        raise MeetError("This deployment's member tokens come from its identity provider", status_code=400)
    token = tokens.mint(room_id, role, identity=identity, name=name)
    claims = tokens.verify_sync(token)
    return _Issued(
        response=TokenResponse(
            token=token, role=role, room_id=claims.room_id, expires_at=claims.expires_at * 1000
        ),
        room_id=claims.room_id,
        who={"identity": claims.identity, "name": claims.name},
    )


class TokenController(Controller):
    path = "/rooms"
    tags = ["Auth"]

    @post(
        "/{room_id:str}/token",
        guards=[strict_json(TokenRequest)],
        status_code=200,
        summary="Exchange a room link secret for a member token",
        description="The moderator link's secret gives a `moderator` token, the speaker link's a `speaker` "
        "token. Send the token as `X-Room-Member-Token` (or `Authorization: Bearer`).",
        responses=errors(400, 404, 422, 429),
        security=[],
    )
    async def issue_member_token(
        self,
        room_id: FromPath[str],
        data: JSONBody[TokenRequest],
        rooms: NamedDependency[RoomsService],
        audit: NamedDependency[RequestAudit],
    ) -> TokenResponse:
        if not data.secret.strip():
            raise UnprocessableError.field("secret", "Secret is required")
        if data.grant_join_meeting_permission and not (data.participant_name or "").strip():
            raise UnprocessableError.field(
                "participantName", "participantName is required when grantJoinMeetingPermission is true"
            )
        # The room first (404), then the secret (400), as the reference answers.
        role = await rooms.role_for_secret(room_id, data.secret)
        issued = _issue(rooms, room_id.strip(), role, data.participant_identity, data.participant_name)
        await audit("token_issued", room_id=issued.room_id, details={"role": role, **issued.who})
        return issued.response


class TokenRefreshController(Controller):
    path = "/rooms"
    tags = ["Auth"]

    @post(
        "/{room_id:str}/token/refresh",
        guards=[require_authenticated],
        status_code=200,
        summary="Renew a member token",
        description="A member token that still works, in exchange for a new one with the same room, role, "
        "identity and name and a fresh lifetime: a long meeting keeps its session (and a moderator keeps "
        "uploading the recording they started) without going back to the room link.",
        responses=errors(401, 403, 404, 422, 429),
        security=[{"memberToken": []}, {"bearer": []}],
    )
    async def refresh_member_token(
        self,
        room_id: FromPath[str],
        principal: NamedDependency[Principal],
        rooms: NamedDependency[RoomsService],
        audit: NamedDependency[RequestAudit],
    ) -> TokenResponse:
        if principal.kind != "member" or principal.room_id != room_id.strip() or principal.role is None:
            raise AuthorizationError()
        await rooms.get(principal.room_id)
        issued = _issue(rooms, principal.room_id, principal.role, principal.name, principal.display_name)
        details = {"role": principal.role, "refresh": True, **issued.who}
        await audit("token_issued", room_id=issued.room_id, details=details)
        return issued.response


class PrincipalInfo(Struct, rename="camel", omit_defaults=True):
    kind: str
    name: str | None = None
    display_name: str | None = None
    room_id: str | None = None
    role: MemberRole | None = None


class RoomInfo(Struct, rename="camel"):
    room_id: str
    room_name: str
    recording_enabled: bool
    allow_access_to: str
    status: str


class PermissionsInfo(Struct):
    retrieve: bool
    delete: bool
    share: bool
    record: bool


class DeploymentInfo(Struct, rename="camel"):
    """Settings of the deployment that administrators' interfaces show (API keys and administrators only)."""

    retention_days: int | None


class MeInfo(Struct, omit_defaults=True):
    principal: PrincipalInfo
    permissions: PermissionsInfo
    room: RoomInfo | None = None
    deployment: DeploymentInfo | None = None


class MeController(Controller):
    path = "/me"
    tags = ["Auth"]

    @get(
        "/",
        guards=[require_authenticated],
        summary="Who is asking, and what they may do in a room",
        description="For user interfaces deciding which actions to show (the server still checks each "
        "request). A member token describes its own room; `roomId` picks a room for administrators and API "
        "keys.",
        responses=errors(401, 403, 404, 422),
        security=[{"memberToken": []}, {"bearer": []}, {"apiKey": []}],
    )
    async def me(
        self,
        principal: NamedDependency[Principal],
        rooms: NamedDependency[RoomsService],
        room_id: Annotated[str | None, QueryParameter(name="roomId", max_length=200)] = None,
    ) -> MeInfo:
        if principal.kind == "member":
            if room_id is not None and room_id.strip() != principal.room_id:
                raise AuthorizationError()
            room_id = principal.room_id
        room = await rooms.get(room_id) if room_id else None
        permissions = permissions_for(principal, room.allow_access_to if room else "admin")
        if room is not None and not room.recording_enabled:
            permissions = Permissions(
                retrieve=permissions.retrieve,
                delete=permissions.delete,
                share=permissions.share,
                record=False,
            )
        deployment = (
            DeploymentInfo(retention_days=rooms.runtime.config.retention_days)
            if principal.is_privileged
            else None
        )
        return MeInfo(
            deployment=deployment,
            principal=PrincipalInfo(
                kind=principal.kind,
                name=principal.name or None,
                display_name=principal.display_name,
                room_id=principal.room_id,
                role=principal.role,
            ),
            permissions=PermissionsInfo(
                **{f: getattr(permissions, f) for f in ("retrieve", "delete", "share", "record")}
            ),
            room=RoomInfo(
                room_id=room.room_id,
                room_name=room.room_name,
                recording_enabled=room.recording_enabled,
                allow_access_to=room.allow_access_to,
                status=room.status,
            )
            if room
            else None,
        )
