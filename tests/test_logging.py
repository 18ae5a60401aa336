"""Request ids and structured logs (issue 10): every response carries ``X-Request-ID`` (the caller's when it
is sane, else a fresh one), and log records and audit entries made while serving the request carry it."""

from __future__ import annotations

import asyncio
import io
import json
import logging
import re
import time
from collections.abc import Iterator
from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from meet_embed import create_app
from meet_embed.logs import JsonFormatter, RequestIdFilter
from tests.capture_support import configure
from tests.conftest import API_KEY
from tests.recordings_support import API, ROOMS, create_room, secret_of

KEY = {"X-API-KEY": API_KEY}
GENERATED = re.compile(r"[0-9a-f]{32}")
BAD_TOKEN = {"X-Room-Member-Token": "not-a-jwt"}
"""Refused with 401, and ``meet_embed.auth`` logs why at INFO while serving the request."""


# -- the header -------------------------------------------------------------------------------------------


async def test_every_response_carries_a_request_id(client: Any) -> None:
    room = await create_room(client, KEY, "Ids")
    moderator = (
        await client.post(f"{ROOMS}/{room['roomId']}/token", json={"secret": secret_of(room["moderatorUrl"])})
    ).json()["token"]
    responses = {
        "health": await client.get("/meet/health/live"),
        "ready": await client.get("/meet/health/ready"),
        "created": await client.post(ROOMS, json={"roomName": "Another"}, headers=KEY),
        "listed": await client.get(ROOMS, headers=KEY),
        "unauthenticated": await client.get(ROOMS),
        "bad token": await client.get(ROOMS, headers=BAD_TOKEN),
        "forbidden": await client.get(f"{API}/audit", headers={"X-Room-Member-Token": moderator}),
        "missing room": await client.get(f"{ROOMS}/Nope-aaaaaaaaaaaaaaa", headers=KEY),
        "unknown API path": await client.get(f"{API}/nothing/here", headers=KEY),
        "invalid": await client.post(ROOMS, json={"roomName": 5}, headers=KEY),
        "page": await client.get(room["speakerUrl"].replace("http://testserver.local", "")),
        "metrics": await client.get("/meet/metrics"),
    }
    ids = []
    for what, response in responses.items():
        request_id = response.headers.get("x-request-id")
        assert request_id, (what, response.status_code, response.headers)
        assert GENERATED.fullmatch(request_id), (what, request_id)
        ids.append(request_id)
    assert len(set(ids)) == len(ids), "a fresh id per request"


SANE = ["abc-123", "req.1:2_3", "A" * 64, "0", "f81d4fae-7dec-11d0-a765-00a0c91e6bf6"]
HOSTILE = [
    "A" * 65,
    "x" * 5000,
    "has space",
    "semi;colon",
    "<script>x</script>",
    '"quoted"',
    "slash/ed",
    "tab\there",
]


async def request_ids_of_created_rooms(client: Any) -> list[str]:
    response = await client.get(
        f"{API}/audit", params={"action": "room_created", "maxItems": 100}, headers=KEY
    )
    return [e["requestId"] for e in reversed(response.json()["entries"])]


async def test_a_sane_incoming_id_is_echoed(client: Any) -> None:
    for request_id in SANE:
        response = await client.post(
            ROOMS, json={"roomName": "Echo"}, headers={**KEY, "X-Request-ID": request_id}
        )
        assert response.status_code == 201
        assert response.headers["x-request-id"] == request_id
        # An error answers with it as well.
        refused = await client.get(ROOMS, headers={"X-Request-ID": request_id})
        assert refused.status_code == 401
        assert refused.headers["x-request-id"] == request_id
    # The audit entries of what they did carry it too.
    assert await request_ids_of_created_rooms(client) == SANE


async def test_a_hostile_incoming_id_is_replaced(client: Any) -> None:
    given = []
    for hostile in HOSTILE:
        response = await client.post(
            ROOMS, json={"roomName": "Replaced"}, headers={**KEY, "X-Request-ID": hostile}
        )
        assert response.status_code == 201
        assert GENERATED.fullmatch(response.headers["x-request-id"]), (hostile, response.headers)
        given.append(response.headers["x-request-id"])
    assert len(set(given)) == len(HOSTILE)
    assert await request_ids_of_created_rooms(client) == given


async def asgi_get(
    app: Any, path: str, headers: list[tuple[bytes, bytes]]
) -> tuple[int, list[tuple[bytes, bytes]]]:
    """One GET straight through the ASGI interface, with raw header bytes no HTTP client would send."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.3"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"testserver.local"), *headers],
        "client": ("127.0.0.1", 50000),
        "server": ("testserver.local", 80),
        "state": {},
    }
    messages: list[dict[str, Any]] = []
    sent = False

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await asyncio.sleep(3600)
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        messages.append(message)

    await app(scope, receive, send)
    start = next(m for m in messages if m["type"] == "http.response.start")
    return start["status"], [(bytes(k).lower(), bytes(v)) for k, v in start["headers"]]


def ids_in(headers: list[tuple[bytes, bytes]]) -> list[str]:
    return [v.decode("latin-1") for k, v in headers if k == b"x-request-id"]


async def test_control_characters_and_non_ascii_are_replaced(client: Any) -> None:
    for raw in (
        b"line\nbreak",
        b"carriage\rreturn",
        b"header\r\nX-Injected: 1",
        b"nul\x00byte",
        b"caf\xc3\xa9",
        b"\xff\xfe",
    ):
        status, headers = await asyncio.to_thread(
            client.blocking_portal.call, asgi_get, client.app, "/meet/health/live", [(b"x-request-id", raw)]
        )
        assert status == 200
        [request_id] = ids_in(headers)
        assert GENERATED.fullmatch(request_id), (raw, headers)
        assert b"x-injected" not in dict(headers)


async def test_a_response_has_one_id_even_when_the_request_sent_several(client: Any) -> None:
    sent = [(b"x-request-id", b"first"), (b"x-request-id", b"second")]
    status, headers = await asyncio.to_thread(
        client.blocking_portal.call, asgi_get, client.app, "/meet/health/live", sent
    )
    assert status == 200
    assert ids_in(headers) == ["first"]
    # Merged by a proxy into one list: not an id, so a fresh one.
    merged = await client.get("/meet/health/live", headers={"X-Request-ID": "first, second"})
    assert GENERATED.fullmatch(merged.headers["x-request-id"])
    assert merged.headers.get_list("x-request-id") == [merged.headers["x-request-id"]]


async def test_a_rate_limited_response_carries_a_request_id(config_factory: Any) -> None:
    config = await configure(config_factory, rate_limit_tokens=1)
    async with AsyncTestClient(create_app(config), base_url="http://testserver.local") as client:
        room = await create_room(client, KEY, "Limited")
        url = f"{ROOMS}/{room['roomId']}/token"
        assert (await client.post(url, json={"secret": secret_of(room["speakerUrl"])})).status_code == 200
        refused = await client.post(
            url, json={"secret": secret_of(room["speakerUrl"])}, headers={"X-Request-ID": "limited-1"}
        )
        assert refused.status_code == 429
        assert refused.headers.get("x-request-id") == "limited-1"


@pytest.mark.parametrize(("method", "path"), [("DELETE", "/meet/health/live"), ("GET", "/meet/no-such-page")])
async def test_answers_made_before_routing_carry_a_request_id(client: Any, method: str, path: str) -> None:
    response = await client.request(method, path, headers={"X-Request-ID": "unrouted-1"})
    assert response.status_code in (404, 405)
    assert response.json()["error"]
    assert response.headers.get("x-request-id") == "unrouted-1"


# -- log records ------------------------------------------------------------------------------------------


async def test_log_records_made_while_serving_carry_the_id(
    client: Any, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.handler.addFilter(RequestIdFilter())
    with caplog.at_level(logging.INFO, logger="meet_embed.auth"):
        refused = await client.get(ROOMS, headers={**BAD_TOKEN, "X-Request-ID": "log-me-1"})
        generated = await client.get(ROOMS, headers=BAD_TOKEN)
        logging.getLogger("meet_embed.auth").info("outside any request")
    assert refused.status_code == generated.status_code == 401
    refusals = [
        r for r in caplog.records if r.name == "meet_embed.auth" and "token refused" in r.getMessage()
    ]
    assert [getattr(r, "request_id", None) for r in refusals] == [
        "log-me-1",
        generated.headers["x-request-id"],
    ]
    outside = next(r for r in caplog.records if r.getMessage() == "outside any request")
    assert getattr(outside, "request_id", None) == "-"

    # The JSON formatter writes it (and the rest) as one object per line.
    line = JsonFormatter().format(refusals[0])
    assert "\n" not in line
    data = json.loads(line)
    assert data["request_id"] == "log-me-1"
    assert data["level"] == "INFO"
    assert data["logger"] == "meet_embed.auth"
    assert data["message"].startswith("member token refused")
    assert set(data) == {"time", "level", "logger", "message", "request_id"}


def test_the_json_formatter_writes_exceptions() -> None:
    try:
        raise ValueError("boom")
    except ValueError:
        record = logging.getLogger("meet_embed.test").makeRecord(
            "meet_embed.test",
            logging.ERROR,
            __file__,
            1,
            "failed: %s",
            ("here",),
            exc_info=__import__("sys").exc_info(),
        )
    data = json.loads(JsonFormatter().format(record))
    assert data["message"] == "failed: here"
    assert data["request_id"] is None
    assert "ValueError: boom" in data["exception"]


@pytest.fixture
def console() -> Iterator[io.StringIO]:
    """What the standalone app's log handlers write (set up by ``create_app``'s logging config), captured
    once an app has configured them; the streams are put back afterwards."""
    out = io.StringIO()
    swapped: list[tuple[logging.StreamHandler[Any], Any]] = []

    def capture() -> None:
        for handler in logging.getLogger().handlers:
            for inner in [handler, *getattr(getattr(handler, "listener", None), "handlers", [])]:
                if isinstance(inner, logging.StreamHandler) and inner not in [h for h, _ in swapped]:
                    swapped.append((inner, inner.setStream(out)))  # type: ignore[arg-type]

    out.capture = capture  # type: ignore[attr-defined]
    yield out
    for handler, stream in swapped:
        handler.setStream(stream)


async def read_line(console: io.StringIO, needle: str, timeout: float = 3.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for line in console.getvalue().splitlines():
            if needle in line:
                return line
        await asyncio.sleep(0.02)
    raise AssertionError(f"no log line with {needle!r} in {console.getvalue()!r}")


@pytest.mark.parametrize("log_format", ["json", "text"])
async def test_the_standalone_apps_log_lines_carry_the_id(
    config_factory: Any, console: io.StringIO, log_format: str
) -> None:
    config = await configure(config_factory, log_format=log_format)
    async with AsyncTestClient(create_app(config), base_url="http://testserver.local") as client:
        console.capture()  # type: ignore[attr-defined]
        response = await client.get(ROOMS, headers={**BAD_TOKEN, "X-Request-ID": "json-log-1"})
        assert response.status_code == 401
        line = await read_line(console, "member token refused")
    if log_format == "json":
        data = json.loads(line)
        assert data["logger"] == "meet_embed.auth"
        assert data["request_id"] == "json-log-1", line
    else:
        assert "[json-log-1]" in line, line
