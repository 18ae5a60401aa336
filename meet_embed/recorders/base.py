"""What a capture backend does; the lifecycle around it (statuses, events, limits) is shared."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from meet_embed.recordings.models import RecordingModel
    from meet_embed.rooms.models import RoomModel

__all__ = ("CaptureBackend", "CaptureError")


class CaptureError(RuntimeError):
    """The backend could not start or stop capturing; the message is safe to show."""


class CaptureBackend(Protocol):
    name: str
    """Stored in ``RecordingModel.backend``."""

    activates_on_start: bool
    """``True`` when ``start`` returns once capture runs (the recording becomes ``active`` right away);
    ``False`` when the first data marks it active (browser uploads)."""

    confirms_start: bool
    """``True`` when the backend reports capture running later (a webhook): the start request waits for it
    up to ``start_timeout`` and fails with 503 otherwise, as the reference does."""

    checks_limit_on_data: bool
    """``True`` when the captured data comes through meet-embed while it runs (browser chunks), where the
    room's maximum duration is checked; ``False`` makes a timer watch it (server-side capture)."""

    async def start(self, recording: RecordingModel, room: RoomModel) -> None:
        """Begin capturing; may set ``recording.egress_id``/``filename``/``media_key``."""

    async def stop(self, recording: RecordingModel) -> None:
        """Ask capture to end; the media arrives later (chunks, or the egress' ending webhook)."""

    async def close(self) -> None:
        """Release clients at shutdown."""
