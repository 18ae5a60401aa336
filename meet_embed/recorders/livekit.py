"""Server-side capture with LiveKit Egress (extra ``livekit``).

A RoomComposite egress records the LiveKit room of the same name into the bucket meet-embed reads (the
egress service's own storage configuration must point there; ``livekit_filepath_prefix`` covers a
``storage_url`` below the bucket root). LiveKit's signed webhooks (``egress_started``, ``egress_updated``,
``egress_ended``) drive the recording's status; when the file is complete, meet-embed records it on the
row, computes its CRC and poster and marks the recording ``complete`` (the sweep retries if that fails).
"""

from __future__ import annotations

import logging
from typing import Any

from litestar import Controller, Request, post
from litestar.di import NamedDependency

from meet_embed.config import MeetEmbedConfig
from meet_embed.db.base import now_ms
from meet_embed.errors import AuthenticationError
from meet_embed.recorders.base import CaptureError
from meet_embed.recordings.models import RecordingModel
from meet_embed.rooms.models import RoomModel
from meet_embed.runtime import MeetRuntime
from meet_embed.storage import keys

__all__ = ("LiveKitCapture", "LiveKitWebhookController", "egress_status")

logger = logging.getLogger("meet_embed.livekit")

_STATUS = {
    0: "starting",
    1: "active",
    2: "ending",
    3: "complete",
    4: "failed",
    5: "aborted",
    6: "limit_reached",
}


def egress_status(value: int) -> str:
    """LiveKit's ``EgressStatus`` as a recording status (the reference's ``extractOpenViduStatus``)."""
    return _STATUS.get(int(value), "failed")


class LiveKitCapture:
    name = "livekit"
    activates_on_start = False
    checks_limit_on_data = False
    confirms_start = True

    def __init__(self, config: MeetEmbedConfig) -> None:
        self.config = config
        self._api: Any = None

    def _client(self) -> Any:
        if self._api is None:
            from livekit import api

            self._api = api.LiveKitAPI(
                url=self.config.livekit_url,
                api_key=self.config.livekit_api_key,
                api_secret=self.config.livekit_api_secret,
            )
        return self._api

    def filepath(self, recording: RecordingModel) -> str:
        filename = f"{recording.room_id}--{recording.recording_id.rsplit('--', 1)[-1]}.mp4"
        return self.config.livekit_filepath_prefix + keys.media_key(recording.room_id, filename)

    async def start(self, recording: RecordingModel, room: RoomModel) -> None:
        from livekit import api

        encoding = recording.encoding
        request = api.RoomCompositeEgressRequest(
            room_name=recording.room_id,
            layout=recording.layout or "grid",
            file_outputs=[
                api.EncodedFileOutput(
                    file_type=api.EncodedFileType.MP4,
                    filepath=self.filepath(recording),
                    disable_manifest=True,
                )
            ],
        )
        if isinstance(encoding, str):
            request.preset = getattr(
                api.EncodingOptionsPreset, encoding, api.EncodingOptionsPreset.H264_720P_30
            )
        elif isinstance(encoding, dict):
            video, audio = encoding.get("video", {}), encoding.get("audio", {})
            request.advanced.CopyFrom(
                api.EncodingOptions(
                    width=video.get("width", 1280),
                    height=video.get("height", 720),
                    framerate=video.get("framerate", 30),
                    video_bitrate=video.get("bitrate", 3000),
                    key_frame_interval=video.get("keyFrameInterval", 4),
                    depth=video.get("depth", 24),
                    audio_bitrate=audio.get("bitrate", 128),
                    audio_frequency=audio.get("frequency", 44100),
                )
            )
        try:
            info = await self._client().egress.start_room_composite_egress(request)
        except Exception as exc:
            raise CaptureError(f"LiveKit refused to start the egress: {exc}") from exc
        recording.egress_id = info.egress_id
        recording.filename = self.filepath(recording).rsplit("/", 1)[-1]

    async def stop(self, recording: RecordingModel) -> None:
        from livekit import api

        if not recording.egress_id:
            return
        try:
            await self._client().egress.stop_egress(api.StopEgressRequest(egress_id=recording.egress_id))
        except Exception as exc:
            raise CaptureError(f"LiveKit could not stop the egress: {exc}") from exc

    async def close(self) -> None:
        if self._api is not None:
            await self._api.aclose()
            self._api = None


class LiveKitWebhookController(Controller):
    path = "/livekit"
    include_in_schema = False

    @post("/webhook", status_code=200)
    async def livekit_webhook(
        self, request: Request[Any, Any, Any], meet: NamedDependency[MeetRuntime]
    ) -> dict[str, str]:
        from livekit import api

        body = (await request.body()).decode()
        token = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
        receiver = api.WebhookReceiver(
            api.TokenVerifier(meet.config.livekit_api_key, meet.config.livekit_api_secret)
        )
        try:
            event = receiver.receive(body, token)
        except Exception:
            raise AuthenticationError("Invalid LiveKit webhook signature") from None
        if event.event in ("egress_started", "egress_updated", "egress_ended") and event.HasField(
            "egress_info"
        ):
            await handle_egress(meet, event.egress_info)
        return {"status": "ok"}


async def handle_egress(runtime: MeetRuntime, info: Any) -> None:
    """Follow an egress' status into its recording (ignores egresses that are not ours)."""
    from sqlalchemy import select

    async with runtime.db.sessionmaker() as session:
        recording = await session.scalar(
            select(RecordingModel).where(RecordingModel.egress_id == info.egress_id)
        )
        if recording is None and info.room_name:
            # The webhook may overtake the start call's answer: the room's starting LiveKit recording is it.
            recording = await session.scalar(
                select(RecordingModel).where(
                    RecordingModel.room_id == info.room_name,
                    RecordingModel.backend == "livekit",
                    RecordingModel.status == "starting",
                )
            )
            if recording is not None:
                recording.egress_id = info.egress_id
                await session.commit()
    if recording is None:
        if len(info.file_results):
            await _drop_orphan_file(runtime, info.room_name, info.file_results[0].filename)
        return
    status = egress_status(info.status)
    control = runtime.control
    rid = recording.recording_id
    error = info.error or None
    if status == "active":
        await control.transition(rid, "active", last_activity_at=now_ms())
    elif status == "ending":
        await control.transition(rid, "ending", last_activity_at=now_ms())
    elif status in ("complete", "limit_reached"):
        result = info.file_results[0] if len(info.file_results) else None
        if result is None:
            await control.transition(rid, "failed", error="The egress ended without a file")
            return
        if recording.status in ("starting", "active"):
            # Its egress_updated may have been lost, or still be on its way: the file counts all the same.
            await control.transition(rid, "ending", last_activity_at=now_ms())
        media_key = result.filename.removeprefix(runtime.config.livekit_filepath_prefix)
        duration = result.duration / 1e9 if result.duration else 0.0
        await _record_file(runtime, rid, media_key, status, duration)
        # The claim inside makes a repeated egress_ended, or a sweep at the same time, do nothing.
        runtime.spawn(runtime.finalizer.complete_egress(rid), name=f"egress-file-{rid}")
    elif status in ("failed", "aborted"):
        await control.transition(rid, status, error=error, error_code=info.error_code or None)


async def _record_file(
    runtime: MeetRuntime, recording_id: str, media_key: str, result: str, duration: float
) -> None:
    """Keep what the egress reported on the row before working on it: any replica's sweep can then finish
    the recording if this one fails or dies, and the row owns the file (deleting the recording deletes
    it)."""
    from sqlalchemy import update

    async with runtime.db.sessionmaker() as session, session.begin():
        # Only the first report counts: a repeated egress_ended changes nothing.
        await session.execute(
            update(RecordingModel)
            .where(
                RecordingModel.recording_id == recording_id,
                RecordingModel.status == "ending",
                RecordingModel.egress_result.is_(None),
            )
            .values(
                media_key=media_key, egress_result=result, egress_duration=duration, last_activity_at=now_ms()
            )
        )
        # Stopped while starting, or failed, and the egress uploaded a file anyway: it is never played,
        # but it is the recording's, and goes when the recording is deleted.
        await session.execute(
            update(RecordingModel)
            .where(
                RecordingModel.recording_id == recording_id,
                RecordingModel.status.in_(("aborted", "failed")),
                RecordingModel.media_key.is_(None),
            )
            .values(media_key=media_key)
        )


async def _drop_orphan_file(runtime: MeetRuntime, room_id: str, filename: str) -> None:
    """An egress whose recording went with its room (a forced room deletion stops the egress, which still
    uploads what it had): the file is deleted rather than left in the bucket for nobody. Only a file at
    the path meet-embed gives its egresses, in a room that no longer exists and that no recording refers
    to, is ever touched."""
    from sqlalchemy import select

    from meet_embed.ids import is_room_id
    from meet_embed.rooms.models import RoomModel
    from meet_embed.storage.janitor import enqueue_deletions, purge_pending

    key = filename.removeprefix(runtime.config.livekit_filepath_prefix)
    ours = keys.media_key(room_id, f"{room_id}--")
    if (
        not is_room_id(room_id)
        or not key.startswith(ours)
        or "/" in key[len(ours) :]
        or not key.endswith(".mp4")
    ):
        return
    async with runtime.db.sessionmaker() as session, session.begin():
        if await session.get(RoomModel, room_id) is not None:
            return
        if await session.scalar(select(RecordingModel.recording_id).where(RecordingModel.media_key == key)):
            return
        pending = enqueue_deletions(session, [key])
    logger.info("deleting %s, uploaded by an egress whose room was deleted", key)
    await purge_pending(runtime.db.sessionmaker, runtime.store, [p.id for p in pending])
