"""Remuxing a browser's recording (WebM from MediaRecorder) to MP4 with faststart, without re-encoding.

MediaRecorder's WebM has no duration and no cues, so players cannot seek it well; a stream copy into MP4
(H.264 or VP9 video, Opus audio) with the index at the front fixes both. VP8 cannot go into MP4: such a
recording is remuxed to WebM instead, which at least writes duration and cues.
"""

from __future__ import annotations

import logging
from pathlib import Path

import av

from meet_embed.media.probe import MediaInfo, NotMedia, probe

__all__ = ("remux_for_playback",)

logger = logging.getLogger("meet_embed.media")


def _stream_copy(src: Path, dst: Path, container_format: str, options: dict[str, str]) -> None:
    with av.open(str(src)) as inp, av.open(str(dst), "w", format=container_format, options=options) as out:
        mapping = {}
        for stream in inp.streams:
            if stream.type in ("video", "audio"):
                mapping[stream.index] = out.add_stream_from_template(stream)
        if not mapping:
            raise NotMedia("no audio or video stream")
        last_dts: dict[int, int] = {}
        for packet in inp.demux(*[inp.streams[i] for i in mapping]):
            if packet.dts is None or packet.size == 0:
                continue
            # Chunked recordings can repeat a timestamp at a chunk boundary; muxers refuse going backwards.
            previous = last_dts.get(packet.stream.index)
            if previous is not None and packet.dts <= previous:
                continue
            last_dts[packet.stream.index] = packet.dts
            packet.stream = mapping[packet.stream.index]
            out.mux(packet)


def remux_for_playback(src: Path, workdir: Path) -> tuple[Path, MediaInfo]:
    """The best playable file made from ``src`` (MP4, else WebM, else ``src`` itself) and its probe."""
    attempts: tuple[tuple[str, str, dict[str, str]], ...] = (
        ("mp4", "mp4", {"movflags": "+faststart"}),
        ("webm", "webm", {}),
    )
    for extension, container_format, options in attempts:
        dst = workdir / f"remuxed.{extension}"
        try:
            _stream_copy(src, dst, container_format, options)
            info = probe(dst)
            if info.duration > 0:
                return dst, info
        except (av.error.FFmpegError, ValueError, NotMedia) as exc:
            logger.info("remux of %s to %s not possible: %s", src.name, extension, exc)
        dst.unlink(missing_ok=True)
    return src, probe(src)
