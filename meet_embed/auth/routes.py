"""``POST /rooms/{roomId}/token``: a room link's secret in, a member token out."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, post
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody
from msgspec import Meta, Struct

from meet_embed.auth.principal import MemberRole
from meet_embed.errors import MeetError
from meet_embed.ids import is_secret
from meet_embed.openapi import errors
from meet_embed.rooms.service import RoomError, RoomsService

__all__ = ("TokenController", "TokenRequest", "TokenResponse")


class TokenRequest(Struct, rename="camel"):
    secret: Annotated[str, Meta(max_length=256)]
    participant_name: Annotated[str, Meta(max_length=200)] | None = None
    participant_identity: Annotated[str, Meta(min_length=1, max_length=200)] | None = None


class TokenResponse(Struct, rename="camel"):
    token: str
    role: MemberRole
    room_id: str
    expires_at: int
    """Milliseconds since the epoch."""


class TokenController(Controller):
    path = "/rooms"
    tags = ["Auth"]

    @post(
        "/{room_id:str}/token",
        status_code=200,
        summary="Exchange a room link secret for a member token",
        description="The moderator link's secret gives a `moderator` token, the speaker link's a `speaker` "
        "token. Send the token as `X-Room-Member-Token` (or `Authorization: Bearer`).",
        responses=errors(400, 404, 422, 429),
        security=[],
    )
    async def issue_member_token(
        self, room_id: FromPath[str], data: JSONBody[TokenRequest], rooms: NamedDependency[RoomsService]
    ) -> TokenResponse:
        if not is_secret(data.secret):
            raise RoomError(f"Secret is not recognized for room '{room_id}'")
        role = await rooms.role_for_secret(room_id, data.secret)
        tokens = rooms.runtime.tokens
        if not tokens.can_mint:
            raise MeetError(
                "This deployment's member tokens come from its identity provider", status_code=400
            )
        token = tokens.mint(
            room_id.strip(), role, identity=data.participant_identity, name=data.participant_name
        )
        claims = tokens.verify_sync(token)
        return TokenResponse(
            token=token, role=role, room_id=claims.room_id, expires_at=claims.expires_at * 1000
        )
