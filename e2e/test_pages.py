"""End-to-end: meet-embed's pages and web components in real Chromium against a live server."""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, ConsoleMessage, Locator, Page, Route, expect

from .conftest import ADMIN_PASSWORD, API_KEY, LiveMeet, SeededRoom, save_screenshot

PLAY = re.compile(r"^Play recording of ")


@pytest.fixture
def problems(page: Page) -> Iterator[list[str]]:
    """Script errors and CSP refusals seen by the page; the test fails if there is any."""
    seen: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error" and "Content Security Policy" in message.text:
            seen.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: seen.append(f"page error: {error}"))
    yield seen
    assert not seen, seen


def video_time(video: Locator) -> float:
    return float(video.evaluate("v => v.currentTime"))


def wait_playing(page: Page, video: Locator, beyond: float = 0.5, timeout: float = 15.0) -> float:
    """Wait until the video's clock passed ``beyond`` seconds; start it if autoplay was refused."""
    waited = 0.0
    while waited < timeout:
        if video.evaluate("v => v.paused && v.readyState >= 2"):
            video.evaluate("v => v.play()")
        now = video_time(video)
        if now > beyond:
            return now
        page.wait_for_timeout(200)
        waited += 0.2
    raise AssertionError(f"the video did not play past {beyond}s (at {video_time(video)}s)")


def sign_in(page: Page, live_meet: LiveMeet) -> None:
    page.goto(f"{live_meet.base_url}{live_meet.prefix}/console")
    expect(page).to_have_url(re.compile(r"/login\?next="))
    page.fill("#password", ADMIN_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/console$"))


def share_link(live_meet: LiveMeet, recording_id: str, private: bool = False) -> str:
    answer = httpx.get(
        f"{live_meet.api}/recordings/{recording_id}/url",
        params={"privateAccess": str(private).lower()},
        headers={"X-API-KEY": API_KEY},
    )
    answer.raise_for_status()
    url: str = answer.json()["url"]
    return url


def remove_new_recordings(
    live_meet: LiveMeet, room: SeededRoom, timeout: float = 20.0
) -> list[dict[str, Any]]:
    """Delete the recordings a test made in ``room`` (once finalized), so other tests see the seed only."""
    headers = {"X-API-KEY": API_KEY}
    deadline = time.monotonic() + timeout
    while True:
        listing = httpx.get(
            f"{live_meet.api}/recordings", params={"roomId": room.room_id, "maxItems": "100"}, headers=headers
        ).json()["recordings"]
        made = [r for r in listing if r["recordingId"] not in room.recording_ids]
        if all(r["status"] in ("complete", "failed", "aborted") for r in made) or time.monotonic() > deadline:
            break
        time.sleep(0.3)
    for r in made:
        httpx.delete(f"{live_meet.api}/recordings/{r['recordingId']}", headers=headers)
    return made


# -- the room page ---------------------------------------------------------------------------------------


def test_room_page_lists_and_plays(live_meet: LiveMeet, page: Page, problems: list[str]) -> None:
    room = live_meet.room("Daily standup")
    page.goto(room.moderator_url)
    expect(page.get_by_role("heading", level=1, name="Daily standup")).to_be_visible()
    expect(page.locator("meet-recordings li.item")).to_have_count(3)
    expect(page.locator("meet-recordings")).to_contain_text("3 recordings")
    # A moderator may play, download, share and delete every recording; and record.
    for action in ("Play", "Download", "Share", "Delete"):
        expect(page.get_by_role("button", name=re.compile(f"^{action} recording of "))).to_have_count(3)
    expect(page.get_by_role("button", name="Start recording")).to_be_visible()
    # The components' styles are constructed style sheets, which the pages' CSP (style-src 'self') allows.
    styled = page.locator("meet-recordings").evaluate(
        """el => el.shadowRoot.adoptedStyleSheets.length > 0
            && getComputedStyle(el.shadowRoot.querySelector('h2')).fontWeight === '750'"""
    )
    assert styled, "the components' styles were not applied"

    page.get_by_role("button", name=PLAY).first.click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    video = page.locator("meet-recording-player video")
    first = wait_playing(page, video)
    page.wait_for_timeout(800)
    assert video_time(video) > first, "the video's clock does not advance"
    # Seeking goes through ranged requests to the media.
    video.evaluate("v => { v.currentTime = 9; }")
    page.wait_for_function(
        "v => v.currentTime >= 9 && v.readyState >= 2", arg=video.element_handle(), timeout=10000
    )
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()


def test_speaker_sees_why_a_room_is_closed_to_them(
    live_meet: LiveMeet, page: Page, problems: list[str]
) -> None:
    page.goto(live_meet.room("Design review").speaker_url)
    expect(page.locator("meet-recordings")).to_contain_text(
        "Only administrators and moderators can access this room's recordings."
    )
    expect(page.get_by_role("button", name="Start recording")).to_have_count(0)


def test_speaker_plays_but_does_not_delete(live_meet: LiveMeet, page: Page, problems: list[str]) -> None:
    page.goto(live_meet.room("Daily standup").speaker_url)
    expect(page.locator("meet-recordings li.item")).to_have_count(3)
    expect(page.get_by_role("button", name=PLAY)).to_have_count(3)
    expect(page.get_by_role("button", name=re.compile("^Delete recording of "))).to_have_count(0)
    expect(page.get_by_role("button", name=re.compile("^Share recording of "))).to_have_count(0)


def test_dialogs_are_keyboard_operable(live_meet: LiveMeet, page: Page, problems: list[str]) -> None:
    page.goto(live_meet.room("Daily standup").moderator_url)
    share = page.get_by_role("button", name=re.compile("^Share recording of ")).first
    share.focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="Share recording")
    expect(dialog).to_be_visible()
    link = page.get_by_role("textbox", name="Share link")
    # No link is made before the viewer picks who may open it; the first choice has the focus.
    expect(link).to_have_value("")
    page.keyboard.press("Space")
    expect(link).to_have_value(re.compile(r"/recording/.+\?secret="))
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(share).to_be_focused()

    delete = page.get_by_role("button", name=re.compile("^Delete recording of ")).first
    delete.focus()
    page.keyboard.press("Enter")
    confirm = page.get_by_role("alertdialog", name="Delete this recording?")
    expect(confirm).to_be_visible()
    expect(page.get_by_role("button", name="Cancel")).to_be_focused()
    page.keyboard.press("Enter")
    expect(confirm).to_be_hidden()
    expect(page.locator("meet-recordings li.item")).to_have_count(3)


def test_recordings_side_panel_from_the_controls(
    live_meet: LiveMeet, page: Page, problems: list[str]
) -> None:
    page.goto(live_meet.room("Daily standup").speaker_url)
    page.locator("meet-recording-controls").evaluate("el => el.removeAttribute('hide-recordings-button')")
    page.get_by_role("button", name="Recordings", exact=True).click()
    panel = page.get_by_role("dialog", name="Daily standup")
    expect(panel).to_be_visible()
    # The list is slotted into the dialog: it is the controls' <meet-recordings>.
    expect(page.locator("meet-recording-controls meet-recordings li.item")).to_have_count(3)
    page.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    expect(page.get_by_role("button", name="Recordings", exact=True)).to_be_focused()


# -- recording from the browser --------------------------------------------------------------------------


def test_moderator_records_with_the_camera(live_meet: LiveMeet, page: Page, problems: list[str]) -> None:
    room = live_meet.room("Board meeting")
    page.goto(room.moderator_url)
    # A moderator of an admin-only room may record, but not list.
    expect(page.locator("meet-recordings")).to_contain_text("Only administrators can access")
    controls = page.locator("meet-recording-controls")
    controls.get_by_role("button", name="Start recording").click()
    page.get_by_role("button", name=re.compile("^Camera and microphone")).click()
    expect(controls.locator("[part=indicator]")).to_contain_text("REC")
    page.wait_for_timeout(4500)
    expect(controls).to_contain_text(re.compile(r"Uploading: \d+ of \d+ parts"))
    controls.get_by_role("button", name="Stop recording").click()
    # Saved, but not for this moderator to play: the notice says who can.
    expect(controls).to_contain_text("In this room only administrators can play it", timeout=15000)
    expect(controls).not_to_contain_text("ready to play")
    expect(controls.get_by_role("button", name="Start recording")).to_be_visible()

    made = remove_new_recordings(live_meet, room)
    assert len(made) == 1
    assert made[0]["status"] == "complete"
    assert made[0]["duration"] > 3


# -- the shared recording page ---------------------------------------------------------------------------


def test_shared_recording_page(live_meet: LiveMeet, browser: Browser) -> None:
    room = live_meet.room("Design review")
    url = share_link(live_meet, room.recording_ids[0])
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(url)
        expect(page.locator("meet-recording-player")).to_contain_text("Design review")
        wait_playing(page, page.locator("meet-recording-player video"))
        expect(page.get_by_role("button", name="Copy link")).to_be_visible()

        # The link cut short before its secret: said as such (not "private, sign in").
        cut = page.goto(url.split("?secret=")[0])
        assert cut is not None
        assert cut.status == 401
        expect(page.get_by_role("heading", level=1)).to_have_text("This link is incomplete")
        expect(page.locator("main")).to_contain_text("missing its secret")

        wrong = page.goto(url.split("?secret=")[0] + "?secret=not-the-right-secret")
        assert wrong is not None
        assert wrong.status == 400
        expect(page.get_by_role("heading", level=1)).to_have_text("This link does not work")

        private = page.goto(share_link(live_meet, room.recording_ids[0], private=True))
        assert private is not None
        assert private.status == 401
        expect(page.get_by_role("link", name="Sign in")).to_have_attribute(
            "href", re.compile(r"/login\?next=")
        )
        # Signing in leads back to the private link, which then plays.
        page.get_by_role("link", name="Sign in").click()
        page.fill("#password", ADMIN_PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        expect(page).to_have_url(re.compile(r"/recording/.+\?secret="))
        wait_playing(page, page.locator("meet-recording-player video"))
        save_screenshot(page, "test_pages-test_shared_recording_page-private-after-sign-in")
    finally:
        context.close()


def test_room_link_errors_are_pages(live_meet: LiveMeet, page: Page) -> None:
    room = live_meet.room("Daily standup")
    answer = page.goto(room.moderator_url.split("?")[0] + "?secret=wrong-secret-123")
    assert answer is not None
    assert answer.status == 400
    expect(page.get_by_role("heading", level=1)).to_have_text("This room link does not work")
    answer = page.goto(f"{live_meet.base_url}{live_meet.prefix}/room/No-such-room?secret=abcdefgh12")
    assert answer is not None
    assert answer.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Room not found")


# -- the console -----------------------------------------------------------------------------------------


def test_console_shows_every_room_after_login(live_meet: LiveMeet, page: Page, problems: list[str]) -> None:
    def count(**params: str) -> int:
        answer = httpx.get(
            f"{live_meet.api}/recordings",
            params={"maxItems": "100", **params},
            headers={"X-API-KEY": API_KEY},
        )
        return len(answer.json()["recordings"])

    sign_in(page, live_meet)
    recordings = page.locator("meet-recordings")
    expect(recordings.locator("li.item")).to_have_count(min(20, count()))
    for room in live_meet.rooms:
        if room.recording_ids:
            expect(recordings.locator(".name", has_text=room.room_name).first).to_be_visible()
    rooms = page.get_by_role("combobox", name="Room")
    expect(rooms.locator("option")).to_have_count(len(live_meet.rooms) + 1)
    rooms.select_option(label="Board meeting")
    expect(recordings.locator("li.item")).to_have_count(count(roomId=live_meet.room("Board meeting").room_id))
    rooms.select_option(label="All rooms")
    page.get_by_role("searchbox", name="Search by room name").fill("design")
    expect(recordings.locator("li.item")).to_have_count(count(roomName="design"))

    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(re.compile(r"/login$"))


# -- static files ------------------------------------------------------------------------------------------


def test_static_files_are_versioned(live_meet: LiveMeet) -> None:
    page_html = httpx.get(live_meet.room("Daily standup").moderator_url).text
    match = re.search(r'src="([^"]+/static/meet-embed\.js\?v=([0-9a-f]{12}))"', page_html)
    assert match, "the page does not load the versioned module"
    versioned = httpx.get(live_meet.base_url + match.group(1))
    assert versioned.status_code == 200
    assert versioned.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert versioned.headers["content-type"] == "text/javascript; charset=utf-8"
    plain = httpx.get(f"{live_meet.base_url}{live_meet.prefix}/static/meet-embed.js")
    assert plain.headers["cache-control"] == "public, max-age=300"
    again = httpx.get(
        live_meet.base_url + match.group(1), headers={"If-None-Match": versioned.headers["etag"]}
    )
    assert again.status_code == 304
    assert httpx.get(f"{live_meet.base_url}{live_meet.prefix}/static/../web/pages.py").status_code == 404


# -- screenshots of every page, light and dark, desktop and phone -------------------------------------------

VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_pages_look_right(
    live_meet: LiveMeet, browser: Browser, screenshots_dir: Path | None, scheme: str, device: str
) -> None:
    context = browser.new_context(
        viewport=VIEWPORTS[device],  # type: ignore[arg-type]
        color_scheme=scheme,  # type: ignore[arg-type]
        device_scale_factor=1,
        is_mobile=device == "phone",
        has_touch=device == "phone",
        permissions=["camera", "microphone"],
        locale="en-US",
        timezone_id="UTC",
    )
    page = context.new_page()
    refused: list[str] = []
    page.on(
        "console",
        lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.on("pageerror", lambda e: refused.append(str(e)))

    def shot(name: str, full_page: bool = True) -> None:
        page.wait_for_timeout(400)  # dialogs and posters settle
        # Always a test artifact; the documentation's curated set only when asked for.
        made = save_screenshot(page, f"{name}-{scheme}-{device}", full_page=full_page)
        if screenshots_dir is not None and made is not None:
            shutil.copyfile(made, screenshots_dir / made.name)

    try:
        room = live_meet.room("Daily standup")
        # Loading: the list's first answer held back a moment, to see the skeletons.
        release: list[Route] = []
        page.route(re.compile(r"/api/v1/recordings\?"), lambda route: release.append(route))
        page.goto(room.moderator_url)
        page.wait_for_timeout(600)
        shot("room-loading", full_page=False)
        for held in release:
            held.fallback()
        page.unroute(re.compile(r"/api/v1/recordings\?"))
        expect(page.locator("meet-recordings li.item img").first).to_be_visible()
        shot("room")

        page.goto(live_meet.room("All hands").moderator_url)
        expect(page.locator("meet-recordings")).to_contain_text("No recordings yet")
        shot("room-empty")
        page.goto(room.moderator_url)
        expect(page.locator("meet-recordings li.item img").first).to_be_visible()

        page.get_by_role("button", name=PLAY).first.click()
        wait_playing(page, page.locator("meet-recording-player video"), beyond=1.0)
        page.locator("meet-recording-player video").evaluate("v => v.pause()")
        shot("player-dialog", full_page=False)
        page.keyboard.press("Escape")

        page.get_by_role("button", name=re.compile("^Share recording of ")).first.click()
        page.get_by_role("radio", name=re.compile("^Anyone with the link")).check()
        expect(page.get_by_role("textbox", name="Share link")).to_have_value(re.compile("secret="))
        shot("share-dialog", full_page=False)
        page.keyboard.press("Escape")

        page.get_by_role("button", name=re.compile("^Delete recording of ")).first.click()
        shot("delete-dialog", full_page=False)
        page.keyboard.press("Escape")

        # Recording, in a room of its own so that the other pictures stay the same.
        page.goto(live_meet.room("Team retro").moderator_url)
        expect(page.locator("meet-recordings li.item img").first).to_be_visible()
        controls = page.locator("meet-recording-controls")
        controls.get_by_role("button", name="Start recording").click()
        shot("record-source-dialog", full_page=False)
        page.get_by_role("button", name=re.compile("^Camera and microphone")).click()
        expect(controls).to_contain_text(re.compile(r"Uploading: [1-9]"), timeout=10000)
        page.wait_for_timeout(1500)
        shot("room-recording")
        controls.get_by_role("button", name="Stop recording").click()
        expect(controls).to_contain_text("Recording saved", timeout=15000)
        remove_new_recordings(live_meet, live_meet.room("Team retro"))

        page.goto(room.moderator_url)
        controls.evaluate("el => el.removeAttribute('hide-recordings-button')")
        controls.get_by_role("button", name="Recordings", exact=True).click()
        expect(controls.locator("meet-recordings li.item img").first).to_be_visible()
        shot("recordings-panel", full_page=False)
        page.keyboard.press("Escape")

        page.goto(live_meet.room("Design review").speaker_url)
        expect(page.locator("meet-recordings")).to_contain_text("Only administrators and moderators")
        shot("room-speaker-forbidden")

        page.goto(share_link(live_meet, live_meet.room("Design review").recording_ids[0]))
        wait_playing(page, page.locator("meet-recording-player video"), beyond=1.0)
        page.locator("meet-recording-player video").evaluate("v => v.pause()")
        shot("shared-recording")

        page.goto(room.moderator_url.split("?")[0] + "?secret=wrong-secret-123")
        shot("error")

        sign_in_page = f"{live_meet.base_url}{live_meet.prefix}/console"
        page.goto(sign_in_page)
        shot("login")
        page.fill("#password", ADMIN_PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        expect(page.locator("meet-recordings li.item img").first).to_be_visible()
        shot("console")
        checks = page.get_by_role("checkbox", name=re.compile("^Select recording of "))
        checks.nth(0).check()
        checks.nth(1).check()
        shot("console-selection", full_page=False)

        # The rooms, with one that has settings of its own, and what the dialogs say when the server refuses.
        board = live_meet.room("Board meeting")
        httpx.put(
            f"{live_meet.api}/rooms/{board.room_id}/config",
            json={"config": {"recording": {"maxDuration": 3600, "retentionDays": 90}}},
            headers={"X-API-KEY": API_KEY},
        ).raise_for_status()
        console_nav = page.get_by_role("navigation", name="Console")
        console_nav.get_by_role("link", name="Rooms").click()
        expect(page.locator("meet-rooms li.item").first).to_be_visible()
        shot("console-rooms")
        page.get_by_role("button", name="Edit the recording settings of Board meeting").click()
        page.get_by_label("Retention in days").fill("40000")
        page.get_by_role("button", name="Save").click()
        expect(page.locator("meet-rooms [part=field-error]")).to_be_visible()
        shot("room-settings-dialog", full_page=False)
        page.keyboard.press("Escape")
        page.get_by_role("button", name="Delete room Daily standup").click()
        page.get_by_role("button", name="Delete room", exact=True).click()
        expect(page.locator("meet-rooms [part=delete-error]")).to_be_visible()
        shot("room-delete-dialog", full_page=False)
        page.keyboard.press("Escape")
        console_nav.get_by_role("link", name="Activity").click()
        expect(page.locator("meet-activity li.entry").first).to_be_visible()
        shot("console-activity", full_page=False)
    finally:
        context.close()
    assert not refused, refused


# -- accessibility and layout details --------------------------------------------------------------------

DEEP_ACTIVE = """() => {
    let a = document.activeElement; const path = [];
    while (a) { path.push(a.tagName); a = a.shadowRoot ? a.shadowRoot.activeElement : null; }
    return path.join(' > ');
}"""


def test_focus_stays_in_a_dialog(live_meet: LiveMeet, page: Page, problems: list[str]) -> None:
    page.goto(live_meet.room("Daily standup").moderator_url)
    page.get_by_role("button", name=re.compile("^Share recording of ")).first.click()
    page.get_by_role("radio", name=re.compile("^Anyone with the link")).check()
    expect(page.get_by_role("textbox", name="Share link")).to_have_value(re.compile("secret="))
    for key in ["Tab"] * 7 + ["Shift+Tab"] * 7:
        page.keyboard.press(key)
        assert "MEET-SHARE-DIALOG" in page.evaluate(DEEP_ACTIVE), f"focus left the dialog after {key}"


def test_theme_switch(live_meet: LiveMeet, page: Page, problems: list[str]) -> None:
    page.goto(live_meet.room("Daily standup").moderator_url)
    switch = page.get_by_role("button", name=re.compile("^Theme: "))
    expect(switch).to_have_accessible_name(re.compile("automatic"))
    for theme in ("light", "dark"):
        switch.click()
        expect(page.locator("html")).to_have_attribute("data-theme", theme)
        expect(page.locator("meet-recordings")).to_have_attribute("theme", theme)
        expect(page.locator("meet-recording-controls")).to_have_attribute("theme", theme)
    page.reload()  # remembered
    expect(page.locator("meet-recordings")).to_have_attribute("theme", "dark")
    switch.click()
    expect(page.locator("html")).not_to_have_attribute("data-theme", re.compile(".*"))
    expect(page.locator("meet-recordings")).to_have_attribute("theme", "auto")


def test_nothing_overflows_at_360_pixels(live_meet: LiveMeet, browser: Browser) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        urls = [
            live_meet.room("Daily standup").moderator_url,
            share_link(live_meet, live_meet.room("Daily standup").recording_ids[0]),
        ]
        for name, url in zip(("room", "shared-recording"), urls, strict=True):
            page.goto(url)
            page.wait_for_timeout(1200)
            save_screenshot(page, f"test_pages-360px-{name}")
            width = page.evaluate("() => document.documentElement.scrollWidth")
            assert width <= 360, f"{url} is {width}px wide"
        sign_in(page, live_meet)
        expect(page.locator("meet-recordings li.item").first).to_be_visible()
        save_screenshot(page, "test_pages-360px-console")
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 360
    finally:
        context.close()
