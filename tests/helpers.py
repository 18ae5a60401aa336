"""Small helpers shared by the test modules (no fakes: they only talk to the real app)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
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
