"""Where a recording's status change goes: the room's live event stream, the host's webhooks, and
Litestar's event emitter for in-process listeners.

The stream travels through Litestar's channels (in memory by default, Redis when configured), so a change
made on one replica reaches viewers connected to another.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

import msgspec
from litestar.channels import ChannelsPlugin
from litestar.channels.backends.memory import MemoryChannelsBackend

from meet_embed.db.base import now_ms
from meet_embed.recordings.models import RecordingModel
from meet_embed.recordings.schemas import to_wire

__all__ = (
    "ALL_ROOMS_CHANNEL",
    "EVENT_NAMES",
    "RecordingEvents",
    "make_channels",
    "room_channel",
    "stream_topic",
)

logger = logging.getLogger("meet_embed.events")

EVENT_NAMES = {
    "started": "meet.recording_started",
    "updated": "meet.recording_updated",
    "ended": "meet.recording_ended",
}
"""Names on Litestar's event emitter: ``@listener("meet.recording_ended")`` receives ``recording=``."""

_TOPICS = {
    "starting": "recordingStarting",
    "active": "recordingStarted",
    "ending": "recordingStopping",
    "complete": "recordingStopped",
    "limit_reached": "recordingStopped",
    "failed": "recordingFailed",
    "aborted": "recordingFailed",
}


def stream_topic(status: str) -> str:
    """The live stream's event name for a status (the reference's in-meeting signal topics)."""
    return _TOPICS.get(status, "recordingUpdated")


ALL_ROOMS_CHANNEL = "meet-embed:all-rooms"
"""Every room's changes, for administrators' views."""


def room_channel(room_id: str) -> str:
    return f"meet-embed:room:{room_id}"


def make_channels(redis_url: str | None) -> ChannelsPlugin:
    if redis_url:
        from litestar.channels.backends.redis import RedisChannelsPubSubBackend
        from redis.asyncio import Redis

        backend: Any = RedisChannelsPubSubBackend(redis=Redis.from_url(redis_url), key_prefix="MEET_EMBED")
    else:
        backend = MemoryChannelsBackend()
    return ChannelsPlugin(
        backend=backend,
        arbitrary_channels_allowed=True,
        subscriber_max_backlog=256,
        subscriber_backlog_strategy="dropleft",
    )


Spawn = Callable[[Coroutine[Any, Any, Any], str], asyncio.Task[Any]]


class RecordingEvents:
    def __init__(self, channels: ChannelsPlugin, webhooks: Any | None, spawn: Spawn) -> None:
        self.channels = channels
        self.webhooks = webhooks
        self._spawn = spawn
        self._webhook_tails: dict[str, asyncio.Task[Any]] = {}
        """Per recording, the last webhook delivery queued: the next one waits for it."""
        self.emit: Callable[..., None] | None = None
        """Set to ``app.emit`` at start-up."""

    @staticmethod
    def _webhook_event(status: str) -> str:
        if status in ("complete", "failed", "aborted", "limit_reached"):
            return "recordingEnded"
        return "recordingStarted" if status == "starting" else "recordingUpdated"

    async def publish_deleted(self, room_id: str, recording_id: str) -> None:
        """Tell the room's viewers (and administrators' views) that a recording is gone."""
        message = {"event": "recordingDeleted", "roomId": room_id, "recordingId": recording_id}
        try:
            await self.channels.wait_published(
                msgspec.json.encode(message), [room_channel(room_id), ALL_ROOMS_CHANNEL]
            )
        except Exception:
            logger.exception("could not announce the deletion of %s", recording_id)

    async def publish(self, recording: RecordingModel, *, at: int | None = None) -> None:
        """Announce that ``recording`` reached its current status, which happened at ``at`` (ms; now by
        default)."""
        at = at if at is not None else now_ms()
        wire = to_wire(recording)
        data = msgspec.to_builtins(wire)
        message = {"event": stream_topic(recording.status), "roomId": recording.room_id, "recording": data}
        try:
            await self.channels.wait_published(
                msgspec.json.encode(message), [room_channel(recording.room_id), ALL_ROOMS_CHANNEL]
            )
        except Exception:
            logger.exception(
                "could not publish the status of %s to the room's stream", recording.recording_id
            )
        kind = self._webhook_event(recording.status)
        if self.webhooks is not None:
            self._queue_webhook(recording.recording_id, kind, data, at)
        if self.emit is not None:
            name = {"recordingStarted": "started", "recordingUpdated": "updated", "recordingEnded": "ended"}[
                kind
            ]
            try:
                self.emit(EVENT_NAMES[name], recording=wire)
            except Exception:
                logger.exception("an in-process listener of %s failed", EVENT_NAMES[name])

    def _queue_webhook(self, recording_id: str, kind: str, data: Any, at: int) -> None:
        """Deliver in the background, after this recording's previous webhook was delivered or given up
        on: a retried ``recordingUpdated`` must not reach the host after the ``recordingEnded`` that
        followed it. Other recordings' webhooks do not wait."""
        previous = self._webhook_tails.get(recording_id)
        task = self._spawn(self._deliver_after(previous, kind, data, at), f"webhook-{kind}-{recording_id}")
        self._webhook_tails[recording_id] = task

        def forget(done: asyncio.Task[Any]) -> None:
            if self._webhook_tails.get(recording_id) is done:
                del self._webhook_tails[recording_id]

        task.add_done_callback(forget)

    async def _deliver_after(self, previous: asyncio.Task[Any] | None, kind: str, data: Any, at: int) -> None:
        if previous is not None:
            # asyncio.wait, not await: cancelling this delivery (shutdown) must not cancel the one before.
            await asyncio.wait({previous})
        if self.webhooks is not None:
            await self.webhooks.deliver(kind, data, created=at)
