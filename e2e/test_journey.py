"""End-to-end: the whole life of one recording, as the people of a meeting see it, in one test.

A moderator records a few seconds with the (fake) camera from the room page; a speaker, in a browser of
their own, sees the recording indicator come and go; the recording becomes ready in both lists; the speaker
plays it and seeks in it; the moderator downloads it (a real MP4), shares it, and a stranger without any
token plays the link; the speaker may not delete it (no button, and the API refuses); the moderator deletes
it and it is gone for everyone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import BrowserContext, ConsoleMessage, Page, expect

from .conftest import API_KEY, LiveMeet, SeededRoom, create_room, delete_room, save_screenshot
from .test_pages import PLAY, video_time, wait_playing

DELETE = re.compile("^Delete recording of ")


@pytest.fixture
def journey_room(live_meet: LiveMeet) -> Iterator[SeededRoom]:
    room = create_room(live_meet, "Product demo")
    yield room
    delete_room(live_meet, room)


def watch(page: Page, seen: list[str]) -> Page:
    """Collect the page's script errors and CSP refusals into ``seen``."""

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error" and "Content Security Policy" in message.text:
            seen.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: seen.append(f"page error: {error}"))
    return page


def test_a_recording_from_start_to_deletion(
    live_meet: LiveMeet,
    page: Page,
    new_context: Callable[..., BrowserContext],
    journey_room: SeededRoom,
    tmp_path: Path,
) -> None:
    problems: list[str] = []
    moderator = watch(page, problems)
    moderator.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_meet.base_url)
    speaker = watch(new_context().new_page(), problems)

    moderator.goto(journey_room.moderator_url)
    speaker.goto(journey_room.speaker_url)
    for person in (moderator, speaker):
        expect(person.locator("meet-recordings")).to_contain_text("No recordings yet")
    mod_controls = moderator.locator("meet-recording-controls")
    spk_controls = speaker.locator("meet-recording-controls")
    indicator = spk_controls.locator("[part=indicator]")
    expect(indicator).to_contain_text("Not recording")
    expect(spk_controls.get_by_role("button", name="Start recording")).to_have_count(0)

    # -- the moderator records with the camera; the speaker sees it happen, with the time running ----------
    mod_controls.get_by_role("button", name="Start recording").click()
    moderator.get_by_role("button", name=re.compile("^Camera and microphone")).click()
    expect(mod_controls.locator("[part=indicator]")).to_contain_text("REC")
    expect(indicator).to_contain_text("REC", timeout=10000)
    elapsed = spk_controls.locator("[part=elapsed]")
    expect(elapsed).to_have_text(re.compile(r"^0:0[1-9]$"), timeout=8000)
    first_tick = elapsed.inner_text()
    expect(elapsed).not_to_have_text(first_tick, timeout=4000)  # the clock runs
    expect(speaker.locator("meet-recordings .badge", has_text="Recording")).to_be_visible()
    save_screenshot(speaker, "journey-speaker-sees-the-recording")
    expect(mod_controls).to_contain_text(re.compile(r"Uploading: [2-9]\d* of"), timeout=10000)
    save_screenshot(moderator, "journey-moderator-records")
    mod_controls.get_by_role("button", name="Stop recording").click()
    expect(mod_controls).to_contain_text("Recording saved", timeout=15000)
    expect(indicator).to_contain_text("Not recording", timeout=10000)
    expect(elapsed).to_have_count(0)

    # -- ready in both lists, live ---------------------------------------------------------------------------
    for person in (moderator, speaker):
        items = person.locator("meet-recordings li.item")
        expect(items).to_have_count(1)
        expect(items.locator(".badge", has_text="Ready")).to_be_visible(timeout=20000)
    listing = httpx.get(
        f"{live_meet.api}/recordings", params={"roomId": journey_room.room_id}, headers={"X-API-KEY": API_KEY}
    ).json()["recordings"]
    assert [r["status"] for r in listing] == ["complete"]
    recording_id = listing[0]["recordingId"]
    assert listing[0]["duration"] > 2

    # -- the speaker plays it, and seeks ---------------------------------------------------------------------
    speaker.get_by_role("button", name=PLAY).click()
    video = speaker.locator("meet-recording-player video")
    first = wait_playing(speaker, video, beyond=0.3)
    speaker.wait_for_timeout(700)
    assert video_time(video) > first, "the video's clock does not advance"
    duration = float(video.evaluate("v => v.duration"))
    target = round(max(1.5, duration - 1.0), 2)
    video.evaluate("(v, t) => { v.currentTime = t; }", target)
    speaker.wait_for_function(
        "([v, t]) => v.currentTime >= t - 0.05 && v.readyState >= 2",
        arg=[video.element_handle(), target],
        timeout=10000,
    )
    save_screenshot(speaker, "journey-speaker-plays", full_page=False)
    speaker.keyboard.press("Escape")
    expect(speaker.get_by_role("dialog")).to_be_hidden()

    # -- the moderator downloads it: a real MP4 --------------------------------------------------------------
    with moderator.expect_download() as info:
        moderator.get_by_role("button", name=re.compile("^Download recording of ")).click()
    download = info.value
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    data = saved.read_bytes()
    assert download.suggested_filename.endswith(".mp4")
    assert len(data) > 10_000
    assert data[4:8] == b"ftyp", data[:16]

    # -- shares it; a stranger (no token, no session) plays the link -----------------------------------------
    moderator.get_by_role("button", name=re.compile("^Share recording of ")).click()
    moderator.get_by_role("radio", name=re.compile("^Anyone with the link")).check()
    field = moderator.get_by_role("textbox", name="Share link")
    expect(field).to_have_value(re.compile(r"/recording/.+\?secret="))
    moderator.get_by_role("button", name="Copy", exact=True).click()
    copied = moderator.locator("meet-recordings meet-share-dialog")
    expect(copied).to_contain_text("Link copied to the clipboard")
    link = moderator.evaluate("() => navigator.clipboard.readText()")
    assert link == field.input_value()
    save_screenshot(moderator, "journey-moderator-shares", full_page=False)
    moderator.keyboard.press("Escape")

    stranger = watch(new_context(permissions=[]).new_page(), problems)
    stranger.goto(link)
    expect(stranger.locator("meet-recording-player")).to_contain_text("Product demo")
    wait_playing(stranger, stranger.locator("meet-recording-player video"))
    save_screenshot(stranger, "journey-stranger-plays-the-link")

    # -- the speaker may not delete: no button, and the API says no ------------------------------------------
    expect(speaker.get_by_role("button", name=PLAY)).to_have_count(1)
    expect(speaker.get_by_role("button", name=DELETE)).to_have_count(0)
    speaker_token = speaker.locator("meet-recordings").get_attribute("token")
    assert speaker_token
    refused = speaker.request.delete(
        f"{live_meet.api}/recordings/{recording_id}", headers={"X-Room-Member-Token": speaker_token}
    )
    assert refused.status == 403, refused.text()

    # -- the moderator deletes it, confirmed; it is gone for everyone ----------------------------------------
    moderator.get_by_role("button", name=DELETE).click()
    expect(moderator.get_by_role("alertdialog", name="Delete this recording?")).to_be_visible()
    save_screenshot(moderator, "journey-moderator-confirms-the-deletion", full_page=False)
    moderator.locator("meet-recordings [part=confirm-delete]").click()
    expect(moderator.get_by_role("alertdialog")).to_be_hidden()
    expect(moderator.locator("meet-recordings li.item")).to_have_count(0)
    expect(moderator.locator("meet-recordings")).to_contain_text("No recordings yet")
    # The deletion reaches the speaker's list live (the room's event stream says so).
    expect(speaker.locator("meet-recordings li.item")).to_have_count(0)
    expect(speaker.locator("meet-recordings")).to_contain_text("No recordings yet")
    gone = httpx.get(f"{live_meet.api}/recordings/{recording_id}", headers={"X-API-KEY": API_KEY})
    assert gone.status_code == 404
    # And the share link no longer plays.
    answer = stranger.goto(link)
    assert answer is not None
    assert answer.status == 404
    assert not problems, problems
