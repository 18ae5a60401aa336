"""What a media file is: container, content type, duration, picture size."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import av

__all__ = ("MediaInfo", "NotMedia", "probe")

_CONTENT_TYPES = {
    "mp4": ("video/mp4", "mp4"),
    "mov": ("video/mp4", "mp4"),
    "webm": ("video/webm", "webm"),
    "matroska": ("video/x-matroska", "mkv"),
    "ogg": ("audio/ogg", "ogg"),
    "mp3": ("audio/mpeg", "mp3"),
    "wav": ("audio/wav", "wav"),
}


class NotMedia(ValueError):
    """The file is not audio or video that PyAV can read."""


@dataclass(frozen=True, slots=True)
class MediaInfo:
    content_type: str
    extension: str
    duration: float
    """Seconds."""
    width: int | None
    height: int | None
    has_video: bool
    has_audio: bool


def probe(path: Path) -> MediaInfo:
    try:
        with av.open(str(path)) as container:
            names = container.format.name.split(",")
            is_webm = "webm" in names and any(
                s.codec_context.name in ("vp8", "vp9", "av1", "opus", "vorbis") for s in container.streams
            )
            key = "webm" if is_webm else next((n for n in names if n in _CONTENT_TYPES), None)
            if key == "matroska" and any(
                s.codec_context.name in ("vp8", "vp9") for s in container.streams.video
            ):
                key = "webm"
            if key is None:
                raise NotMedia(f"unsupported container {container.format.name!r}")
            video = container.streams.video[0] if container.streams.video else None
            audio = container.streams.audio[0] if container.streams.audio else None
            if video is None and audio is None:
                raise NotMedia("the file has neither video nor audio")
            duration = _duration(container)
            content_type, extension = _CONTENT_TYPES[key]
            if video is None and key == "mp4":
                content_type = "audio/mp4"
            return MediaInfo(
                content_type=content_type,
                extension=extension,
                duration=duration,
                width=video.codec_context.width if video else None,
                height=video.codec_context.height if video else None,
                has_video=video is not None,
                has_audio=audio is not None,
            )
    except av.error.FFmpegError as exc:
        raise NotMedia(str(exc)) from exc


def _duration(container: av.container.InputContainer) -> float:
    if container.duration:
        return container.duration / av.time_base
    # MediaRecorder's WebM has no duration in its header: read the packet timestamps instead.
    last = 0.0
    for packet in container.demux():
        if packet.pts is not None and packet.time_base is not None:
            end = float((packet.pts + (packet.duration or 0)) * packet.time_base)
            last = max(last, end)
    return last
