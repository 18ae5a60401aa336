"""meet-embed as a WSGI app (extra ``wsgi``): a2wsgi, plus what a WSGI mount needs beyond it.

``create_wsgi_app(config)`` for Flask, Django WSGI or any WSGI server, e.g. with Werkzeug::

    app.wsgi_app = DispatcherMiddleware(app.wsgi_app, {"/meet": create_wsgi_app(MeetEmbedConfig(path=""))})


What a2wsgi 1.10 lacks for meet-embed (measured; see docs/integration.md):

1. **Lifespan.** a2wsgi sends no ASGI lifespan events, and meet-embed needs its start-up (database,
   migrations, sweeper, event channels). It runs on the bridge's event loop, in one task, from
   :class:`WSGIBridge` creation until :meth:`WSGIBridge.close`.
2. **Hop-by-hop headers.** Litestar's event streams carry ``Connection: keep-alive``; PEP 3333 forbids
   hop-by-hop headers from a WSGI app and waitress answers such a response with a 500. They are dropped.
3. **Responses closed early.** When the server closes a response before its end (the client went away,
   which a WSGI server notices at its next write: within 15 s on an event stream, meet-embed's keep-alive),
   a2wsgi leaves the ASGI task waiting forever, with its event subscription: three tasks per closed stream.
   The task is cancelled.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
from collections.abc import Iterable, Iterator
from typing import Any

from a2wsgi import ASGIMiddleware

from meet_embed.app import create_app
from meet_embed.config import MeetEmbedConfig

__all__ = ("HOP_BY_HOP", "WSGIBridge", "create_wsgi_app")

HOP_BY_HOP = frozenset(
    (
        "connection",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "te",
        "trailers",
        "transfer-encoding",
        "upgrade",
    )
)
_TASK_KEY = "meet_embed.bridge.asgi_task"


class WSGIBridge:
    """``WSGIBridge(create_app(config))`` is a WSGI app; mount it where meet-embed should answer."""

    def __init__(self, asgi_app: Any, *, startup_timeout: float = 120) -> None:
        self.asgi_app = asgi_app
        self._bridge = ASGIMiddleware(self._remember_task)  # type: ignore[arg-type]
        self.loop: asyncio.AbstractEventLoop = self._bridge.loop
        started: concurrent.futures.Future[asyncio.Event] = concurrent.futures.Future()
        self._lifespan = asyncio.run_coroutine_threadsafe(self._hold_lifespan(started), self.loop)
        self._stop = started.result(timeout=startup_timeout)

    async def _hold_lifespan(self, started: concurrent.futures.Future[asyncio.Event]) -> None:
        stop = asyncio.Event()
        try:
            async with self.asgi_app.lifespan():  # Litestar's: start-up hooks, then shutdown at exit
                started.set_result(stop)
                await stop.wait()
        except BaseException as exc:
            if not started.done():
                started.set_exception(exc)
            raise

    async def _remember_task(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        environ = scope.get("wsgi_environ")  # a2wsgi hands the WSGI environ on in the scope
        if environ is not None:
            environ[_TASK_KEY] = asyncio.current_task()
        await self.asgi_app(scope, receive, send)

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        def start(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            kept = [(name, value) for name, value in headers if name.lower() not in HOP_BY_HOP]
            return start_response(status, kept, exc_info)

        return self._respond(environ, start)

    def _respond(self, environ: dict[str, Any], start: Any) -> Iterator[bytes]:
        body = self._bridge(environ, start)  # type: ignore[arg-type]
        try:
            yield from body
        finally:
            task = environ.get(_TASK_KEY)
            if task is not None and not task.done():
                self.loop.call_soon_threadsafe(task.cancel)

    def close(self, timeout: float = 30) -> None:
        """Run meet-embed's shutdown (idempotent)."""
        if not self._lifespan.done():
            self.loop.call_soon_threadsafe(self._stop.set)
            self._lifespan.result(timeout=timeout)


def create_wsgi_app(config: MeetEmbedConfig | None = None, **litestar_options: Any) -> WSGIBridge:
    """A WSGI app serving meet-embed (started at once; call ``close()`` at shutdown)."""
    return WSGIBridge(create_app(config, **litestar_options))
