"""End-to-end: what the components do with the server's newer endpoints. Member tokens renew themselves
(``POST /rooms/{roomId}/token/refresh``) before they run out, or after a 401, without interrupting an upload;
the console follows every room through ``GET /recordings/events`` (polling only when that stream fails);
bulk-delete failures are told in the labels' words, from their ``code``.
"""

from __future__ import annotations

import base64
import json
import re
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from playwright.sync_api import Page, Request, Route, expect

from meet_embed.auth.tokens import mint_member_token

from .conftest import (
    API_KEY,
    LiveMeet,
    SeededRoom,
    create_room,
    delete_room,
    save_screenshot,
    wait_for_status,
)
from .test_pages import PLAY, remove_new_recordings, sign_in, video_time, wait_playing

HEADERS = {"X-API-KEY": API_KEY}
ELEMENTS = "meet-recordings, meet-recording-controls"


@pytest.fixture
def scratch_room(live_meet: LiveMeet) -> Iterator[SeededRoom]:
    room = create_room(live_meet, "Live room")
    yield room
    delete_room(live_meet, room)


def claims(token: str) -> dict[str, Any]:
    part = token.split(".")[1]
    decoded: dict[str, Any] = json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))
    return decoded


def listen(page: Page, event: str) -> list[dict[str, Any]]:
    """The ``detail`` of every ``event`` that reaches the document."""
    seen: list[dict[str, Any]] = []
    name = "on_" + event.replace("-", "_")
    page.expose_function(name, lambda detail: seen.append(detail))
    page.evaluate(f"() => document.addEventListener('{event}', e => window.{name}(e.detail))")
    return seen


def aborted_recording(live_meet: LiveMeet, room: SeededRoom) -> str:
    """Started and stopped with the API key before any media: an aborted recording, quickly."""
    started = httpx.post(f"{live_meet.api}/recordings", json={"roomId": room.room_id}, headers=HEADERS)
    started.raise_for_status()
    recording_id: str = started.json()["recordingId"]
    httpx.post(f"{live_meet.api}/recordings/{recording_id}/stop", headers=HEADERS)
    wait_for_status(live_meet, recording_id, ("aborted",))
    return recording_id


# -- member tokens renew themselves ----------------------------------------------------------------------


def test_a_token_renews_itself_and_the_upload_goes_on(
    live_meet: LiveMeet, page: Page, scratch_room: SeededRoom
) -> None:
    page.goto(scratch_room.moderator_url)
    controls = page.locator("meet-recording-controls")
    expect(controls.get_by_role("button", name="Start recording")).to_be_visible()
    # The host hands the page a token that lives 8 s (as if the meeting had lasted nearly two hours).
    short = mint_member_token(
        live_meet.config, scratch_room.room_id, "moderator", identity="ada-42", name="Ada", ttl=8
    )
    renewed = listen(page, "meet-token-refreshed")
    refreshes: list[Request] = []
    page.on("request", lambda r: refreshes.append(r) if r.url.endswith("/token/refresh") else None)
    page.evaluate(
        "([s, t]) => document.querySelectorAll(s).forEach(el => { el.token = t; })", [ELEMENTS, short]
    )
    expect(page.locator("meet-recordings")).to_contain_text("No recordings yet")
    expect(controls.get_by_role("button", name="Start recording")).to_be_visible()

    controls.get_by_role("button", name="Start recording").click()
    page.get_by_role("button", name=re.compile("^Camera and microphone")).click()
    expect(controls.locator("[part=indicator]")).to_contain_text("REC")
    # Renewed shortly before it ends (a quarter of its lifetime), once for the whole page.
    deadline = time.monotonic() + 10
    while len(renewed) < 2 and time.monotonic() < deadline:
        page.wait_for_timeout(200)
    assert len(renewed) == 2, renewed  # one event from each element on the page
    assert len(refreshes) == 1, [r.url for r in refreshes]
    fresh = renewed[0]["token"]
    assert renewed[1]["token"] == fresh
    assert renewed[0]["expiresAt"] > (claims(short)["exp"] + 3600) * 1000
    assert claims(fresh)["sub"] == "ada-42"
    assert claims(fresh)["role"] == "moderator"
    for selector in ("meet-recordings", "meet-recording-controls"):
        expect(page.locator(selector)).to_have_attribute("token", fresh)
    # Past the old token's end the recording goes on uploading, as the same moderator.
    page.wait_for_timeout(max(0, claims(short)["exp"] * 1000 - time.time() * 1000) + 2500)
    expect(controls).to_contain_text(re.compile(r"Uploading: [4-9]\d* of|Uploading: \d{2,} of"))
    assert not page.locator("meet-recording-controls [part=notice]").is_visible()
    controls.get_by_role("button", name="Stop recording").click()
    expect(controls).to_contain_text("Recording saved", timeout=15000)
    # The list did not start over: it followed the recording live with the renewed token.
    expect(page.locator("meet-recordings li.item .badge", has_text="Ready")).to_be_visible(timeout=20000)
    save_screenshot(page, "live-token-renewed-recording-saved")
    made = remove_new_recordings(live_meet, scratch_room)
    assert [r["status"] for r in made] == ["complete"]
    assert made[0]["duration"] > 8


def test_the_player_plays_on_through_a_renewal(live_meet: LiveMeet, page: Page) -> None:
    room = live_meet.room("Daily standup")
    page.goto(room.moderator_url)
    recordings = page.locator("meet-recordings")
    expect(recordings.locator("li.item")).to_have_count(3)
    short = mint_member_token(live_meet.config, room.room_id, "moderator", identity="bo-7", ttl=6)
    renewed = listen(page, "meet-token-refreshed")
    media_links: list[str] = []
    page.on("request", lambda r: media_links.append(r.url) if "/media-url" in r.url else None)
    recordings.evaluate("(el, t) => { el.token = t; }", short)
    expect(recordings.locator("li.item")).to_have_count(3)
    page.get_by_role("button", name=PLAY).first.click()
    video = page.locator("meet-recordings meet-recording-player video")
    wait_playing(page, video, beyond=0.3)
    expect(recordings).not_to_have_attribute("token", short, timeout=8000)
    at_renewal = video_time(video)
    page.wait_for_timeout(1000)
    # The same video element plays on from where it was: no reload, no new media link.
    assert video_time(video) > at_renewal >= 0.3
    assert len(media_links) == 1, media_links
    fresh = recordings.get_attribute("token")
    assert [d["token"] for d in renewed] == [fresh]  # the nested player is renewed with the list, quietly
    player_token = page.locator("meet-recordings meet-recording-player").evaluate("el => el.token")
    assert player_token == fresh
    page.keyboard.press("Escape")


def test_a_refused_request_renews_the_token_and_is_asked_again(
    live_meet: LiveMeet, page: Page, scratch_room: SeededRoom
) -> None:
    page.goto(scratch_room.moderator_url)
    recordings = page.locator("meet-recordings")
    expect(recordings).to_contain_text("No recordings yet")
    before = recordings.get_attribute("token")
    assert before
    renewed = listen(page, "meet-token-refreshed")
    # Tokens count in seconds: renewed within the second it was issued, a token comes back the same.
    page.wait_for_timeout(max(0, (claims(before)["iat"] + 1) * 1000 - time.time() * 1000) + 100)
    refused: list[str] = []

    def once_401(route: Route) -> None:
        if not refused and route.request.headers.get("x-room-member-token") == before:
            refused.append(route.request.url)
            route.fulfill(
                status=401, content_type="application/json", body='{"error":"x","message":"expired"}'
            )
        else:
            route.fallback()

    page.route(re.compile(r"/api/v1/recordings\?"), once_401)
    aborted_recording(live_meet, scratch_room)
    recordings.get_by_role("button", name="Refresh").click()
    expect(recordings.locator("li.item .badge", has_text="Aborted")).to_be_visible()
    assert len(refused) == 1
    expect(recordings).not_to_have_attribute("token", before)
    after = recordings.get_attribute("token")
    assert after
    assert claims(after)["sub"] == claims(before)["sub"]
    assert [d["token"] for d in renewed][-1:] == [after]
    assert not recordings.locator("[part=notice]").is_visible()


# -- the console follows every room -------------------------------------------------------------------------


def test_the_console_follows_every_room_live(
    live_meet: LiveMeet, page: Page, scratch_room: SeededRoom
) -> None:
    streams: list[str] = []
    listings: list[str] = []

    def on_request(request: Request) -> None:
        if "/api/v1/recordings/events" in request.url:
            streams.append(request.url)
        elif re.search(r"/api/v1/recordings\?", request.url):
            listings.append(request.url)

    page.on("request", on_request)
    sign_in(page, live_meet)
    recordings = page.locator("meet-recordings")
    expect(recordings.locator("li.item").first).to_be_visible()
    page.wait_for_timeout(300)
    assert len(streams) == 1
    before = len(listings)

    started = httpx.post(
        f"{live_meet.api}/recordings", json={"roomId": scratch_room.room_id}, headers=HEADERS
    )
    started.raise_for_status()
    live = recordings.locator("li.item", has_text="Live room")
    expect(live.locator(".badge")).to_have_text("Starting", timeout=3000)
    httpx.post(f"{live_meet.api}/recordings/{started.json()['recordingId']}/stop", headers=HEADERS)
    expect(live.locator(".badge")).to_have_text("Aborted", timeout=3000)
    save_screenshot(page, "live-console-follows-rooms")
    # Each change came as an event and was answered with one look at the list, not a poll every 5 s.
    page.wait_for_timeout(1000)
    assert 2 <= len(listings) - before <= 5, listings[before:]


def test_the_console_polls_when_the_stream_is_refused(
    live_meet: LiveMeet, page: Page, scratch_room: SeededRoom
) -> None:
    sign_in(page, live_meet)
    expect(page.locator("meet-recordings li.item").first).to_be_visible()
    # Something is being recorded, and the all-rooms stream is not to be had (an older server, a proxy).
    started = httpx.post(
        f"{live_meet.api}/recordings", json={"roomId": scratch_room.room_id}, headers=HEADERS
    )
    started.raise_for_status()
    page.route(
        re.compile(r"/api/v1/recordings/events"),
        lambda route: route.fulfill(status=404, content_type="application/json", body='{"message":"no"}'),
    )
    page.reload()
    live = page.locator("meet-recordings li.item", has_text="Live room")
    expect(live.locator(".badge")).to_have_text("Starting")
    httpx.post(f"{live_meet.api}/recordings/{started.json()['recordingId']}/stop", headers=HEADERS)
    # The list looks again every 5 s while something records.
    expect(live.locator(".badge")).to_have_text("Aborted", timeout=8000)
    expect(page.locator("meet-recordings")).not_to_contain_text("Live updates paused")


# -- bulk-delete failures in the labels' words --------------------------------------------------------------


def test_bulk_delete_failures_use_the_labels(
    live_meet: LiveMeet, page: Page, scratch_room: SeededRoom
) -> None:
    ids = [aborted_recording(live_meet, scratch_room) for _ in range(2)]
    page.goto(scratch_room.moderator_url)
    recordings = page.locator("meet-recordings")
    expect(recordings.locator("li.item")).to_have_count(2)
    recordings.evaluate("el => { el.labels = { deleteFailedNotFound: 'ya se había borrado' }; }")
    recordings.get_by_role("checkbox", name="Select all shown recordings").check()

    # Deleted elsewhere while the bulk delete is on its way (before the live event takes it off the list).
    def deleted_meanwhile(route: Route) -> None:
        httpx.delete(f"{live_meet.api}/recordings/{ids[0]}", headers=HEADERS).raise_for_status()
        route.continue_()

    page.route(re.compile(r"/api/v1/recordings\?recordingIds="), deleted_meanwhile)
    recordings.get_by_role("button", name="Delete", exact=True).click()
    page.locator("meet-recordings [part=confirm-delete]").click()
    notice = recordings.locator("[part=notice]")
    expect(notice).to_contain_text("1 deleted, 1 could not be deleted")
    expect(notice.locator("li")).to_have_count(1)
    expect(notice.locator("li")).to_contain_text(re.compile(r"^Live room, .+: ya se había borrado$"))
    expect(notice).not_to_contain_text("not found")  # the server's own words stay out of it
    save_screenshot(page, "live-bulk-delete-failure-labels")


def test_a_deletion_reaches_other_viewers_live(
    live_meet: LiveMeet, page: Page, scratch_room: SeededRoom
) -> None:
    recording_id = aborted_recording(live_meet, scratch_room)
    page.goto(scratch_room.speaker_url)
    items = page.locator("meet-recordings li.item")
    expect(items).to_have_count(1)
    httpx.delete(f"{live_meet.api}/recordings/{recording_id}", headers=HEADERS).raise_for_status()
    expect(items).to_have_count(0, timeout=3000)
