"""Serving a recording's media: ranges (RFC 9110), validators, downloads, presigned redirects.

Parsing of the ``Range`` and conditional headers is werkzeug's; what is satisfiable is decided here, the
RFC's way (a suffix longer than the file is the whole file, which werkzeug would refuse).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

from litestar import Request, Response
from litestar.response import Redirect, Stream
from litestar.response.base import ASGIResponse
from litestar.response.streaming import ASGIStreamingResponse
from litestar.types import Receive, Send
from werkzeug.http import http_date, parse_date, parse_etags, parse_if_range_header, parse_range_header

from meet_embed.errors import ConflictError, MeetError, NotFoundError, UnprocessableError
from meet_embed.ops.metrics import MEDIA_BYTES
from meet_embed.recordings.models import RecordingModel
from meet_embed.runtime import MeetRuntime
from meet_embed.storage.store import DEFAULT_READ_CHUNK, ObjectNotFound

__all__ = (
    "ByteRange",
    "check_range_syntax",
    "content_disposition",
    "download_name",
    "download_name_for",
    "media_response",
    "resolve_range",
)

_ZERO_SUFFIX = re.compile(r"bytes\s*=\s*-0+\s*", re.IGNORECASE)


SINGLE_READ_LIMIT = 2 * 1024 * 1024
"""Ranges up to this size are read at once and sent as one body; larger ones are streamed."""

PLAYABLE = ("complete", "limit_reached")
"""A recording that hit its room's maximum duration was finalized like any other: it plays (the reference
refuses, see docs/decisions.md)."""


class RangeNotSatisfiable(MeetError):
    status_code = 416
    error = "Recording Error"


@dataclass(frozen=True, slots=True)
class ByteRange:
    start: int
    end: int
    """Exclusive."""

    @property
    def length(self) -> int:
        return self.end - self.start


_NOTHING: tuple[int, int | None] = (0, 0)
"""What ``bytes=-0`` asks for: no byte at all (always unsatisfiable)."""


def check_range_syntax(header: str) -> tuple[int, int | None]:
    """The ``(start, stop)`` a ``Range`` header asks for (werkzeug's form: a suffix has a negative start);
    422 when it is not one well-formed byte range."""
    if _ZERO_SUFFIX.fullmatch(header):
        return _NOTHING
    parsed = parse_range_header(header)
    if parsed is None or parsed.units != "bytes" or len(parsed.ranges) != 1:
        raise UnprocessableError.field(
            "headers.range", "Invalid range header format. Expected: bytes=start-end"
        )
    return parsed.ranges[0]


def resolve_range(asked: tuple[int, int | None], size: int, recording_id: str) -> ByteRange:
    """The byte range ``asked`` (from :func:`check_range_syntax`) clamped to ``size``; 416 when nothing of
    the file falls inside it."""
    unsatisfiable = RangeNotSatisfiable(
        f"Recording '{recording_id}' range not satisfiable. File size: {size}",
        headers={"Content-Range": f"bytes */{size}"},
    )
    start, stop = asked
    if stop is None:
        stop = size
        if start < 0:  # suffix: the last -start bytes, the whole file when it is shorter
            start = max(size + start, 0)
    stop = min(stop, size)
    if start >= size or start >= stop:
        raise unsatisfiable
    return ByteRange(start, stop)


def _missing(recording: RecordingModel) -> NotFoundError:
    return NotFoundError(
        f"The media of recording '{recording.recording_id}' is missing from storage", error="Recording Error"
    )


def etag_of(recording: RecordingModel) -> str:
    if recording.crc32 is not None:
        return f'"{recording.crc32:08x}-{recording.size:x}"'
    return f'"{recording.recording_id.rsplit("--", 1)[-1]}-{recording.size:x}-{recording.updated_at:x}"'


def last_modified_of(recording: RecordingModel) -> datetime:
    millis = recording.end_date or recording.updated_at
    return datetime.fromtimestamp(millis // 1000, tz=UTC)


def download_name(recording: RecordingModel, extension: str | None = None) -> str:
    """A readable file name without anything a file system or a header could trip on."""
    ext = extension or (recording.filename or "").rsplit(".", 1)[-1] or "mp4"
    return download_name_for(recording.room_name, recording.start_date, ext)


def download_name_for(room_name: str, start_date: int, ext: str) -> str:
    started = datetime.fromtimestamp(start_date / 1000, tz=UTC).strftime("%Y-%m-%d %H-%M")
    name = f"{room_name} {started}"
    name = "".join(c for c in unicodedata.normalize("NFC", name) if c.isprintable() and c not in '\\/:*?"<>|')
    name = re.sub(r"\s+", " ", name).strip(" .")[:120] or "recording"
    return f"{name}.{ext}"


def content_disposition(filename: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", filename).encode("ascii", "ignore").decode() or "recording"
    ascii_name = ascii_name.replace('"', "").replace("\\", "")
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename, safe='')}"


def _not_modified(request: Request[Any, Any, Any], etag: str, modified: datetime) -> bool:
    if_none_match = request.headers.get("if-none-match")
    if if_none_match is not None:
        return parse_etags(if_none_match).contains_weak(etag.strip('"'))
    since = parse_date(request.headers.get("if-modified-since"))
    return since is not None and modified <= since


def _range_applies(request: Request[Any, Any, Any], etag: str, modified: datetime) -> bool:
    """``If-Range``: serve the range only if the client's copy is still the current one."""
    header = request.headers.get("if-range")
    if header is None:
        return True
    condition = parse_if_range_header(header)
    if condition.etag is not None:
        return not header.lstrip().startswith("W/") and condition.etag == etag.strip('"')
    return condition.date is not None and condition.date == modified


async def media_response(
    request: Request[Any, Any, Any], runtime: MeetRuntime, recording: RecordingModel, *, download: bool
) -> Response[Any]:
    range_header = request.headers.get("range")
    # A malformed header is the client's error whatever the recording's state: checked first.
    asked = check_range_syntax(range_header) if range_header is not None else None
    if recording.status not in PLAYABLE or not recording.media_key:
        rid = recording.recording_id
        running = recording.status in ("starting", "active", "ending")
        message = f"Recording '{rid}' is not stopped yet" if running else f"Recording '{rid}' has no media"
        raise ConflictError(f"{message} (status: {recording.status})", error="Recording Error")
    # Downloads too: media we stored carries its Content-Disposition in the bucket; an egress' file does not.
    if (
        runtime.config.media_redirect
        and runtime.store.can_sign
        and (not download or recording.backend != "livekit")
    ):
        url = await runtime.store.sign(
            recording.media_key, timedelta(seconds=runtime.config.presigned_url_ttl)
        )
        if url is not None:
            return Redirect(url, status_code=307, headers={"Cache-Control": "no-store"})

    size = recording.size
    etag = etag_of(recording)
    modified = last_modified_of(recording)
    headers = {
        "Accept-Ranges": "bytes",
        "ETag": etag,
        "Last-Modified": http_date(modified),
        # Media sits behind credentials: a shared cache must never keep it.
        "Cache-Control": "private, max-age=3600",
        "X-Content-Type-Options": "nosniff",
    }
    if download:
        headers["Content-Disposition"] = content_disposition(download_name(recording))
    if _not_modified(request, etag, modified):
        return Response(content=b"", status_code=304, headers=headers)

    status = 200
    byte_range = ByteRange(0, size)
    if asked is not None and _range_applies(request, etag, modified):
        byte_range = resolve_range(asked, size, recording.recording_id)
        status = 206
        headers["Content-Range"] = f"bytes {byte_range.start}-{byte_range.end - 1}/{size}"
    headers["Content-Length"] = str(byte_range.length)
    media_type = recording.content_type or "application/octet-stream"

    if request.method == "HEAD":
        if not await runtime.store.exists(recording.media_key):
            raise _missing(recording)
        # A stream, so Litestar keeps our Content-Length instead of counting an empty body.
        return Stream(_nothing(), status_code=status, headers=headers, media_type=media_type)
    local = runtime.store.local_path(recording.media_key)
    extensions = request.scope.get("extensions") or {}
    if runtime.config.media_pathsend and status == 200 and local is not None and PATHSEND in extensions:
        # The server sends the file itself (Granian): no bytes pass through Python at all.
        if not local.is_file():
            raise _missing(recording)
        MEDIA_BYTES.labels("download" if download else "play").inc(size)
        return PathSend(local, status_code=status, headers=headers, media_type=media_type)
    kind = "download" if download else "play"
    try:
        if byte_range.length <= SINGLE_READ_LIMIT:
            # A player's ranged request: one read and a plain response. A stream would cost a task group,
            # a disconnect listener and its cancellation for a single chunk: most of the time spent on it.
            data = await runtime.store.read_range(recording.media_key, byte_range.start, byte_range.end)
        else:
            body = await runtime.store.stream(
                recording.media_key, byte_range.start, byte_range.end, DEFAULT_READ_CHUNK
            )
    except (ObjectNotFound, FileNotFoundError):
        raise _missing(recording) from None
    except Exception as exc:
        raise MeetError(
            "The media store is unavailable", error="Service Unavailable", status_code=503
        ) from exc
    if byte_range.length <= SINGLE_READ_LIMIT:
        if len(data) != byte_range.length:  # the object is shorter than its row says
            raise _missing(recording)
        MEDIA_BYTES.labels(kind).inc(len(data))
        return Response(content=data, status_code=status, headers=headers, media_type=media_type)
    return Stream(_counted(body, kind), status_code=status, headers=headers, media_type=media_type)


PATHSEND = "http.response.pathsend"


class _ASGIPathSend(ASGIStreamingResponse):
    def __init__(self, *, path: Path, **kwargs: Any) -> None:
        super().__init__(iterator=_nothing(), **kwargs)
        self.path = path

    async def send_body(self, send: Send, receive: Receive) -> None:
        await send({"type": PATHSEND, "path": str(self.path)})  # type: ignore[arg-type]


class PathSend(Stream):
    """A whole local file, sent by the server through the ASGI ``http.response.pathsend`` extension."""

    def __init__(self, path: Path, **kwargs: Any) -> None:
        super().__init__(_nothing(), **kwargs)
        self.path = path

    def to_asgi_response(self, app: Any, request: Request[Any, Any, Any], **kwargs: Any) -> ASGIResponse:
        headers = {**(kwargs.get("headers") or {}), **self.headers}
        return _ASGIPathSend(
            path=self.path,
            headers=headers,
            content_length=0,
            media_type=self.media_type,
            status_code=self.status_code,
            is_head_response=kwargs.get("is_head_response", False),
            encoded_headers=kwargs.get("encoded_headers"),
            cookies=self.cookies,
        )


async def _counted(body: Any, kind: str) -> Any:
    # The series is picked while the request runs: a generator left unfinished by a client that went away
    # may be closed later, from a task that knows nothing of the app.
    counter = MEDIA_BYTES.labels(kind)
    sent = 0
    try:
        async for chunk in body:
            sent += len(chunk)
            yield chunk
    finally:
        counter.inc(sent)


async def _nothing() -> Any:
    return
    yield  # pragma: no cover
