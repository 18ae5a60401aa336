"""End-to-end: meet-embed's room page inside an ``<iframe>`` of a page on another origin.

A tiny host site on another loopback port serves ``<iframe src="http://127.0.0.1:<meet-port>/meet/room/…">``.
With the host's origin in meet-embed's ``frame_ancestors`` the room loads and its recordings play; without it
(the session's server, which has no such setting) Chromium refuses to show the frame, as the pages'
``Content-Security-Policy: frame-ancestors 'self'`` asks. (examples/ covers the components themselves on
another origin, with CORS.)
"""

from __future__ import annotations

import html
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from playwright.sync_api import ConsoleMessage, Page, Response, expect

from .conftest import ADMIN_PASSWORD, LiveMeet, run_meet
from .test_pages import PLAY, wait_playing


class _HostPage(BaseHTTPRequestHandler):
    """``/?src=<url>``: a page of "the host application" framing ``url``."""

    def do_GET(self) -> None:
        src = parse_qs(urlsplit(self.path).query).get("src", [""])[0]
        body = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Host application</title></head>
<body>
  <h1>Host application</h1>
  <iframe id="meet" title="Meeting recordings" src="{html.escape(src)}" width="1000" height="640"
          allow="camera; microphone; display-capture; autoplay; fullscreen; clipboard-write"></iframe>
</body></html>""".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def host_site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _HostPage)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def framed_meet(tmp_path_factory: pytest.TempPathFactory, host_site: str) -> Iterator[LiveMeet]:
    """A meet-embed that lets the host site frame its pages (also named ``localhost``: another site)."""
    rooms = [("Partner sync", "admin_moderator_speaker", [(4.0, "mp4")])]
    ancestors = [host_site, other_site(host_site)]
    with run_meet(tmp_path_factory, rooms, frame_ancestors=ancestors) as meet:
        yield meet


def other_site(host_site: str) -> str:
    """The host site by another name: for cookies another site than meet-embed's ``127.0.0.1``."""
    return host_site.replace("127.0.0.1", "localhost")


def framing(host_site: str, url: str) -> str:
    return f"{host_site}/?src={quote(url, safe='')}"


def messages(page: Page) -> list[str]:
    seen: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type in ("error", "warning"):
            seen.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: seen.append(f"page error: {error}"))
    return seen


def test_framed_by_an_allowed_origin(framed_meet: LiveMeet, host_site: str, page: Page) -> None:
    seen = messages(page)
    room = framed_meet.room("Partner sync")
    with page.expect_response(lambda r: "/meet/room/" in r.url) as framed:
        page.goto(framing(host_site, room.moderator_url))
    csp = framed.value.headers["content-security-policy"]
    assert f"frame-ancestors 'self' {host_site}" in csp, csp
    frame = page.frame_locator("#meet")
    expect(frame.get_by_role("heading", level=1)).to_have_text("Partner sync")
    expect(frame.locator("meet-recordings li.item")).to_have_count(1)
    expect(frame.get_by_role("button", name="Start recording")).to_be_visible()
    frame.get_by_role("button", name=PLAY).click()
    video = frame.locator("meet-recording-player video")
    first = wait_playing(page, video)
    page.wait_for_timeout(600)
    assert float(video.evaluate("v => v.currentTime")) > first, "the framed video's clock does not advance"
    page.keyboard.press("Escape")
    expect(frame.get_by_role("dialog")).to_be_hidden()
    assert not [m for m in seen if "frame-ancestors" in m or "Content Security Policy" in m], seen


def test_framing_refused_without_the_setting(live_meet: LiveMeet, host_site: str, page: Page) -> None:
    seen = messages(page)
    responses: list[Response] = []
    page.on("response", lambda r: responses.append(r) if "/meet/room/" in r.url else None)
    page.goto(framing(host_site, live_meet.room("Daily standup").moderator_url))
    expect(page.get_by_role("heading", level=1)).to_have_text("Host application")
    # Chromium says why on the console ...
    page.wait_for_function("() => document.readyState === 'complete'")
    for _ in range(50):
        if any("frame-ancestors" in m for m in seen):
            break
        page.wait_for_timeout(100)
    # ("Framing '…' violates … "frame-ancestors 'self'". The request has been blocked."; older versions
    # said "Refused to frame …")
    assert any("frame-ancestors 'self'" in m and ("blocked" in m or "Refused" in m) for m in seen), seen
    # ... the server did answer, with a policy that only lets its own origin frame the page ...
    assert responses, "the framed page was never requested"
    assert "frame-ancestors 'self';" in responses[0].headers["content-security-policy"] + ";"
    # ... and the room never shows inside the frame.
    frame = next(f for f in page.frames if f.parent_frame is not None)
    assert frame.url.startswith("chrome-error://") or frame.url == "about:blank", frame.url
    expect(page.frame_locator("#meet").locator("meet-recordings")).to_have_count(0)
    expect(page.frame_locator("#meet").get_by_role("heading", name="Daily standup")).to_have_count(0)


def test_framed_console_sign_in(framed_meet: LiveMeet, host_site: str, page: Page) -> None:
    seen = messages(page)
    console = f"{framed_meet.base_url}{framed_meet.prefix}/console"
    # Shown on its own, the login focuses the password field.
    page.goto(console)
    expect(page.locator("#password")).to_be_focused()

    # Framed by another site over plain HTTP, the browser keeps no cookie for the frame: the login says so
    # (rather than sending the administrator back to the form), and offers a tab of its own.
    page.context.clear_cookies()
    page.goto(framing(other_site(host_site), console))
    frame = page.frame_locator("#meet")
    expect(frame.get_by_role("heading", name="Sign in")).to_be_visible()
    expect(frame.locator("#password")).not_to_be_focused()
    frame.locator("#password").fill(ADMIN_PASSWORD)
    frame.get_by_role("button", name="Sign in").click()
    expect(frame.get_by_role("alert")).to_contain_text("your browser did not keep the sign-in")
    expect(frame.get_by_role("link", name="Open the console in a new tab")).to_have_attribute(
        "target", "_blank"
    )
    # (autofocus in a cross-origin frame is refused with a console error: the module does not ask.)
    assert not [m for m in seen if "autofocus" in m.lower()], seen

    # Framed by the same site, the session holds and the console shows.
    page.context.clear_cookies()
    page.goto(framing(host_site, console))
    frame.locator("#password").fill(ADMIN_PASSWORD)
    frame.get_by_role("button", name="Sign in").click()
    expect(frame.get_by_role("heading", name="Recordings", level=1)).to_be_visible()
    expect(frame.locator("meet-recordings li.item")).to_have_count(1)
