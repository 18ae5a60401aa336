"""Real servers on loopback for tests that need a socket: Server-Sent Events (the test client buffers whole
responses), truly concurrent requests, and callbacks from other servers (webhooks, a fake LiveKit).

``LiveServer(app)`` runs any ASGI app with uvicorn in a thread of its own, on a free port of 127.0.0.1,
with its lifespan; ``serve_meet(config)`` does it for ``meet_embed.create_app(config)``. Each test module
that wants a fixture writes three lines::

    @pytest.fixture
    def live() -> Iterator[LiveServers]:
        with LiveServers() as servers:
            yield servers

and then ``server = live.meet(config)`` / ``live.asgi(app)``; every server is stopped when the test ends.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import functools
import socket
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import httpx
import msgspec
import uvicorn

from meet_embed import MeetEmbedConfig, create_app
from meet_embed.runtime import MeetRuntime

__all__ = ("EventStream", "LiveServer", "LiveServers", "free_socket", "live_meet", "serve_meet")


def free_socket(host: str = "127.0.0.1") -> socket.socket:
    """A listening-ready socket bound to a free port (handed to uvicorn, so no other process can take the
    port between choosing and binding it)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, 0))
    return sock


class LiveServer:
    """An ASGI app served by uvicorn in a background thread; ``base_url`` is where it answers."""

    def __init__(self, app: Any, *, start_timeout: float = 15.0) -> None:
        self.app = app
        self._sock = free_socket()
        host, port = self._sock.getsockname()[:2]
        self.base_url = f"http://{host}:{port}"
        self.loop: asyncio.AbstractEventLoop | None = None
        config = uvicorn.Config(
            app,
            lifespan="on",
            log_level="warning",
            access_log=False,
            loop="asyncio",
            http="h11",
            ws="none",
            timeout_graceful_shutdown=2,
            timeout_keep_alive=5,
        )
        self.server = uvicorn.Server(config)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name=f"live-server-{port}", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + start_timeout
        while not self.server.started:
            if self._error is not None or not self._thread.is_alive():
                raise RuntimeError(f"the live server did not start: {self._error!r}")
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("the live server did not start in time")
            time.sleep(0.01)

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self.loop = loop
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(self.server.serve(sockets=[self._sock]))
        except BaseException as exc:  # reported by the constructor or stop()
            self._error = exc
        finally:
            with contextlib.suppress(Exception):
                loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    # -- running code where the app lives -----------------------------------------------------------------

    def submit(
        self, fn: Callable[..., Awaitable[Any]], *args: Any, **kwargs: Any
    ) -> concurrent.futures.Future[Any]:
        assert self.loop is not None
        return asyncio.run_coroutine_threadsafe(fn(*args, **kwargs), self.loop)

    async def call(self, fn: Callable[..., Awaitable[Any]], *args: Any, **kwargs: Any) -> Any:
        """Await ``fn(*args)`` on the server's event loop (where its database engine lives)."""
        return await asyncio.wrap_future(self.submit(fn, *args, **kwargs))

    def call_sync(
        self, fn: Callable[..., Awaitable[Any]], *args: Any, timeout: float = 30, **kwargs: Any
    ) -> Any:
        return self.submit(functools.partial(fn, *args, **kwargs)).result(timeout)

    @property
    def runtime(self) -> MeetRuntime:
        runtime: MeetRuntime = self.app.state["meet_embed"]
        return runtime

    def url(self, path: str) -> str:
        return self.base_url + path

    # -- stopping -------------------------------------------------------------------------------------------

    def stop(self, timeout: float = 15.0) -> None:
        """Ask uvicorn to exit (graceful: lifespan shutdown runs) and wait for the thread."""
        self.server.should_exit = True
        self._thread.join(timeout)
        if self._thread.is_alive():
            self.server.force_exit = True
            self._thread.join(5)
        with contextlib.suppress(OSError):
            self._sock.close()
        if self._thread.is_alive():
            raise RuntimeError("the live server did not stop")
        if self._error is not None and not isinstance(self._error, (SystemExit, KeyboardInterrupt)):
            raise RuntimeError(f"the live server failed: {self._error!r}") from self._error

    def __enter__(self) -> LiveServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def serve_meet(config: MeetEmbedConfig, **litestar_options: Any) -> LiveServer:
    """``meet_embed.create_app(config)`` on a live server."""
    return LiveServer(create_app(config, **litestar_options))


class LiveServers:
    """Starts live servers on demand and stops them all (newest first) when the block ends."""

    def __init__(self) -> None:
        self._servers: list[LiveServer] = []

    def asgi(self, app: Any) -> LiveServer:
        server = LiveServer(app)
        self._servers.append(server)
        return server

    def meet(self, config: MeetEmbedConfig, **litestar_options: Any) -> LiveServer:
        return self.asgi(create_app(config, **litestar_options))

    def __enter__(self) -> LiveServers:
        return self

    def __exit__(self, *exc: object) -> None:
        errors = []
        while self._servers:
            server = self._servers.pop()
            try:
                server.stop()
            except RuntimeError as error:
                errors.append(error)
        if errors and exc[0] is None:
            raise errors[0]


@contextlib.contextmanager
def live_meet(config: MeetEmbedConfig, **litestar_options: Any) -> Iterator[LiveServer]:
    server = serve_meet(config, **litestar_options)
    try:
        yield server
    finally:
        server.stop()


class EventStream:
    """A Server-Sent Events client over a real connection: ``async with EventStream(http, url, headers) as
    events: name, data = await events.next()``. ``status`` is the response status (the stream is only read
    when it is 200)."""

    def __init__(self, http: httpx.AsyncClient, url: str, headers: dict[str, str] | None = None) -> None:
        self._http = http
        self._url = url
        self._headers = {"Accept": "text/event-stream", **(headers or {})}
        self._queue: asyncio.Queue[tuple[str, Any]] = asyncio.Queue()
        self._task: asyncio.Task[None] | None = None
        self._cm: Any = None
        self.response: httpx.Response | None = None
        self.comments = 0

    @property
    def status(self) -> int:
        assert self.response is not None
        return self.response.status_code

    async def __aenter__(self) -> EventStream:
        self._cm = self._http.stream(
            "GET", self._url, headers=self._headers, timeout=httpx.Timeout(10, read=None)
        )
        self.response = await self._cm.__aenter__()
        if self.response.status_code == 200:
            self._task = asyncio.create_task(self._read())
        else:
            await self.response.aread()
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
        await self._cm.__aexit__(None, None, None)

    async def _read(self) -> None:
        assert self.response is not None
        event, data = "message", []
        async for line in self.response.aiter_lines():
            if line == "":
                if data:
                    await self._queue.put((event, msgspec.json.decode("\n".join(data))))
                event, data = "message", []
            elif line.startswith(":"):
                self.comments += 1
            else:
                name, _, value = line.partition(":")
                value = value.removeprefix(" ")
                if name == "event":
                    event = value
                elif name == "data":
                    data.append(value)

    async def next(self, timeout: float = 10.0) -> tuple[str, Any]:
        """The next event as ``(name, decoded JSON data)``."""
        return await asyncio.wait_for(self._queue.get(), timeout)

    def pending(self) -> list[tuple[str, Any]]:
        """Events received and not read yet (does not wait)."""
        out = []
        while not self._queue.empty():
            out.append(self._queue.get_nowait())
        return out
