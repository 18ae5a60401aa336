"""The ASGI entry point: ``/meet/…`` (and the lifespan) go to meet-embed, everything else to Django.

Run it with any ASGI server, e.g. ``uvicorn examples.django_app.asgi:application`` (``python -m
examples.django_app`` does that). Django's ASGI handler refuses lifespan events, and meet-embed needs
them (database, migrations, background sweep), so they go to meet-embed alone.
"""

from __future__ import annotations

import os
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "examples.django_app.settings")

from django.conf import settings
from django.core.asgi import get_asgi_application

django_application = get_asgi_application()  # sets Django up before anything imports models or settings

from examples.django_app.meet import meet_app  # noqa: E402

MEET_PATH = settings.MEET_EMBED_PATH


def is_meet_path(scope: dict[str, Any]) -> bool:
    path: str = scope["path"]
    root: str = scope.get("root_path", "")
    if root and path.startswith(root):  # behind a proxy that mounts the whole site under a prefix
        path = path[len(root) :]
    return path == MEET_PATH or path.startswith(MEET_PATH + "/")


async def application(scope: Any, receive: Any, send: Any) -> None:
    if scope["type"] == "lifespan" or (scope["type"] == "http" and is_meet_path(scope)):
        await meet_app(scope, receive, send)
    else:
        await django_application(scope, receive, send)
