"""Rate limits (issue 10) on what an attacker would hammer: member tokens, share-secret access and the
administrator login. Past the limit: 429 with ``Retry-After`` and the ``{"error", "message"}`` body; the
window is a minute, so recovery is shown by moving Litestar's rate-limit clock (``time`` in
``litestar.middleware.rate_limit``) past it instead of sleeping.

Counters are per client address. Litestar's ``get_remote_address`` reads the ASGI ``client`` only (never
``X-Forwarded-For`` itself), so the test client, which always connects as ``testclient``, cannot vary it:
other addresses are shown on a live uvicorn server, which (as behind a proxy) takes the client address from
``X-Forwarded-For`` sent by a trusted peer (127.0.0.1)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from litestar.middleware import rate_limit

from meet_embed import MeetEmbedConfig
from tests.capture_support import app_client, configure
from tests.conftest import API_KEY
from tests.live import LiveServers
from tests.recordings_support import (
    RECORDINGS,
    ROOMS,
    assert_error,
    create_room,
    insert_rows,
    make_row,
    secret_of,
)

KEY = {"X-API-KEY": API_KEY}
PASSWORD = "correct horse battery staple"


@pytest.fixture
def config(config_factory: Any) -> MeetEmbedConfig:
    return config_factory(  # type: ignore[no-any-return]
        rate_limit_tokens=3, rate_limit_secrets=5, rate_limit_login=2, admin_password=PASSWORD
    )


@pytest.fixture
def later(monkeypatch: pytest.MonkeyPatch) -> Any:
    """``later(seconds)``: Litestar's rate-limit middleware sees the clock that much further on."""

    def move(seconds: float) -> None:
        monkeypatch.setattr(rate_limit, "time", lambda: time.time() + seconds)

    return move


@pytest.fixture
def live() -> Iterator[LiveServers]:
    with LiveServers() as servers:
        yield servers


def assert_429(response: Any) -> None:
    body = assert_error(response, 429, "Too Many Requests")
    assert set(body) == {"error", "message"}, body
    retry_after = int(response.headers["retry-after"])
    assert 0 < retry_after <= 60, retry_after
    assert response.headers["ratelimit-remaining"] == "0"


async def token(client: Any, room: dict[str, Any], **headers: str) -> Any:
    return await client.post(
        f"{ROOMS}/{room['roomId']}/token", json={"secret": secret_of(room["speakerUrl"])}, headers=headers
    )


# -- member tokens ----------------------------------------------------------------------------------------


async def test_token_burst_is_limited_and_recovers(client: Any, later: Any) -> None:
    room = await create_room(client, KEY, "Limited")
    other_room = await create_room(client, KEY, "Other")
    statuses = [(await token(client, room)).status_code for _ in range(3)]
    assert statuses == [200, 200, 200]
    for target in (room, other_room):  # counted per client, whatever the room
        assert_429(await token(client, target))
    # Wrong secrets count too (that is what guessing looks like), and so does a refresh.
    assert_429(await client.post(f"{ROOMS}/{room['roomId']}/token", json={"secret": "x" * 24}))
    assert_429(await client.post(f"{ROOMS}/{other_room['roomId']}/token/refresh"))
    # A spoofed X-Forwarded-For does not make a new client: only a trusted proxy's server may say that.
    assert_429(await token(client, room, **{"X-Forwarded-For": "203.0.113.9"}))
    # Everything else goes on as usual.
    assert (await client.get(f"{ROOMS}/{room['roomId']}", headers=KEY)).status_code == 200

    later(30)
    assert_429(await token(client, room))
    later(61)
    assert [(await token(client, room)).status_code for _ in range(4)] == [200, 200, 200, 429]


async def test_the_limit_is_a_setting(config_factory: Any) -> None:
    async with app_client(await configure(config_factory, rate_limit_tokens=6)) as client:
        room = await create_room(client, KEY, "Six")
        statuses = [(await token(client, room)).status_code for _ in range(7)]
    assert statuses == [200] * 6 + [429]


# -- share secrets ----------------------------------------------------------------------------------------


async def test_secret_requests_are_limited_and_others_are_not_counted(client: Any, later: Any) -> None:
    room = await create_room(client, KEY, "Shared")
    [rid] = await insert_rows(client, [make_row(room["roomId"], "Shared")])
    link = await client.get(f"{RECORDINGS}/{rid}/url", headers=KEY)
    assert link.status_code == 200, link.text
    secret = secret_of(link.json()["url"])

    # Requests without a secret, on the same routes, are not counted, however many.
    for _ in range(12):
        assert (await client.get(f"{RECORDINGS}/{rid}", headers=KEY)).status_code == 200
    assert (await client.get(RECORDINGS, headers=KEY)).status_code == 200
    assert (await client.get(f"{ROOMS}/{room['roomId']}", headers=KEY)).status_code == 200

    statuses = [
        (await client.get(f"{RECORDINGS}/{rid}", params={"secret": secret})).status_code for _ in range(5)
    ]
    assert statuses == [200] * 5
    assert_429(await client.get(f"{RECORDINGS}/{rid}", params={"secret": secret}))
    # A guessed secret is counted and refused the same way; so is a room link opened as a page.
    assert_429(await client.get(f"{RECORDINGS}/{rid}", params={"secret": "guess" * 5}))
    page = await client.get(room["speakerUrl"].replace("http://testserver.local", ""))
    assert page.status_code == 429
    # Without the secret, the API key still gets everything.
    for _ in range(3):
        assert (await client.get(f"{RECORDINGS}/{rid}", headers=KEY)).status_code == 200

    later(61)
    assert (await client.get(f"{RECORDINGS}/{rid}", params={"secret": secret})).status_code == 200
    assert (await client.get(room["speakerUrl"].replace("http://testserver.local", ""))).status_code == 200


# -- the administrator login ------------------------------------------------------------------------------


async def test_login_attempts_are_limited(client: Any, later: Any) -> None:
    def form(password: str) -> dict[str, str]:
        return {"username": "admin", "password": password, "next": ""}

    assert (await client.post("/meet/login", data=form("wrong"))).status_code == 401
    assert (await client.post("/meet/login", data=form("wrong again"))).status_code == 401
    # The third attempt is refused before the password is even looked at, the right one included.
    assert_429(await client.post("/meet/login", data=form(PASSWORD)))
    # Showing the form is not an attempt.
    for _ in range(3):
        assert (await client.get("/meet/login")).status_code == 200

    later(61)
    signed_in = await client.post("/meet/login", data=form(PASSWORD), follow_redirects=False)
    assert signed_in.status_code == 303, signed_in.text
    assert "meet_admin" in signed_in.headers.get("set-cookie", "")


# -- per client address -----------------------------------------------------------------------------------


async def test_other_clients_are_not_affected(live: LiveServers, config_factory: Any) -> None:
    config = await configure(config_factory, rate_limit_tokens=2, rate_limit_secrets=600)
    server = live.meet(config)
    async with httpx.AsyncClient(base_url=server.base_url, timeout=10) as http:
        room = await create_room(http, KEY, "Crowded")

        async def as_client(address: str) -> int:
            return (await token(http, room, **{"X-Forwarded-For": address})).status_code

        assert [await as_client("198.51.100.1") for _ in range(3)] == [200, 200, 429]
        assert [await as_client("198.51.100.2") for _ in range(3)] == [200, 200, 429]
        # The connection's own address (no proxy header) is a third client.
        assert (await token(http, room)).status_code == 200
        assert await as_client("198.51.100.1") == 429
