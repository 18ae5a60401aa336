"""Where meet-embed lives as the browser sees it, also when the host mounts it under a path of its own.

Litestar's ``request.base_url`` prefers ``app_root_path``, which an outer ASGI app (Starlette under
``--root-path``) sets to the outermost prefix only; the mount point of meet-embed itself is in
``root_path``.
"""

from __future__ import annotations

from typing import Any

from litestar.connection import ASGIConnection

from meet_embed.auth.resolver import runtime_of

__all__ = ("mount_base_url", "page_prefix")


def mount_base_url(connection: ASGIConnection[Any, Any, Any, Any]) -> str:
    """Scheme, host and the path meet-embed is mounted at (no trailing slash)."""
    base = connection.base_url
    root_path = str(connection.scope.get("root_path", "") or "").rstrip("/")
    return f"{base.scheme}://{base.netloc}{root_path}"


def page_prefix(connection: ASGIConnection[Any, Any, Any, Any]) -> str:
    """The path of meet-embed's pages (mount point plus the configured ``path``), for links and forms."""
    root_path = str(connection.scope.get("root_path", "") or "").rstrip("/")
    return root_path + runtime_of(connection).config.path
