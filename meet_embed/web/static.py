"""The static files: the web components' ES module, its source map, the pages' stylesheet."""

from __future__ import annotations

from pathlib import Path

from litestar.datastructures import CacheControlHeader
from litestar.router import Router
from litestar.static_files import create_static_files_router

__all__ = ("STATIC_DIR", "static_files_router")

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"


def static_files_router() -> Router:
    return create_static_files_router(
        path="/static",
        directories=[STATIC_DIR],
        name="meet_embed_static",
        include_in_schema=False,
        cache_control=CacheControlHeader(max_age=3600, public=True),
    )
