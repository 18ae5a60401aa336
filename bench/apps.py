"""The apps the media benchmark serves: meet-embed (configured from the environment), the hand-written
Starlette ``FileResponse`` a developer might write instead, and the least any Python ASGI app can do (read
the range, send it: no routing, no checks), which tells what the Python server itself costs."""

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


def minimal_app():  # type: ignore[no-untyped-def]
    import asyncio

    path = os.environ["BENCH_FILE"]
    size = os.path.getsize(path)

    def read(start: int, length: int) -> bytes:
        fd = os.open(path, os.O_RDONLY)
        try:
            return os.pread(fd, length, start)
        finally:
            os.close(fd)

    async def app(scope, receive, send):  # type: ignore[no-untyped-def]
        if scope["type"] != "http":
            return
        header = dict(scope["headers"]).get(b"range", b"").decode()
        if header.startswith("bytes="):
            first, _, last = header[6:].partition("-")
            start, end = int(first), min(int(last or size - 1), size - 1)
            status, extra = 206, [(b"content-range", f"bytes {start}-{end}/{size}".encode())]
        else:
            start, end, status, extra = 0, size - 1, 200, []
        headers = [
            (b"content-type", b"video/mp4"),
            (b"content-length", str(end - start + 1).encode()),
            *extra,
        ]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        position, chunk = start, 1024 * 1024
        while position <= end:
            data = await asyncio.to_thread(read, position, min(chunk, end - position + 1))
            position += len(data)
            await send({"type": "http.response.body", "body": data, "more_body": position <= end})

    return app
