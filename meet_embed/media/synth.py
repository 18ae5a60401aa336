"""Synthetic but real recordings (moving picture + tone), encoded with PyAV, for the demo and tests."""

from __future__ import annotations

import math
from array import array
from fractions import Fraction
from pathlib import Path
from typing import Literal, cast

import av

__all__ = ("synthesize",)

_CODECS = {
    "mp4": ("libx264", "aac", "fltp", 44100),
    "webm": ("libvpx-vp9", "libopus", "s16", 48000),
    "webm-h264": ("libx264", "libopus", "s16", 48000),
}


def synthesize(
    path: Path,
    seconds: float = 5.0,
    *,
    kind: Literal["mp4", "webm", "webm-h264"] = "mp4",
    width: int = 640,
    height: int = 360,
    fps: int = 24,
    hue: int = 0,
    tone: float = 440.0,
    faststart: bool = True,
) -> Path:
    """Write a playable file of ``seconds`` with a moving picture and a tone; returns ``path``."""
    video_codec, audio_codec, sample_fmt, rate = _CODECS[kind]
    options = {"movflags": "+faststart"} if kind == "mp4" and faststart else {}
    container_format = {"mp4": "mp4", "webm": "webm", "webm-h264": "matroska"}[kind]
    with av.open(str(path), "w", format=container_format, options=options) as out:
        vs = cast("av.video.stream.VideoStream", out.add_stream(video_codec, rate=fps))
        vs.width, vs.height, vs.pix_fmt = width, height, "yuv420p"
        vs.options = (
            {"preset": "ultrafast", "tune": "zerolatency"}
            if video_codec == "libx264"
            else {
                "deadline": "realtime",
                "cpu-used": "8",
            }
        )
        vs.gop_size = fps  # a keyframe every second keeps seeking precise
        as_ = cast("av.audio.stream.AudioStream", out.add_stream(audio_codec, rate=rate))
        as_.layout = "mono"
        if audio_codec == "libopus":
            as_.bit_rate = 32000

        frames = max(1, round(seconds * fps))
        pattern = bytes((x * 3) % 220 + 16 for x in range(width)) * 2
        chroma_size = (width // 2) * (height // 2)
        for i in range(frames):
            frame = av.VideoFrame(width, height, "yuv420p")
            shift = (i * 6) % width
            row = pattern[shift : shift + width]
            band = (i * 4) % max(1, height - 24)
            luma = bytearray(row * height)
            luma[band * width : (band + 24) * width] = b"\xeb" * (24 * width)
            _fill(frame, 0, bytes(luma), width, height)
            u = (hue + i * 2) % 200 + 28
            v = (hue * 3 + 255 - i * 2) % 200 + 28
            _fill(frame, 1, bytes([u]) * chroma_size, width // 2, height // 2)
            _fill(frame, 2, bytes([v]) * chroma_size, width // 2, height // 2)
            frame.pts = i
            frame.time_base = Fraction(1, fps)
            for packet in vs.encode(frame):
                out.mux(packet)
        for packet in vs.encode():
            out.mux(packet)

        samples_total = int(seconds * rate)
        per_frame = as_.codec_context.frame_size or 1024
        pts = 0
        while pts < samples_total:
            n = min(per_frame, samples_total - pts)
            aframe = av.AudioFrame(format=sample_fmt, layout="mono", samples=per_frame)
            values = [
                0.2 * math.sin(2 * math.pi * tone * (pts + k) / rate) if k < n else 0.0
                for k in range(per_frame)
            ]
            data = (
                array("f", values) if sample_fmt == "fltp" else array("h", (int(v * 32767) for v in values))
            )
            aframe.planes[0].update(data.tobytes())
            aframe.sample_rate = rate
            aframe.pts = pts
            aframe.time_base = Fraction(1, rate)
            for packet in as_.encode(aframe):
                out.mux(packet)
            pts += per_frame
        for packet in as_.encode():
            out.mux(packet)
    return path


def _fill(frame: av.VideoFrame, index: int, data: bytes, width: int, height: int) -> None:
    plane = frame.planes[index]
    if plane.line_size == width:
        plane.update(data)
        return
    padded = bytearray(plane.buffer_size)
    for y in range(height):
        padded[y * plane.line_size : y * plane.line_size + width] = data[y * width : (y + 1) * width]
    plane.update(bytes(padded))
