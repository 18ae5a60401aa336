"""A poster image (JPEG) from a frame near the start of a recording."""

from __future__ import annotations

from pathlib import Path

import av

__all__ = ("make_poster",)


def make_poster(path: Path, at: float = 1.0, max_width: int = 640) -> bytes | None:
    """JPEG bytes of the first frame at or after ``at`` seconds (or the first frame); ``None`` for audio."""
    try:
        with av.open(str(path)) as container:
            if not container.streams.video:
                return None
            stream = container.streams.video[0]
            stream.thread_type = "AUTO"
            chosen = None
            for frame in container.decode(stream):
                chosen = frame
                if frame.time is not None and frame.time >= at:
                    break
            if chosen is None:
                return None
            width = min(max_width, chosen.width) // 2 * 2
            height = max(2, round(chosen.height * width / chosen.width) // 2 * 2)
            image = chosen.reformat(width=width, height=height, format="yuvj420p")
            encoder = av.CodecContext.create("mjpeg", "w")
            encoder.width, encoder.height, encoder.pix_fmt = width, height, "yuvj420p"
            encoder.time_base = stream.time_base or av.time_base  # type: ignore[assignment]
            encoder.options = {"qscale": "4"}
            packets = encoder.encode(image) + encoder.encode(None)
            return b"".join(bytes(p) for p in packets) or None
    except av.error.FFmpegError:
        return None
