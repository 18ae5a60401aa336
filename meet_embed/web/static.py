"""The static files: the web components' ES module, its source map, the pages' stylesheet.

Pages reference them as ``{path}/static/<name>?v=<hash>`` (:func:`static_url`); the hash is the start of
the file's SHA-256, computed once per process. A request whose ``v`` matches is cached for a year
(``immutable``); any other request gets a short lifetime, so a new release is picked up within minutes
even by pages that link the module without a version.
"""

from __future__ import annotations

import hashlib
import mimetypes
from functools import cache
from pathlib import Path
from typing import Annotated, Any

from litestar import Request, Response, Router, route
from litestar.datastructures import ETag
from litestar.params import FromPath, QueryParameter
from litestar.response import File

from meet_embed.errors import NotFoundError

__all__ = ("IMMUTABLE", "SHORT_CACHE", "STATIC_DIR", "asset_version", "static_files_router", "static_url")

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"

IMMUTABLE = "public, max-age=31536000, immutable"
SHORT_CACHE = "public, max-age=300"

# Without a charset: Litestar adds "; charset=utf-8" to every text/* type itself (one given here came out
# twice).
_MEDIA_TYPES = {
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".css": "text/css",
    ".map": "application/json",
    ".json": "application/json",
    ".svg": "image/svg+xml",
}


def _resolve(name: str) -> Path | None:
    """The file under :data:`STATIC_DIR` that ``name`` designates, or ``None`` (nothing outside it, no
    hidden files, no directories)."""
    if not name or "\\" in name or "\x00" in name:
        return None
    parts = name.split("/")
    if any(p in ("", ".", "..") or p.startswith(".") for p in parts):
        return None
    path = (STATIC_DIR / name).resolve()
    if not path.is_relative_to(STATIC_DIR) or not path.is_file():
        return None
    return path


@cache
def asset_version(name: str) -> str:
    """The first 12 hex digits of the file's SHA-256 (computed once per process); empty if missing."""
    path = _resolve(name)
    if path is None:
        return ""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()[:12]


def static_url(prefix: str, name: str) -> str:
    """``{prefix}/static/{name}?v={hash}``: the URL pages use, cacheable for a year."""
    version = asset_version(name)
    return f"{prefix}/static/{name}" + (f"?v={version}" if version else "")


@route(
    "/static/{file_path:path}",
    http_method=["GET", "HEAD"],
    name="meet_embed_static",
    include_in_schema=False,
    sync_to_thread=False,
)
def serve_static(
    request: Request[Any, Any, Any],
    file_path: FromPath[str],
    version: Annotated[str | None, QueryParameter(name="v", max_length=64)] = None,
) -> Response[Any]:
    name = file_path.lstrip("/")
    path = _resolve(name)
    if path is None:
        raise NotFoundError("No such static file", error="Not Found")
    current = asset_version(name)
    etag = f'"{current}"'
    headers = {
        "Cache-Control": IMMUTABLE if version and version == current else SHORT_CACHE,
        "X-Content-Type-Options": "nosniff",
    }
    if etag in {tag.strip() for tag in request.headers.get("if-none-match", "").split(",")}:
        return Response(content=b"", status_code=304, headers={**headers, "ETag": etag})
    guessed = mimetypes.guess_type(path.name)[0]
    media_type = _MEDIA_TYPES.get(path.suffix) or guessed or "application/octet-stream"
    return File(
        path=path,
        filename=path.name,
        content_disposition_type="inline",
        media_type=media_type,
        headers=headers,
        etag=ETag(value=current),
    )


def static_files_router() -> Router:
    return Router(path="/", route_handlers=[serve_static])
