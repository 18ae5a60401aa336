"""Requests another site makes with the host's session (a posted form, an image, a script's fetch) never act
as the signed-in administrator or user: the host's hooks read that session, so they are not asked."""

from __future__ import annotations

from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from meet_embed import create_app
from tests.recordings_support import API, RECORDINGS, assert_error, create_room, import_recording

SESSION = {"Cookie": "host_session=ada"}


def _host_admin(connection: Any) -> bool | str:
    return "ada" if connection.cookies.get("host_session") == "ada" else False


@pytest.fixture
async def host(config_factory: Any, media_copy: Any) -> Any:
    app = create_app(config_factory(is_admin=_host_admin, is_user=_host_admin))
    async with AsyncTestClient(app, base_url="http://testserver.local") as client:
        room = await create_room(client, {"X-API-KEY": "test-api-key-0123456789"}, "Cross")
        recording = await import_recording(client, room["roomId"], media_copy("mp4_2s_small"))
        yield client, recording.recording_id


@pytest.mark.parametrize(
    ("method", "path", "fetch"),
    [
        (
            "POST",
            "/recordings/{rid}/secrets/rotate",
            {"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate"},
        ),
        ("POST", "/rooms", {"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "no-cors"}),
        ("DELETE", "/recordings/{rid}", {"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "cors"}),
        ("GET", "/recordings", {"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "cors"}),
        ("GET", "/recordings/{rid}/media", {"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "no-cors"}),
    ],
    ids=["form-post-rotate", "form-post-room", "fetch-delete", "fetch-list", "img-media"],
)
async def test_cross_site_requests_are_not_the_hosts_user(
    host: Any, method: str, path: str, fetch: dict[str, str]
) -> None:
    client, rid = host
    url = API + path.format(rid=rid)
    body = {"json": {"roomName": "Forged"}} if path == "/rooms" else {}
    refused = await client.request(method, url, headers={**SESSION, **fetch}, **body)
    assert_error(refused, 401)
    # The recording is still there, its links unchanged: nothing was done.
    assert (await client.get(f"{RECORDINGS}/{rid}", headers=SESSION)).status_code == 200


async def test_same_origin_requests_with_the_session_work(host: Any) -> None:
    client, rid = host
    for site in ("same-origin", "same-site", None):
        headers = {**SESSION, **({"Sec-Fetch-Site": site, "Sec-Fetch-Mode": "cors"} if site else {})}
        response = await client.post(f"{RECORDINGS}/{rid}/secrets/rotate", headers=headers)
        assert response.status_code == 200, (site, response.text)


async def test_a_private_link_opened_from_another_site_still_asks_the_host(host: Any) -> None:
    """Following a link (a navigation) from another site is how share links travel: the host's user hook
    is asked then, and the page's own requests are same-origin."""
    client, rid = host
    url = (
        await client.get(f"{RECORDINGS}/{rid}/url", params={"privateAccess": "true"}, headers=SESSION)
    ).json()["url"]
    secret = url.split("secret=")[1]
    navigate = {**SESSION, "Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate"}
    page = await client.get(f"/meet/recording/{rid}", params={"secret": secret}, headers=navigate)
    assert page.status_code == 200, page.text
    same_origin = {**SESSION, "Sec-Fetch-Site": "same-origin", "Sec-Fetch-Mode": "cors"}
    api = await client.get(f"{RECORDINGS}/{rid}", params={"secret": secret}, headers=same_origin)
    assert api.status_code == 200, api.text
    forged = {**SESSION, "Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "no-cors"}
    assert_error(await client.get(f"{RECORDINGS}/{rid}", params={"secret": secret}, headers=forged), 401)
