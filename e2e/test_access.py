"""End-to-end: a room's ``allowAccessTo``, set through the rooms API with the API key, decides what its
moderator and its speaker see on the room page: the list with the actions their role allows, or why not.

What users are promised: administrators always; "admin_moderator" adds moderators, "admin_moderator_speaker"
(the default) speakers too; speakers only ever play (and download), moderators also share and delete.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import httpx
import pytest
from playwright.sync_api import BrowserContext, expect

from .conftest import (
    API_KEY,
    LiveMeet,
    SeededRoom,
    create_room,
    delete_room,
    record_via_api,
    save_screenshot,
)

HEADERS = {"X-API-KEY": API_KEY}
ROLES = ("moderator", "speaker")
# setting: the roles that see the list
ALLOWED = {
    "admin": (),
    "admin_moderator": ("moderator",),
    "admin_moderator_speaker": ("moderator", "speaker"),
}
EXPLANATION = {
    "admin": "Only administrators can access this room's recordings.",
    "admin_moderator": "Only administrators and moderators can access this room's recordings.",
}


def actions(name: str) -> re.Pattern[str]:
    return re.compile(f"^{name} recording of ")


@pytest.fixture(scope="module")
def access_room(
    live_meet: LiveMeet, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[SeededRoom, str]]:
    room = create_room(live_meet, "Access check")
    try:
        recording_id = record_via_api(live_meet, room, tmp_path_factory.mktemp("access") / "a.webm")
        yield room, recording_id
    finally:
        delete_room(live_meet, room)


@pytest.mark.parametrize("setting", list(ALLOWED))
def test_what_each_role_sees(
    live_meet: LiveMeet,
    access_room: tuple[SeededRoom, str],
    new_context: Callable[..., BrowserContext],
    setting: str,
) -> None:
    room, recording_id = access_room
    changed = httpx.put(
        f"{live_meet.api}/rooms/{room.room_id}/config",
        json={"config": {"recording": {"allowAccessTo": setting}}},
        headers=HEADERS,
    )
    assert changed.status_code == 200, changed.text
    stored = httpx.get(f"{live_meet.api}/rooms/{room.room_id}", headers=HEADERS).json()
    assert stored["config"]["recording"]["allowAccessTo"] == setting

    context = new_context()
    for role in ROLES:
        page = context.new_page()
        page.goto(room.moderator_url if role == "moderator" else room.speaker_url)
        expect(page.locator(".chip")).to_have_text(role.capitalize())
        recordings = page.locator("meet-recordings")
        controls = page.locator("meet-recording-controls")
        # Recording itself is for moderators, whatever the access setting.
        expect(controls.locator("[part=indicator]")).to_contain_text("Not recording")
        expect(controls.get_by_role("button", name="Start recording")).to_have_count(
            1 if role == "moderator" else 0
        )
        token = recordings.get_attribute("token")
        assert token
        listing = page.request.get(
            f"{live_meet.api}/recordings",
            params={"roomId": room.room_id},
            headers={"X-Room-Member-Token": token},
        )
        if role in ALLOWED[setting]:
            expect(recordings.locator("li.item")).to_have_count(1)
            expect(recordings.locator("li.item .badge")).to_have_text("Ready")
            for name in ("Play", "Download"):
                expect(page.get_by_role("button", name=actions(name))).to_have_count(1)
            mine = 1 if role == "moderator" else 0
            for name in ("Share", "Delete"):
                expect(page.get_by_role("button", name=actions(name))).to_have_count(mine)
            # The server agrees with what the page shows.
            assert listing.status == 200
            assert [r["recordingId"] for r in listing.json()["recordings"]] == [recording_id]
            shared = page.request.get(
                f"{live_meet.api}/recordings/{recording_id}/url", headers={"X-Room-Member-Token": token}
            )
            assert shared.status == (200 if role == "moderator" else 403)
        else:
            expect(recordings.locator("[part=forbidden]")).to_contain_text(EXPLANATION[setting])
            expect(recordings).to_contain_text("An administrator decides who may see a room's recordings.")
            expect(recordings.locator("li.item")).to_have_count(0)
            for name in ("Play", "Download", "Share", "Delete"):
                expect(page.get_by_role("button", name=actions(name))).to_have_count(0)
            assert listing.status == 403
        # Never deleted through a page by a speaker, whatever the setting.
        if role == "speaker":
            refused = page.request.delete(
                f"{live_meet.api}/recordings/{recording_id}", headers={"X-Room-Member-Token": token}
            )
            assert refused.status == 403
        save_screenshot(page, f"access-{setting}-{role}")
        page.close()
