"""The apps the media benchmark serves: meet-embed (configured from the environment) and the hand-written
Starlette ``FileResponse`` a developer might write instead."""

from __future__ import annotations

import os

from meet_embed import create_app


def meet_app():  # type: ignore[no-untyped-def]
    return create_app()


def starlette_app():  # type: ignore[no-untyped-def]
    from starlette.applications import Starlette
    from starlette.responses import FileResponse
    from starlette.routing import Route

    path = os.environ["BENCH_FILE"]

    async def media(request):  # type: ignore[no-untyped-def]
        return FileResponse(path, media_type="video/mp4")

    return Starlette(routes=[Route("/media", media)])
