"""Small helpers shared by the test modules (no fakes: they only talk to the real app)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import anyio
from httpx import Response

T = TypeVar("T")

API = "/meet/api/v1"
ROOMS = f"{API}/rooms"


def assert_error(response: Response, status: int, error: str | None = None) -> dict[str, Any]:
    """The response is an API error of ``status`` in the ``{"error", "message"}`` format."""
    assert response.status_code == status, (response.status_code, response.text)
    assert response.headers["content-type"].startswith("application/json"), response.headers
    body: dict[str, Any] = response.json()
    assert isinstance(body.get("error"), str), body
    assert isinstance(body.get("message"), str), body
    assert body["message"], body
    if error is not None:
        assert body["error"] == error, body
    return body


def assert_422(response: Response, field: str | None = None) -> dict[str, Any]:
    """A 422 with the reference's body and, when given, a detail naming ``field``."""
    body = assert_error(response, 422, "Unprocessable Entity")
    assert body["message"] == "Invalid request", body
    details = body["details"]
    assert isinstance(details, list), body
    assert details, body
    for item in details:
        assert set(item) == {"field", "message"}, body
        assert isinstance(item["field"], str), body
        assert isinstance(item["message"], str), body
        assert item["message"], body
    if field is not None:
        assert any(field in item["field"] for item in details), body
    return body


async def create_room(client: Any, headers: dict[str, str], **body: Any) -> dict[str, Any]:
    """Create a room through the API and return its JSON."""
    response = await client.post(f"{ROOMS}", json=body or {"roomName": "Room"}, headers=headers)
    assert response.status_code == 201, response.text
    room: dict[str, Any] = response.json()
    return room


def secret_of(url: str) -> str:
    """The ``secret`` query value of a room link."""
    from urllib.parse import parse_qs, urlsplit

    return parse_qs(urlsplit(url).query)["secret"][0]


async def on_app_loop(client: Any, fn: Callable[..., Awaitable[T]], *args: Any) -> T:
    """Await ``fn(*args)`` on the event loop the app runs on.

    Litestar's AsyncTestClient runs the app (lifespan and requests) in a blocking portal on a thread of its
    own, so the runtime's database engine belongs to that loop. asyncpg connections cannot be used from the
    test's loop (``attached to a different loop``, even a segfault), so tests that reach into the runtime
    (``runtime.db``, ``import_file``) go through here.
    """
    portal = client.blocking_portal
    return await anyio.to_thread.run_sync(lambda: portal.call(fn, *args))


Sample = tuple[str, frozenset[tuple[str, str]]]


class Scrape:
    """One parsed scrape of ``/metrics``, as one app's series: ``scrape.value("name", label="value")`` (0
    when the series does not exist). Series labelled with another ``app_name`` are left out; the label is
    dropped from those kept (series without it, such as the process' own, are kept too)."""

    def __init__(self, text: str, app_name: str = "meet_embed") -> None:
        from prometheus_client.parser import text_string_to_metric_families

        self.families = {f.name: f for f in text_string_to_metric_families(text)}
        self.samples: dict[Sample, float] = {}
        for family in self.families.values():
            for sample in family.samples:
                labels = dict(sample.labels)
                if labels.pop("app_name", app_name) != app_name:
                    continue
                self.samples[(sample.name, frozenset(labels.items()))] = sample.value

    def value(self, name: str, **labels: str) -> float:
        return self.samples.get((name, frozenset(labels.items())), 0.0)

    def total(self, name: str, **labels: str) -> float:
        """The sum over every series of ``name`` whose labels include ``labels``."""
        wanted = set(labels.items())
        return sum(v for (n, ls), v in self.samples.items() if n == name and wanted <= ls)

    def has_series(self, name: str) -> bool:
        return any(n == name for n, _ in self.samples)


async def scrape(client: Any, path: str = "/meet/metrics", app_name: str = "meet_embed") -> Scrape:
    response = await client.get(path)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/plain")
    return Scrape(response.text, app_name)


@contextmanager
def serving_json(body: Callable[[], bytes]) -> Iterator[str]:
    """An HTTP server on loopback answering every GET with ``body()`` (an identity provider's JWKS, say);
    yields its URL."""
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            data = body()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: Any) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/jwks"
    finally:
        server.shutdown()
        server.server_close()
