"""The built-in login's cookies: framed on an allowed origin over HTTPS (``SameSite=None; Secure``), Strict on
plain HTTP, a framed login whose cookie did not stick said as such, and the session refused to requests
other sites make."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx

from meet_embed import MeetEmbedConfig, create_app
from meet_embed.web.login import ADMIN_COOKIE, CHECK_COOKIE

PASSWORD = "login-test-password"
FORM = {"username": "admin", "password": PASSWORD, "next": "/meet/console"}


@asynccontextmanager
async def client_for(tmp_path: Path, base_url: str, **config: Any) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(MeetEmbedConfig(data_dir=tmp_path / "meet", admin_password=PASSWORD, **config))
    async with (
        app.lifespan(),
        httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=base_url) as c,
    ):
        yield c


def set_cookie(response: httpx.Response, name: str) -> str:
    return next(c for c in response.headers.get_list("set-cookie") if c.startswith(f"{name}="))


async def test_https_session_cookie_works_in_frames(tmp_path: Path) -> None:
    async with client_for(tmp_path, "https://meet.test") as client:
        form = await client.get("/meet/login")
        signed_in = await client.post("/meet/login", data=FORM)
    for cookie in (set_cookie(form, CHECK_COOKIE), set_cookie(signed_in, ADMIN_COOKIE)):
        assert "SameSite=none" in cookie
        assert "Secure" in cookie
        assert "HttpOnly" in cookie
    assert signed_in.status_code == 303
    assert signed_in.headers["location"] == "/meet/console"


async def test_https_public_url_behind_a_proxy(tmp_path: Path) -> None:
    async with client_for(tmp_path, "http://internal:8000", public_url="https://meet.example.com") as client:
        signed_in = await client.post("/meet/login", data=FORM)
    assert "SameSite=none" in set_cookie(signed_in, ADMIN_COOKIE)


async def test_plain_http_stays_strict(tmp_path: Path) -> None:
    async with client_for(tmp_path, "http://meet.test") as client:
        signed_in = await client.post("/meet/login", data=FORM)
    cookie = set_cookie(signed_in, ADMIN_COOKIE)
    assert "SameSite=strict" in cookie
    assert "Secure" not in cookie


async def test_a_framed_login_whose_cookie_did_not_stick_says_so(tmp_path: Path) -> None:
    async with client_for(tmp_path, "http://meet.test") as client:
        lost = await client.post("/meet/login", data=FORM, headers={"Sec-Fetch-Dest": "iframe"})
        await client.get("/meet/login")  # the form's check cookie, kept this time
        kept = await client.post("/meet/login", data=FORM, headers={"Sec-Fetch-Dest": "iframe"})
    assert lost.status_code == 400
    assert "did not keep the sign-in" in lost.text
    assert 'target="_blank"' in lost.text
    assert ADMIN_COOKIE not in lost.headers.get("set-cookie", "")
    assert kept.status_code == 303


async def test_the_session_does_not_ride_on_other_sites_requests(tmp_path: Path) -> None:
    async with client_for(tmp_path, "https://meet.test") as client:
        await client.post("/meet/login", data=FORM)
        console = "/meet/console"
        own = await client.get(console)
        navigated = await client.get(
            console, headers={"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate"}
        )
        fetched = await client.get(
            "/meet/api/v1/rooms", headers={"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "cors"}
        )
        posted = await client.post(
            "/meet/api/v1/recordings/Any-room--x--y/secrets/rotate",
            headers={"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate"},
        )
    assert own.status_code == 200
    assert navigated.status_code == 200  # a frame on the host's page, or a link followed
    assert fetched.status_code == 401
    assert posted.status_code in (401, 403)
