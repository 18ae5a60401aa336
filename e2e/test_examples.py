"""End-to-end: the example host apps (examples/) in Chromium. For each framework: sign in on the host's own
page, see ``<meet-recordings>`` list the seeded recording, play it, load the host's iframe page, and open
meet-embed's console as the host's administrator. Then the plain static page on another origin, with and
without ``cors_origins`` / ``frame_ancestors``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import ConsoleMessage, Locator, Page, expect

from examples.harness import RunningExample
from tests.backends import needs_modules

# framework: (example module, modules it needs)
HOSTS = {
    "litestar": ("litestar_app", ()),
    "fastapi": ("fastapi_app", ("fastapi", "python_multipart")),
    "django": ("django_app", ("django",)),
    "flask": ("flask_app", ("flask", "a2wsgi")),
}
PLAY = re.compile(r"^Play recording of ")


def needs(*modules: str) -> None:
    needs_modules(*modules, install="pip install -r examples/requirements.txt")


@pytest.fixture
def console_messages(page: Page) -> list[str]:
    seen: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type in ("error", "warning"):
            seen.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: seen.append(f"page error: {error}"))
    return seen


def video_time(video: Locator) -> float:
    return float(video.evaluate("v => v.currentTime"))


def play_first_recording(page: Page, scope: Page | Locator | None = None) -> None:
    """Click the first Play button, and check that the player's clock advances."""
    (scope or page).get_by_role("button", name=PLAY).first.click()
    video = page.locator("meet-recording-player video")
    expect(video).to_be_visible()
    for _ in range(75):
        if video.evaluate("v => v.paused && v.readyState >= 2"):
            video.evaluate("v => v.play()")
        if video_time(video) > 0.5:
            break
        page.wait_for_timeout(200)
    first = video_time(video)
    assert first > 0.5, f"the video did not play (at {first}s)"
    page.wait_for_timeout(800)
    assert video_time(video) > first, "the video's clock does not advance"
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog")).to_be_hidden()


@pytest.fixture(scope="module", params=list(HOSTS))
def host(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RunningExample]:
    module, modules = HOSTS[request.param]
    needs(*modules)
    with RunningExample(module, tmp_path_factory.mktemp(request.param) / "data") as running:
        yield running


def test_host_signs_in_lists_plays_and_frames(
    host: RunningExample, page: Page, console_messages: list[str]
) -> None:
    page.goto(host.url("/recordings"))
    expect(page).to_have_url(re.compile(r"/login\?next=%2Frecordings$"))
    page.get_by_label("User name").fill("ada")
    page.get_by_label("Password").fill("ada-password")
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(host.url("/recordings"))
    expect(page.locator("[data-role]")).to_have_text("moderator")

    # The component, with the token the host minted: the seeded recording, playable.
    recordings = page.locator("meet-recordings")
    expect(recordings.locator("li.item")).to_have_count(1)
    expect(recordings).to_contain_text("1 recording")
    expect(page.get_by_role("button", name=re.compile("^Delete recording of "))).to_have_count(1)
    play_first_recording(page)

    # The iframe page: meet-embed's room page inside the host's page.
    page.get_by_role("link", name="Meeting room").click()
    expect(page).to_have_url(host.url("/meeting"))
    frame = page.frame_locator("iframe")
    expect(frame.get_by_role("heading", level=1)).to_have_text("Team meeting")
    expect(frame.locator("meet-recordings li.item")).to_have_count(1)
    expect(frame.get_by_role("button", name="Start recording")).to_be_visible()

    # The host's administrator is meet-embed's administrator (the hook reads the host's session).
    page.get_by_role("link", name="Recordings console").click()
    expect(page).to_have_url(host.url("/meet/console"))
    expect(page.locator("meet-recordings li.item")).to_have_count(1)
    expect(page.locator(".who")).to_contain_text("ada")

    assert not [m for m in console_messages if "Content Security Policy" in m or "page error" in m], (
        console_messages
    )


def test_host_normal_user_is_a_speaker(host: RunningExample, page: Page) -> None:
    page.goto(host.url("/login?next=%2Frecordings"))
    page.get_by_label("User name").fill("bob")
    page.get_by_label("Password").fill("bob-password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("[data-role]")).to_have_text("speaker")
    expect(page.locator("meet-recordings li.item")).to_have_count(1)
    expect(page.get_by_role("button", name=PLAY)).to_have_count(1)
    expect(page.get_by_role("button", name=re.compile("^Delete recording of "))).to_have_count(0)
    expect(page.get_by_role("link", name="Recordings console")).to_have_count(0)
    page.goto(host.url("/meet/console"))
    expect(page.get_by_role("heading", name="Administrators only")).to_be_visible()


# -- the static page on another origin -----------------------------------------------------------------------


def static_page_url(site: RunningExample, role: str = "moderator") -> str:
    printed = re.search(rf"{role}: (\S+)", site.log())
    assert printed is not None, site.log()
    return printed.group(1)


@pytest.fixture(scope="module")
def static_allowed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningExample]:
    with RunningExample("static_html", tmp_path_factory.mktemp("static") / "data") as site:
        yield site


@pytest.fixture(scope="module")
def static_refused(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningExample]:
    data: Path = tmp_path_factory.mktemp("static-refused") / "data"
    with RunningExample("static_html", data, "--no-cors") as site:
        yield site


def test_static_page_with_cors_and_frame_ancestors(
    static_allowed: RunningExample, page: Page, console_messages: list[str]
) -> None:
    page.goto(static_page_url(static_allowed))
    expect(page.locator("#status")).to_have_text("Component module loaded.")
    recordings = page.locator("meet-recordings")
    expect(recordings.locator("li.item")).to_have_count(1)
    play_first_recording(page)
    frame = page.frame_locator("#room-frame")
    expect(frame.get_by_role("heading", level=1)).to_have_text("Team meeting")
    expect(frame.locator("meet-recordings li.item")).to_have_count(1)
    assert not [m for m in console_messages if "CORS" in m or "frame-ancestors" in m], console_messages


def test_static_page_without_them_is_refused(
    static_refused: RunningExample, page: Page, console_messages: list[str]
) -> None:
    page.goto(static_page_url(static_refused))
    # The module is a cross-origin module script: without CORS the browser does not run it.
    expect(page.locator("#status")).to_have_text("The component module could not be loaded (CORS?).")
    expect(page.locator("meet-recordings li.item")).to_have_count(0)
    assert page.evaluate("() => customElements.get('meet-recordings') === undefined")
    # The room page only lets its own origin frame it.
    page.wait_for_timeout(500)
    frame = next(f for f in page.frames if f.parent_frame is not None)
    assert frame.url.startswith("chrome-error://") or frame.locator("h1").count() == 0, frame.url
    assert any("blocked by CORS policy" in m for m in console_messages), console_messages
    assert any("frame-ancestors" in m for m in console_messages), console_messages
