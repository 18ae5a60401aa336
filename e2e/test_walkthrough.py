"""End-to-end: what a walk through the product found, as a user would notice it: the link a shared recording
copies, ZIPs of what can be played, selection that matches the bulk actions, lost access, live deletions,
revoking and expiring share links, keyboard focus after "Load more", every room in the room filter, the
``labels`` attribute, the elapsed time on a device whose clock is off.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Page, Request, Route, expect

from .conftest import API_KEY, LiveMeet, SeededRoom, create_room, delete_room, record_via_api
from .test_live import aborted_recording, listen
from .test_pages import DEEP_ACTIVE, PLAY, share_link, sign_in

HEADERS = {"X-API-KEY": API_KEY}


@pytest.fixture
def mixed_room(live_meet: LiveMeet, tmp_path: Path) -> Iterator[SeededRoom]:
    """A room of its own with one playable and one aborted recording."""
    room = create_room(live_meet, "Mixed room")
    try:
        room.recording_ids.append(record_via_api(live_meet, room, tmp_path / "mixed.webm"))
        room.recording_ids.append(aborted_recording(live_meet, room))
        yield room
    finally:
        delete_room(live_meet, room)


def set_access(live_meet: LiveMeet, room: SeededRoom, access: str) -> None:
    httpx.put(
        f"{live_meet.api}/rooms/{room.room_id}/config",
        json={"config": {"recording": {"allowAccessTo": access}}},
        headers=HEADERS,
    ).raise_for_status()


def test_copy_link_copies_the_share_link(live_meet: LiveMeet, page: Page) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    url = share_link(live_meet, live_meet.room("Design review").recording_ids[0])
    # The page's own address has more in it than the link (as a host page's would): not what is copied.
    page.goto(url + "&from=mail#top")
    created = listen(page, "meet-share-link-created")
    page.get_by_role("button", name="Copy link").click()
    expect(page.locator("meet-recording-player")).to_contain_text("Link copied to the clipboard")
    assert page.evaluate("() => navigator.clipboard.readText()") == url
    assert [c["url"] for c in created] == [url]


def test_zip_and_selection_follow_what_can_be_done(
    live_meet: LiveMeet, page: Page, mixed_room: SeededRoom
) -> None:
    playable, aborted = mixed_room.recording_ids
    # A speaker cannot delete: only the playable recording can be selected (for a ZIP).
    page.goto(mixed_room.speaker_url)
    recordings = page.locator("meet-recordings")
    expect(recordings.locator("li.item")).to_have_count(2)
    expect(recordings.get_by_role("checkbox", name=re.compile("^Select recording of "))).to_have_count(1)
    expect(recordings.locator("li.item", has_text="Aborted").get_by_role("checkbox")).to_have_count(0)

    # A moderator may delete the aborted one, but a ZIP of it alone is not offered.
    page.goto(mixed_room.moderator_url)
    expect(recordings.locator("li.item")).to_have_count(2)
    recordings.locator("li.item", has_text="Aborted").get_by_role("checkbox").check()
    expect(recordings.get_by_role("button", name="Delete", exact=True)).to_be_visible()
    expect(recordings.get_by_role("button", name="Download ZIP")).to_have_count(0)

    # Both: the ZIP holds the playable one, and says what it left out.
    recordings.locator("li.item", has_text="Ready").get_by_role("checkbox").check()
    zip_button = recordings.get_by_role("button", name="Download ZIP")
    expect(zip_button).to_have_accessible_description(re.compile("1 selected recording cannot be played"))
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url) if "/recordings/download-url" in r.url else None)
    with page.expect_download() as download:
        zip_button.click()
    assert download.value.suggested_filename == "recordings.zip"
    assert asked
    assert f"recordingIds={playable}" in asked[0]
    assert aborted not in asked[0]
    expect(recordings.locator("[part=notice]")).to_contain_text("it is not in the ZIP")

    # A refused ZIP link is said as such, never "Download started".
    page.route(
        re.compile(r"/recordings/download-url"),
        lambda route: route.fulfill(status=403, content_type="application/json", body='{"message":"no"}'),
    )
    zip_button.click()
    expect(recordings.locator("[part=notice]")).to_contain_text("You are not allowed to do this.")
    expect(recordings.locator("[part=toast]")).not_to_contain_text("Download started")


def test_access_taken_away_while_the_list_is_shown(
    live_meet: LiveMeet, page: Page, mixed_room: SeededRoom
) -> None:
    page.goto(mixed_room.moderator_url)
    recordings = page.locator("meet-recordings")
    expect(recordings.get_by_role("button", name=PLAY)).to_have_count(1)
    set_access(live_meet, mixed_room, "admin")
    # The player says no, without a "Try again" that could not help.
    recordings.get_by_role("button", name=PLAY).click()
    player = recordings.locator("meet-recording-player")
    expect(player.locator("[part=error]")).to_contain_text("You are not allowed to do this.")
    expect(player.get_by_role("button", name="Try again")).to_have_count(0)
    page.keyboard.press("Escape")
    # Refresh: no stale list whose actions the server refuses, but why.
    recordings.get_by_role("button", name="Refresh").click()
    expect(recordings.locator("[part=forbidden]")).to_contain_text("Only administrators can access")
    expect(recordings.locator("li.item")).to_have_count(0)


def test_a_deletion_elsewhere_leaves_the_list_at_once(
    live_meet: LiveMeet, page: Page, mixed_room: SeededRoom
) -> None:
    page.goto(mixed_room.moderator_url)
    items = page.locator("meet-recordings li.item")
    expect(items).to_have_count(2)
    page.wait_for_timeout(500)  # the event stream is connected
    listings: list[Request] = []
    page.on("request", lambda r: listings.append(r) if re.search(r"/api/v1/recordings\?", r.url) else None)
    httpx.delete(
        f"{live_meet.api}/recordings/{mixed_room.recording_ids[1]}", headers=HEADERS
    ).raise_for_status()
    expect(items).to_have_count(1, timeout=3000)
    page.wait_for_timeout(600)
    assert not listings, "the event itself removed it: no need to list again"


def test_share_links_expire_and_are_revoked(live_meet: LiveMeet, page: Page, mixed_room: SeededRoom) -> None:
    page.goto(mixed_room.moderator_url)
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url) if re.search(r"/recordings/[^/]+/url", r.url) else None)
    page.get_by_role("button", name=re.compile("^Share recording of ")).click()
    link = page.get_by_role("textbox", name="Share link")
    expect(link).to_have_attribute("placeholder", "Choose who can open the link first")
    page.wait_for_timeout(300)
    assert not asked, "no link is made before the user picks one"

    page.get_by_role("radio", name=re.compile("^Anyone with the link")).check()
    expect(link).to_have_value(re.compile(r"\?secret="))
    standing = link.input_value()
    page.get_by_role("combobox", name="The link works").select_option(label="For 1 day")
    expect(link).not_to_have_value(standing)
    expect(link).to_have_value(re.compile(r"\?secret="))
    expiring = link.input_value()
    assert "expiresIn=86400" in asked[-1], asked
    dialog = page.locator("meet-recordings meet-share-dialog")
    expect(dialog).to_contain_text("The link stops working on")

    page.get_by_role("button", name="Revoke all links").click()
    expect(page.get_by_role("group", name=re.compile("^Revoke every link"))).to_be_visible()
    expect(page.get_by_role("button", name="Cancel")).to_be_focused()
    page.get_by_role("button", name="Revoke links").click()
    expect(dialog).to_contain_text("Every earlier link was revoked.")
    expect(page.get_by_role("button", name="Revoke all links")).to_be_focused()
    for old in (standing, expiring):
        assert httpx.get(old).status_code == 400, old


def test_load_more_keeps_the_keyboard(live_meet: LiveMeet, page: Page) -> None:
    sign_in(page, live_meet)
    recordings = page.locator("meet-recordings")
    recordings.evaluate("el => { el.pageSize = 2; }")
    expect(recordings.locator("li.item")).to_have_count(2)
    recordings.get_by_role("button", name="Load more").focus()
    page.keyboard.press("Enter")
    expect(recordings.locator("li.item")).to_have_count(4)
    assert page.evaluate(DEEP_ACTIVE).endswith("LI"), page.evaluate(DEEP_ACTIVE)
    focused = recordings.locator("li.item").nth(2)
    expect(focused).to_be_focused()


def test_the_room_filter_offers_every_room(live_meet: LiveMeet, page: Page) -> None:
    """More rooms than one page of the rooms API holds (made up here: 100, then 30 more)."""

    def rooms(route: Route) -> None:
        token = re.search(r"nextPageToken=([^&]+)", route.request.url)
        first, count = (100, 30) if token else (0, 100)
        body = {
            "rooms": [
                {"roomId": f"Room{n:03d}-x", "roomName": f"Room {n:03d}"} for n in range(first, first + count)
            ],
            "pagination": {
                "isTruncated": not token,
                "maxItems": 100,
                **({} if token else {"nextPageToken": "p2"}),
            },
        }
        route.fulfill(status=200, content_type="application/json", body=json.dumps(body))

    page.route(re.compile(r"/api/v1/rooms\?"), rooms)
    sign_in(page, live_meet)
    options = page.get_by_role("combobox", name="Room").locator("option")
    expect(options).to_have_count(131)
    expect(options.last).to_have_text("Room 129")


def test_labels_from_the_attribute(live_meet: LiveMeet, page: Page) -> None:
    page.goto(live_meet.room("Daily standup").moderator_url)
    recordings = page.locator("meet-recordings")
    expect(recordings.locator("li.item").first).to_be_visible()
    recordings.evaluate(
        """el => el.setAttribute('labels', JSON.stringify({listTitle: 'Aufnahmen', play: 'Abspielen'}))"""
    )
    expect(recordings.get_by_role("heading", name="Aufnahmen")).to_be_visible()
    expect(recordings.get_by_role("button", name=PLAY).first).to_have_attribute("title", "Abspielen")


def test_the_elapsed_time_counts_from_the_servers_clock(
    live_meet: LiveMeet, page: Page, mixed_room: SeededRoom
) -> None:
    # This device's clock is an hour ahead.
    page.add_init_script("{ const real = Date.now; Date.now = () => real() + 3600 * 1000; }")
    page.goto(mixed_room.speaker_url)
    started = httpx.post(f"{live_meet.api}/recordings", json={"roomId": mixed_room.room_id}, headers=HEADERS)
    started.raise_for_status()
    try:
        elapsed = page.locator("meet-recording-controls [part=elapsed]")
        expect(elapsed).to_have_text(re.compile(r"^0:0\d$"))
        page.wait_for_timeout(1500)
        expect(elapsed).to_have_text(re.compile(r"^0:0\d$"))
    finally:
        httpx.post(f"{live_meet.api}/recordings/{started.json()['recordingId']}/stop", headers=HEADERS)
