"""``/rooms``: create, list, get, configure and delete rooms (API key or administrator)."""

from __future__ import annotations

from typing import Annotated

import msgspec
from litestar import Controller, Response, delete, get, post, put
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody, QueryParameter

from meet_embed.audit.service import RequestAudit
from meet_embed.auth.guards import require_privileged
from meet_embed.errors import check_text
from meet_embed.openapi import errors
from meet_embed.pagination import parse_max_items
from meet_embed.rooms.schemas import Room, RoomConfigUpdate, RoomCreate, RoomDeleted, RoomList
from meet_embed.rooms.service import RoomsService, parse_delete_policy
from meet_embed.validation import strict_json

__all__ = ("RoomsController",)


class RoomsController(Controller):
    path = "/rooms"
    tags = ["Rooms"]
    guards = [require_privileged]
    security = [{"apiKey": []}]

    @post(
        "/",
        guards=[strict_json(RoomCreate)],
        status_code=201,
        summary="Create a room",
        description="Recording settings left out take their defaults: recording enabled, "
        "`allowAccessTo` = `admin_moderator_speaker`, layout `grid`, encoding `H264_720P_30`.",
        responses=errors(401, 403, 422),
    )
    async def create_room(
        self,
        data: JSONBody[RoomCreate],
        rooms: NamedDependency[RoomsService],
        base_url: NamedDependency[str],
        audit: NamedDependency[RequestAudit],
    ) -> Response[Room]:
        room = await rooms.create(data)
        await audit("room_created", room_id=room.room_id, details={"roomName": room.room_name})
        location = rooms.runtime.api_url(base_url, f"/rooms/{room.room_id}")
        return Response(rooms.to_wire(room, base_url), status_code=201, headers={"Location": location})

    @get(
        "/",
        summary="List rooms",
        description="Newest first, paginated with an opaque `nextPageToken`.",
        responses=errors(401, 403, 422),
    )
    async def list_rooms(
        self,
        rooms: NamedDependency[RoomsService],
        base_url: NamedDependency[str],
        max_items: Annotated[str | None, QueryParameter(name="maxItems", description="1 to 100")] = None,
        next_page_token: Annotated[str | None, QueryParameter(name="nextPageToken", max_length=2048)] = None,
        room_name: Annotated[
            str | None,
            QueryParameter(name="roomName", max_length=200, description="Case-insensitive substring"),
        ] = None,
    ) -> RoomList:
        limit = parse_max_items(max_items)
        check_text("roomName", room_name)
        rows, token = await rooms.list_rooms(limit, next_page_token, room_name)
        return rooms.list_to_wire(rows, token, limit, base_url)

    @get("/{room_id:str}", summary="Get a room", responses=errors(401, 403, 404, 422))
    async def get_room(
        self, room_id: FromPath[str], rooms: NamedDependency[RoomsService], base_url: NamedDependency[str]
    ) -> Room:
        return rooms.to_wire(await rooms.get(room_id), base_url)

    @put(
        "/{room_id:str}/config",
        guards=[strict_json(RoomConfigUpdate)],
        summary="Update a room's recording settings",
        description="A partial update: fields left out keep their current value. Takes effect on the next "
        "request, also for member tokens already issued.",
        responses=errors(401, 403, 404, 422),
    )
    async def update_room_config(
        self,
        room_id: FromPath[str],
        data: JSONBody[RoomConfigUpdate],
        rooms: NamedDependency[RoomsService],
        base_url: NamedDependency[str],
        audit: NamedDependency[RequestAudit],
    ) -> Room:
        room = await rooms.update_config(room_id, data.config)
        details = {"roomName": room.room_name, **msgspec.to_builtins(data.config)}
        await audit("room_config_changed", room_id=room.room_id, details=details)
        return rooms.to_wire(room, base_url)

    @delete(
        "/{room_id:str}",
        status_code=200,
        summary="Delete a room",
        description="`withRecordings` says what happens when the room has recordings: `fail` (default, 409), "
        "`close` (alias `keep`: the room is closed and kept with its recordings) or `force` "
        "(alias `delete`: the recordings are deleted too).",
        responses=errors(401, 403, 404, 409, 422),
    )
    async def delete_room(
        self,
        room_id: FromPath[str],
        rooms: NamedDependency[RoomsService],
        base_url: NamedDependency[str],
        audit: NamedDependency[RequestAudit],
        with_recordings: Annotated[
            str | None,
            QueryParameter(name="withRecordings", description="fail | close (keep) | force (delete)"),
        ] = None,
    ) -> RoomDeleted:
        policy = parse_delete_policy(with_recordings)
        name = (await rooms.get(room_id)).room_name  # for the audit trail, which outlives the room
        closed = await rooms.delete(room_id, policy)
        await audit(
            "room_deleted", room_id=room_id.strip(), details={"roomName": name, "withRecordings": policy}
        )
        if closed is not None:
            return RoomDeleted(
                message=f"Room '{closed.room_id}' closed; its recordings were kept",
                room=rooms.to_wire(closed, base_url),
            )
        return RoomDeleted(message=f"Room '{room_id}' deleted successfully")
