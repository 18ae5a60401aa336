"""Text PostgreSQL cannot store: a NUL character in a request must be a 4xx, never a 500.

SQLite stores ``\\x00`` in a string; PostgreSQL refuses it in ``text``/``varchar`` (``invalid byte sequence
for encoding "UTF8": 0x00``). Whatever the API accepts on the embedded default must not break on
PostgreSQL, so these tests always run on PostgreSQL (a fresh schema each), whatever ``--meet-db`` says.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from litestar.testing import AsyncTestClient

from meet_embed import MeetEmbedConfig, create_app
from tests.backends import postgres_or_skip, postgres_schema
from tests.conftest import API_KEY, SECRET_KEY

pytestmark = pytest.mark.postgres

API = "/meet/api/v1"
ROOMS = f"{API}/rooms"
RECORDINGS = f"{API}/recordings"
API_HEADERS = {"X-API-KEY": API_KEY}


@pytest.fixture
def pg_config(tmp_path: Path) -> Iterator[MeetEmbedConfig]:
    # Sync: the schema is made with asyncio.run, which cannot run inside the test's event loop.
    url = postgres_or_skip()
    with postgres_schema(url) as options:
        yield MeetEmbedConfig(
            data_dir=tmp_path / "data",
            api_keys=[f"host={API_KEY}"],
            secret_key=SECRET_KEY,
            database_url=url,
            database_engine_options=options,
            migrate_on_startup=True,
        )


@pytest.fixture
async def client(pg_config: MeetEmbedConfig) -> AsyncIterator[AsyncTestClient[Any]]:
    async with AsyncTestClient(create_app(pg_config), base_url="http://testserver.local") as c:
        yield c


async def _room(client: Any) -> dict[str, Any]:
    response = await client.post(ROOMS, json={"roomName": "Plain"}, headers=API_HEADERS)
    assert response.status_code == 201, response.text
    room: dict[str, Any] = response.json()
    return room


async def test_plain_names_work(client: Any) -> None:
    """The baseline the NUL cases below are measured against."""
    room = await _room(client)
    assert (await client.get(ROOMS, params={"roomName": "Pla"}, headers=API_HEADERS)).json()["rooms"]
    listing = await client.get(RECORDINGS, params={"roomName": "Pla"}, headers=API_HEADERS)
    assert listing.status_code == 200, listing.text
    assert room["roomName"] == "Plain"


async def test_a_room_name_with_a_nul_is_refused(client: Any) -> None:
    response = await client.post(ROOMS, json={"roomName": "a\x00b"}, headers=API_HEADERS)
    assert response.status_code == 422, response.text


@pytest.mark.parametrize("path", [ROOMS, RECORDINGS])
async def test_a_name_filter_with_a_nul_is_not_a_server_error(client: Any, path: str) -> None:
    await _room(client)
    response = await client.get(path, params={"roomName": "a\x00"}, headers=API_HEADERS)
    assert response.status_code in (200, 422), response.text


async def test_an_identity_with_a_nul_never_breaks_a_start(client: Any) -> None:
    """Once a 500: the token was issued, and starting a recording stored its identity (owner_identity)."""
    room = await _room(client)
    secret = parse_qs(urlsplit(room["moderatorUrl"]).query)["secret"][0]
    issued = await client.post(
        f"{ROOMS}/{room['roomId']}/token", json={"secret": secret, "participantIdentity": "x\x00y"}
    )
    if issued.status_code == 422:
        return  # refused at the door: fine
    assert issued.status_code == 200, issued.text
    headers = {"X-Room-Member-Token": f"Bearer {issued.json()['token']}"}
    started = await client.post(RECORDINGS, json={"roomId": room["roomId"]}, headers=headers)
    assert started.status_code == 201, started.text
