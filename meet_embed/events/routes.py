"""``GET /rooms/{roomId}/recording/events``: the room's recording state as Server-Sent Events.

The current state comes first (``event: state``), then every change (``recordingStarting``,
``recordingStarted``, ``recordingStopping``, ``recordingStopped``, ``recordingFailed``, and
``recordingDeleted`` with ``{roomId, recordingId}``), with a comment line every 15 s so proxies keep the
connection open. A client too slow to keep up loses the oldest changes it has not read (at most
``BACKLOG`` wait for it) and gets a fresh ``state`` in their place. Every member of the room may listen,
whatever the room's access setting: the indicator is for everyone in the meeting.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import msgspec
from litestar import Controller, Request, get
from litestar.di import NamedDependency
from litestar.params import FromPath
from litestar.response import ServerSentEvent, ServerSentEventMessage

from meet_embed.auth.access import room_member_guard
from meet_embed.auth.guards import require_privileged
from meet_embed.events.bus import ALL_ROOMS_CHANNEL, room_channel
from meet_embed.openapi import errors
from meet_embed.recordings.schemas import to_wire
from meet_embed.runtime import MeetRuntime

__all__ = ("AllRoomsEventsController", "RoomEventsController")

HEARTBEAT_SECONDS = 15.0
BACKLOG = 256
"""Changes kept for a client that reads slower than they come (the channels' own backlog is the same)."""

Snapshot = Callable[[], Awaitable[dict[str, Any]]]


class RoomEventsController(Controller):
    path = "/rooms"
    tags = ["Events"]

    @get(
        "/{room_id:str}/recording/events",
        guards=[room_member_guard],
        summary="Live recording state of a room (Server-Sent Events)",
        description="`event: state` with `{roomId, recording}` (the running recording or null) at connect, "
        "then one event per status change. Any member of the room, an administrator or the API key.",
        responses=errors(401, 403, 404, 422),
        security=[{"memberToken": []}, {"bearer": []}, {"apiKey": []}],
    )
    async def recording_events(
        self, request: Request[Any, Any, Any], room_id: FromPath[str], meet: NamedDependency[MeetRuntime]
    ) -> ServerSentEvent:
        room_id = room_id.strip()
        # Subscribe before reading the state, so no change can slip between the two.
        subscriber = await meet.channels.subscribe([room_channel(room_id)])

        async def snapshot() -> dict[str, Any]:
            current = await meet.control.running_in_room(room_id)
            return {
                "roomId": room_id,
                "recording": msgspec.to_builtins(to_wire(current)) if current else None,
            }

        state = await snapshot()
        return ServerSentEvent(
            _events(meet, subscriber, state, snapshot),
            headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
        )


class AllRoomsEventsController(Controller):
    path = "/recordings/events"
    tags = ["Events"]

    @get(
        "/",
        guards=[require_privileged],
        summary="Live recording state of every room (Server-Sent Events)",
        description="For administrators' views: `event: state` with `{recordings}` (every recording running "
        "now) at connect, then one event per status change in any room, as the room stream sends them.",
        responses=errors(401, 403),
        security=[{"apiKey": []}],
    )
    async def all_recording_events(self, meet: NamedDependency[MeetRuntime]) -> ServerSentEvent:
        subscriber = await meet.channels.subscribe([ALL_ROOMS_CHANNEL])

        async def snapshot() -> dict[str, Any]:
            running = await meet.control.running()
            return {"recordings": [msgspec.to_builtins(to_wire(r)) for r in running]}

        state = await snapshot()
        return ServerSentEvent(
            _events(meet, subscriber, state, snapshot),
            headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
        )


async def _events(
    meet: MeetRuntime, subscriber: Any, state: dict[str, Any], snapshot: Snapshot
) -> AsyncIterator[ServerSentEventMessage]:
    queue: asyncio.Queue[bytes] = asyncio.Queue(BACKLOG)
    dropped = False

    async def pump() -> None:
        nonlocal dropped
        async for item in subscriber.iter_events():
            if queue.full():
                # The client reads slower than changes come: forget the oldest rather than grow without
                # bound; the client gets a fresh state instead of what it missed.
                queue.get_nowait()
                dropped = True
            queue.put_nowait(item)

    task = asyncio.create_task(pump())
    try:
        yield ServerSentEventMessage(event="state", data=msgspec.json.encode(state).decode())
        while True:
            if dropped:
                # What is still queued is older than the state read now: replaying it would go backwards.
                dropped = False
                while not queue.empty():
                    queue.get_nowait()
                fresh = await snapshot()
                yield ServerSentEventMessage(event="state", data=msgspec.json.encode(fresh).decode())
                continue
            try:
                item = await asyncio.wait_for(queue.get(), HEARTBEAT_SECONDS)
            except TimeoutError:
                # data=None: Litestar's default (an empty data line) would make clients fire an empty event.
                yield ServerSentEventMessage(comment="keep-alive", data=None)
                continue
            message = msgspec.json.decode(item)
            yield ServerSentEventMessage(
                event=message.pop("event", "message"), data=msgspec.json.encode(message).decode()
            )
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await task
        with contextlib.suppress(Exception):
            await meet.channels.unsubscribe(subscriber)
