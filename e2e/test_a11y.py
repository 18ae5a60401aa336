"""End-to-end: axe-core (frontend/node_modules/axe-core, pinned in frontend/package.json) finds no WCAG 2.1
A/AA violation on any page, in the light and the dark theme: the room page as moderator and as speaker (the
list, a room closed to the speaker, a recording in progress), the player, share, delete and source dialogs,
the recordings side panel, the shared recording page, the console (recordings; rooms with the create,
settings and delete dialogs showing a refused value and a refused deletion; activity), the login page and an
error page.

axe is injected as an init script (DevTools, so the pages' strict CSP does not apply to it) and looks into
the components' open shadow roots. A rule that gives a false positive on one node is waived below for that
node only, with the reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from playwright.sync_api import BrowserContext, Page, expect

from .conftest import (
    ADMIN_PASSWORD,
    API_KEY,
    REPO,
    LiveMeet,
    SeededRoom,
    create_room,
    delete_room,
    save_screenshot,
)
from .test_pages import PLAY, share_link, wait_playing

AXE = REPO / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
WCAG21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# (rule, a pattern of the node's axe target): a false positive, and why.
WAIVED: list[tuple[str, str]] = []

RUN_AXE = """async (tags) => {
    const result = await axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
    });
    return result.violations.map(v => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map(n => ({ target: JSON.stringify(n.target), summary: n.failureSummary })),
    }));
}"""


def violations(page: Page) -> list[str]:
    found: list[dict[str, Any]] = page.evaluate(RUN_AXE, WCAG21_AA)
    out: list[str] = []
    for violation in found:
        for node in violation["nodes"]:
            if any(violation["id"] == rule and re.search(target, node["target"]) for rule, target in WAIVED):
                continue
            out.append(
                f"{violation['id']} ({violation['impact']}): {violation['help']}\n"
                f"    at {node['target']}\n    {node['summary']}"
            )
    return out


@pytest.fixture
def busy_room(live_meet: LiveMeet) -> Iterator[SeededRoom]:
    """A room being recorded (started with the API key, nothing uploaded): the REC indicator shows."""
    room = create_room(live_meet, "Busy room")
    started = httpx.post(
        f"{live_meet.api}/recordings", json={"roomId": room.room_id}, headers={"X-API-KEY": API_KEY}
    )
    started.raise_for_status()
    yield room
    delete_room(live_meet, room)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations(
    live_meet: LiveMeet,
    new_context: Callable[..., BrowserContext],
    busy_room: SeededRoom,
    scheme: str,
) -> None:
    assert AXE.exists(), f"{AXE} is missing: run `cd frontend && npm ci`"
    context = new_context(color_scheme=scheme)
    context.add_init_script(path=AXE)
    page = context.new_page()
    report: dict[str, list[str]] = {}

    def audit(name: str) -> None:
        page.wait_for_timeout(300)  # dialogs and transitions settle
        found = violations(page)
        if found:
            report[name] = found
        save_screenshot(page, f"a11y-{name}-{scheme}", full_page=False)

    standup = live_meet.room("Daily standup")
    page.goto(standup.moderator_url)
    expect(page.locator("meet-recordings li.item img").first).to_be_visible()
    audit("room-moderator")

    page.get_by_role("button", name=PLAY).first.click()
    wait_playing(page, page.locator("meet-recording-player video"))
    page.locator("meet-recording-player video").evaluate("v => v.pause()")
    audit("player-dialog")
    page.keyboard.press("Escape")

    page.get_by_role("button", name=re.compile("^Share recording of ")).first.click()
    page.get_by_role("radio", name=re.compile("^Anyone with the link")).check()
    expect(page.get_by_role("textbox", name="Share link")).to_have_value(re.compile("secret="))
    audit("share-dialog")
    page.keyboard.press("Escape")

    page.get_by_role("button", name=re.compile("^Delete recording of ")).first.click()
    expect(page.get_by_role("alertdialog")).to_be_visible()
    audit("delete-dialog")
    page.keyboard.press("Escape")

    page.get_by_role("checkbox", name=re.compile("^Select recording of ")).first.check()
    audit("room-selection")

    page.goto(live_meet.room("All hands").moderator_url)
    expect(page.locator("meet-recordings")).to_contain_text("No recordings yet")
    page.get_by_role("button", name="Start recording").click()
    expect(page.get_by_role("dialog", name="What should be recorded?")).to_be_visible()
    audit("source-dialog")
    page.keyboard.press("Escape")

    page.goto(busy_room.moderator_url)
    expect(page.locator("meet-recording-controls [part=indicator]")).to_contain_text("REC")
    audit("room-recording")

    page.goto(standup.speaker_url)
    expect(page.locator("meet-recordings li.item").first).to_be_visible()
    page.locator("meet-recording-controls").evaluate("el => el.removeAttribute('hide-recordings-button')")
    audit("room-speaker")
    page.get_by_role("button", name="Recordings", exact=True).click()
    expect(page.locator("meet-recording-controls meet-recordings li.item").first).to_be_visible()
    audit("recordings-panel")
    page.keyboard.press("Escape")

    page.goto(live_meet.room("Design review").speaker_url)
    expect(page.locator("meet-recordings")).to_contain_text("Only administrators and moderators")
    audit("room-speaker-forbidden")

    page.goto(share_link(live_meet, live_meet.room("Design review").recording_ids[0]))
    wait_playing(page, page.locator("meet-recording-player video"))
    page.locator("meet-recording-player video").evaluate("v => v.pause()")
    audit("shared-recording")

    page.goto(standup.moderator_url.split("?")[0] + "?secret=wrong-secret-123")
    expect(page.get_by_role("heading", level=1)).to_have_text("This room link does not work")
    audit("error")

    page.goto(f"{live_meet.base_url}{live_meet.prefix}/console")
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    audit("login")
    page.fill("#password", ADMIN_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("meet-recordings li.item img").first).to_be_visible()
    audit("console")

    console_nav = page.get_by_role("navigation", name="Console")
    console_nav.get_by_role("link", name="Rooms").click()
    expect(page.locator("meet-rooms li.item").first).to_be_visible()
    audit("console-rooms")
    page.get_by_role("button", name="New room").click()
    expect(page.get_by_role("dialog", name="New room")).to_be_visible()
    audit("room-create-dialog")
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Edit the recording settings of Daily standup").click()
    expect(page.get_by_role("dialog", name="Settings of Daily standup")).to_be_visible()
    page.get_by_label("Retention in days").fill("-1")  # refused (422): the error is shown by the field
    page.get_by_role("button", name="Save").click()
    expect(page.locator("meet-rooms [part=field-error]")).to_be_visible()
    audit("room-settings-dialog")
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Delete room Daily standup").click()
    page.get_by_role("button", name="Delete room", exact=True).click()  # it has recordings: a 409
    expect(page.locator("meet-rooms [part=delete-error]")).to_be_visible()
    audit("room-delete-dialog")
    page.keyboard.press("Escape")

    console_nav.get_by_role("link", name="Activity").click()
    expect(page.locator("meet-activity li.entry").first).to_be_visible()
    audit("console-activity")

    assert not report, "\n\n".join(f"== {name}\n" + "\n".join(found) for name, found in report.items())
