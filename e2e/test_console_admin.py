"""End-to-end: the administrators' console beyond the recordings, in Chromium against a meet-embed of its own.

An administrator signs in and, in the "Rooms" view, creates a room, changes its recording settings (who
may access, maximum duration, retention), is told why a value was refused (422), copies a room link, and
deletes rooms that have recordings with each policy (``fail`` is a 409 explained in the dialog, then
``close`` and ``force``). The "Activity" view then shows those actions, filtered by action, actor and room,
with the URL keeping the view and the filters across a reload and the browser's history.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from playwright.sync_api import BrowserContext, Page, Request, expect

from .conftest import ADMIN_PASSWORD, API_KEY, LiveMeet, run_meet

ROOMS: list[tuple[str, str, list[tuple[float, str]]]] = [
    ("Sales demo", "admin_moderator_speaker", [(3, "mp4")]),
    ("Support call", "admin_moderator", [(3, "mp4"), (2, "mp4")]),
]
HEADERS = {"X-API-KEY": API_KEY}

# What the page's components tell the host, kept in the page for the test to read.
RECORD_EVENTS = """() => {
    window.meetEvents = [];
    for (const name of ['meet-room-created', 'meet-room-updated', 'meet-room-deleted', 'meet-link-copied',
                        'meet-activity-filters-changed']) {
        document.addEventListener(name, (e) => window.meetEvents.push({ name, detail: e.detail }));
    }
}"""


@pytest.fixture(scope="module")
def meet(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveMeet]:
    """Two rooms with recordings, and a deployment default of 30 days' retention."""
    with run_meet(tmp_path_factory, rooms=ROOMS, retention_days=30) as live:
        yield live


@pytest.fixture
def admin(meet: LiveMeet, new_context: Callable[..., BrowserContext]) -> Iterator[Page]:
    """A page signed in to the console (clipboard allowed), with page errors and CSP refusals checked."""
    context = new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    problems: list[str] = []
    page.on(
        "console",
        lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.goto(f"{meet.base_url}{meet.prefix}/console?view=rooms")
    expect(page).to_have_url(re.compile(r"/login\?next="))
    page.fill("#password", ADMIN_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    # Signing in leads back to the view that was asked for.
    expect(page).to_have_url(re.compile(r"/console\?view=rooms$"))
    expect(page.locator("meet-rooms [part=count]")).to_be_visible()
    page.evaluate(RECORD_EVENTS)
    yield page
    assert not problems, problems


def room_by_name(meet: LiveMeet, name: str) -> dict[str, Any] | None:
    answer = httpx.get(f"{meet.api}/rooms", params={"roomName": name, "maxItems": "100"}, headers=HEADERS)
    answer.raise_for_status()
    return next((r for r in answer.json()["rooms"] if r["roomName"] == name), None)


def events(page: Page, name: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = page.evaluate(f"() => window.meetEvents.filter(e => e.name === {name!r})")
    return [e["detail"] for e in found]


def card(page: Page, name: str) -> Any:
    return page.locator("meet-rooms li.item").filter(has=page.get_by_role("heading", name=name, exact=True))


def setting(page: Page, room: str, term: str) -> Any:
    """What a room's card says of one setting."""
    dt = page.locator("dt", has_text=re.compile(f"^{re.escape(term)}$"))
    return card(page, room).locator("dl > div").filter(has=dt).locator("dd")


def settings_dialog(page: Page) -> Any:
    """The settings dialog's element (its slotted form is inside it, not inside its shadow <dialog>)."""
    return page.locator("meet-rooms meet-dialog.settings")


def delete_dialog(page: Page) -> Any:
    return page.locator("meet-rooms meet-dialog.delete")


def test_an_administrator_manages_rooms_and_reads_the_activity(meet: LiveMeet, admin: Page) -> None:
    page = admin
    nav = page.get_by_role("navigation", name="Console")
    expect(nav.get_by_role("link", name="Rooms")).to_have_attribute("aria-current", "page")
    expect(nav.get_by_role("link", name="Recordings")).not_to_have_attribute("aria-current", "page")
    expect(page).to_have_title("Rooms \u2013 Console")
    # The deployment's default retention, for rooms without their own.
    expect(setting(page, "Sales demo", "Retention")).to_have_text("Default (30 days)")

    # -- create a room -------------------------------------------------------------------------------
    page.get_by_role("button", name="New room").click()
    dialog = page.get_by_role("dialog", name="New room")
    expect(dialog).to_be_visible()
    expect(page.get_by_label("Room name")).to_be_focused()
    page.get_by_label("Room name").fill("Quarterly planning")
    page.get_by_role("radio", name="Admin and moderators").check()
    page.get_by_label("Maximum duration", exact=True).fill("90")  # minutes, the unit shown first
    page.get_by_label("Retention in days").fill("14")
    with page.expect_request(lambda r: r.method == "POST" and r.url.endswith("/api/v1/rooms")) as posted:
        page.get_by_role("button", name="Create room").click()
    assert posted.value.post_data_json == {
        "roomName": "Quarterly planning",
        "config": {
            "recording": {
                "enabled": True,
                "allowAccessTo": "admin_moderator",
                "maxDuration": 5400,
                "retentionDays": 14,
            }
        },
    }
    expect(dialog).to_be_hidden()
    expect(page.locator("meet-rooms [part=toast]")).to_contain_text("Room Quarterly planning created")
    expect(page.locator("meet-rooms li.item")).to_have_count(3)
    expect(page.locator("meet-rooms li.item").first).to_contain_text("Quarterly planning")  # newest first
    # The new room's settings button has the focus: the next step is one key away.
    expect(
        page.get_by_role("button", name="Edit the recording settings of Quarterly planning")
    ).to_be_focused()
    expect(setting(page, "Quarterly planning", "Who may access recordings")).to_have_text(
        "Admin and moderators"
    )
    expect(setting(page, "Quarterly planning", "Maximum duration")).to_have_text("1 hr 30 min")
    expect(setting(page, "Quarterly planning", "Retention")).to_have_text("14 days")
    created = room_by_name(meet, "Quarterly planning")
    assert created is not None
    assert created["config"]["recording"]["maxDuration"] == 5400
    assert created["config"]["recording"]["retentionDays"] == 14
    assert events(page, "meet-room-created")[0]["room"]["roomId"] == created["roomId"]

    # -- edit its settings: only what changed is sent ----------------------------------------------
    page.keyboard.press("Enter")  # the settings button has the focus
    dialog = page.get_by_role("dialog", name="Settings of Quarterly planning")
    expect(dialog).to_be_visible()
    expect(page.get_by_label("Maximum duration", exact=True)).to_have_value("90")
    expect(page.get_by_role("combobox", name="Unit of the maximum duration")).to_have_value("minutes")
    expect(page.get_by_label("Retention in days")).to_have_value("14")
    page.get_by_role("checkbox", name="Recording enabled").uncheck()
    page.get_by_label("Maximum duration", exact=True).fill("45")
    page.get_by_role("combobox", name="Unit of the maximum duration").select_option("seconds")
    page.get_by_label("Retention in days").fill("0")
    with page.expect_request(lambda r: r.method == "PUT" and r.url.endswith("/config")) as put:
        page.get_by_role("button", name="Save").click()
    assert put.value.post_data_json == {
        "config": {"recording": {"enabled": False, "maxDuration": 45, "retentionDays": 0}}
    }
    expect(dialog).to_be_hidden()
    expect(setting(page, "Quarterly planning", "Recording")).to_have_text("Off")
    expect(setting(page, "Quarterly planning", "Maximum duration")).to_have_text("45 sec")
    expect(setting(page, "Quarterly planning", "Retention")).to_have_text("Kept forever")
    updated = events(page, "meet-room-updated")
    assert updated[-1]["changes"] == {"enabled": False, "maxDuration": 45, "retentionDays": 0}

    # -- a value the server refuses: explained next to the field -------------------------------------
    page.get_by_role("button", name="Edit the recording settings of Quarterly planning").click()
    expect(dialog).to_be_visible()
    expect(page.get_by_label("Maximum duration", exact=True)).to_have_value("45")
    expect(page.get_by_role("combobox", name="Unit of the maximum duration")).to_have_value("seconds")
    retention = page.get_by_label("Retention in days")
    retention.fill("40000")
    with page.expect_response(lambda r: r.request.method == "PUT") as refused:
        page.get_by_role("button", name="Save").click()
    assert refused.value.status == 422
    expect(dialog).to_be_visible()
    expect(settings_dialog(page).get_by_role("alert")).to_contain_text("Some values were not accepted")
    expect(retention).to_have_attribute("aria-invalid", "true")
    expect(retention).to_be_focused()
    # The explanation is what the field's description says (a screen reader reads it with the field).
    expect(retention).to_have_accessible_description(re.compile(r"from 0 \(keep forever\) to 36,500"))
    explained = page.locator("meet-rooms [part=field-error]")
    expect(explained).to_have_count(1)
    expect(explained).to_contain_text("Enter a whole number of days from 0 (keep forever) to 36,500")
    expect(explained).to_contain_text("The server said:")
    expect(page.get_by_label("Maximum duration", exact=True)).to_have_attribute("aria-invalid", "false")
    # A maximum duration too long for the server, in minutes: explained the same way.
    retention.fill("7")
    page.get_by_label("Maximum duration", exact=True).fill("20000")
    page.get_by_role("combobox", name="Unit of the maximum duration").select_option("minutes")
    with page.expect_response(lambda r: r.request.method == "PUT") as refused:
        page.get_by_role("button", name="Save").click()
    assert refused.value.status == 422
    expect(page.get_by_label("Maximum duration", exact=True)).to_be_focused()
    expect(explained).to_contain_text("Enter a whole number of seconds from 1 to 604,800")
    # Empty fields: no limit, and the deployment's default retention (both sent as null).
    page.get_by_label("Maximum duration", exact=True).fill("")
    retention.fill("")
    with page.expect_request(lambda r: r.method == "PUT") as put:
        page.get_by_role("button", name="Save").click()
    assert put.value.post_data_json == {"config": {"recording": {"maxDuration": None, "retentionDays": None}}}
    expect(dialog).to_be_hidden()
    expect(setting(page, "Quarterly planning", "Maximum duration")).to_have_text("No limit")
    expect(setting(page, "Quarterly planning", "Retention")).to_have_text("Default (30 days)")
    stored = room_by_name(meet, "Quarterly planning")
    assert stored is not None
    assert stored["config"]["recording"].get("maxDuration") is None
    assert stored["config"]["recording"].get("retentionDays") is None
    assert stored["config"]["recording"]["enabled"] is False

    # -- copy a room link ---------------------------------------------------------------------------
    page.get_by_role("button", name="Copy the moderator link of Quarterly planning").click()
    expect(page.locator("meet-rooms [part=toast]")).to_contain_text(
        "Moderator link of Quarterly planning copied"
    )
    assert page.evaluate("() => navigator.clipboard.readText()") == stored["moderatorUrl"]
    page.get_by_role("button", name="Copy the speaker link of Quarterly planning").click()
    expect(page.locator("meet-rooms [part=toast]")).to_contain_text(
        "Speaker link of Quarterly planning copied"
    )
    assert page.evaluate("() => navigator.clipboard.readText()") == stored["speakerUrl"]
    assert [e["role"] for e in events(page, "meet-link-copied")] == ["moderator", "speaker"]

    # -- delete rooms with recordings: fail (409, explained), close, force --------------------------
    sales = meet.room("Sales demo")
    page.get_by_role("button", name="Delete room Sales demo").click()
    confirm = page.get_by_role("alertdialog", name="Delete room Sales demo?")
    expect(confirm).to_be_visible()
    expect(page.get_by_role("button", name="Cancel")).to_be_focused()
    expect(delete_dialog(page)).to_contain_text("This room has 1 recording.")
    expect(page.get_by_role("radio", name="Delete it only if it has none")).to_be_checked()
    # Each choice says what it does.
    expect(
        page.get_by_role("radio", name="Close the room, keep its recordings")
    ).to_have_accessible_description(re.compile("takes no new recordings"))
    expect(
        page.get_by_role("radio", name="Delete the room and its recordings")
    ).to_have_accessible_description(re.compile("cannot be undone"))
    with page.expect_response(lambda r: r.request.method == "DELETE") as answer:
        page.get_by_role("button", name="Delete room", exact=True).click()
    assert answer.value.status == 409
    assert "withRecordings=fail" in answer.value.url
    expect(confirm).to_be_visible()
    expect(delete_dialog(page).get_by_role("alert")).to_have_text(
        re.compile("Sales demo still has recordings, so nothing was deleted")
    )
    assert room_by_name(meet, "Sales demo") is not None

    page.get_by_role("radio", name="Close the room, keep its recordings").check()
    with page.expect_response(lambda r: r.request.method == "DELETE") as answer:
        page.get_by_role("button", name="Delete room", exact=True).click()
    assert answer.value.status == 200
    assert "withRecordings=close" in answer.value.url
    expect(confirm).to_be_hidden()
    expect(page.locator("meet-rooms [part=toast]")).to_contain_text(
        "Room Sales demo closed; its recordings were kept"
    )
    expect(card(page, "Sales demo").locator("[part=item-status]")).to_have_text("Closed")
    expect(setting(page, "Sales demo", "Recording")).to_have_text("Off")
    closed = room_by_name(meet, "Sales demo")
    assert closed is not None
    assert closed["status"] == "closed"
    kept = httpx.get(f"{meet.api}/recordings/{sales.recording_ids[0]}", headers=HEADERS)
    assert kept.status_code == 200

    support = meet.room("Support call")
    page.get_by_role("button", name="Delete room Support call").click()
    confirm = page.get_by_role("alertdialog", name="Delete room Support call?")
    expect(delete_dialog(page)).to_contain_text("This room has 2 recordings.")
    page.get_by_role("radio", name="Delete the room and its recordings").check()
    with page.expect_response(lambda r: r.request.method == "DELETE") as answer:
        page.get_by_role("button", name="Delete room and recordings").click()
    assert answer.value.status == 200
    assert "withRecordings=force" in answer.value.url
    expect(confirm).to_be_hidden()
    expect(page.locator("meet-rooms [part=toast]")).to_contain_text(
        "Room Support call and its recordings deleted"
    )
    expect(card(page, "Support call")).to_have_count(0)
    expect(page.get_by_role("heading", name="All rooms", level=2)).to_be_focused()
    assert room_by_name(meet, "Support call") is None
    for recording_id in support.recording_ids:
        assert httpx.get(f"{meet.api}/recordings/{recording_id}", headers=HEADERS).status_code == 404

    # A room without recordings goes with the default policy.
    page.get_by_role("button", name="Delete room Quarterly planning").click()
    confirm = page.get_by_role("alertdialog", name="Delete room Quarterly planning?")
    expect(delete_dialog(page)).to_contain_text("This room has no recordings")
    page.get_by_role("button", name="Delete room", exact=True).click()
    expect(confirm).to_be_hidden()
    expect(card(page, "Quarterly planning")).to_have_count(0)
    deleted = events(page, "meet-room-deleted")
    assert [(d["roomName"], d["withRecordings"], d["room"] is not None) for d in deleted] == [
        ("Sales demo", "close", True),
        ("Support call", "force", False),
        ("Quarterly planning", "fail", False),
    ]

    # -- the activity --------------------------------------------------------------------------------
    nav.get_by_role("link", name="Activity").click()
    expect(page).to_have_url(re.compile(r"/console\?view=activity$"))
    expect(nav.get_by_role("link", name="Activity")).to_have_attribute("aria-current", "page")
    expect(page.get_by_role("heading", name="Activity", level=1)).to_be_focused()
    expect(page).to_have_title("Activity \u2013 Console")
    activity = page.locator("meet-activity")
    entries = activity.locator("li.entry")
    expect(entries.first).to_be_visible()
    # Newest first: the last deletion is on top.
    expect(entries.first.locator("[part=entry-action]")).to_have_text("Room deleted")

    page.get_by_role("combobox", name="Action").select_option(label="Room deleted")
    expect(page).to_have_url(re.compile(r"view=activity&action=room_deleted$"))
    expect(entries).to_have_count(3)
    expect(entries.nth(0)).to_contain_text("Quarterly planning")
    expect(entries.nth(0).locator("[part=entry-details]")).to_have_text("It had no recordings")
    expect(entries.nth(1)).to_contain_text("Support call")  # gone, but the trail kept its name
    expect(entries.nth(1).locator("[part=entry-details]")).to_have_text("Deleted with its recordings")
    expect(entries.nth(2)).to_contain_text("Sales demo")
    expect(entries.nth(2).locator("[part=entry-details]")).to_have_text("Closed, its recordings kept")
    for i in range(3):
        expect(entries.nth(i).locator("[part=entry-actor]")).to_have_text(
            re.compile(r"Administrator\s+admin")
        )

    page.get_by_role("combobox", name="Who").select_option(label="API key")
    expect(page).to_have_url(re.compile(r"action=room_deleted&actorKind=api_key$"))
    expect(activity).to_contain_text("Nothing matches")
    page.get_by_role("combobox", name="Who").select_option(label="Administrator")
    expect(entries).to_have_count(3)

    # One room's story, from the room's own entry.
    page.get_by_role("button", name="Show only the activity of room Quarterly planning").click()
    page.get_by_role("combobox", name="Action").select_option(label="All actions")
    expect(page).to_have_url(re.compile(rf"roomId={created['roomId']}"))
    actions = entries.locator("[part=entry-action]")
    expect(actions).to_have_text(
        [
            "Room deleted",
            "Room settings changed",
            "Room settings changed",
            "Room created",
        ]
    )
    expect(entries.nth(1).locator("[part=entry-details] li")).to_have_text(
        ["Maximum duration: No limit", "Retention: Deployment default"]
    )
    expect(entries.nth(2).locator("[part=entry-details] li")).to_have_text(
        ["Recording: Off", "Maximum duration: 45 sec", "Retention: Kept forever"]
    )
    # The refused changes (422) left no trace.
    audit = httpx.get(
        f"{meet.api}/audit",
        params={"roomId": created["roomId"], "action": "room_config_changed"},
        headers=HEADERS,
    ).json()["entries"]
    assert len(audit) == 2

    # A reload keeps the view and the filters.
    page.reload()
    expect(page.get_by_role("combobox", name="Room")).to_have_value(created["roomId"])
    expect(page.get_by_role("combobox", name="Who")).to_have_value("admin")
    expect(actions).to_have_count(4)

    # The browser's Back button goes back through the views.
    nav.get_by_role("link", name="Rooms").click()
    expect(page).to_have_url(re.compile(r"/console\?view=rooms$"))
    expect(page.locator("meet-rooms li.item")).to_have_count(1)
    # A room's "Activity" link: the activity of that room, without a page load.
    page.evaluate("() => { window.samePage = true; }")
    page.get_by_role("link", name="Activity of Sales demo").click()
    expect(page).to_have_url(re.compile(rf"view=activity&roomId={sales.room_id}$"))
    expect(page.get_by_role("combobox", name="Room")).to_have_value(sales.room_id)
    expect(page.get_by_role("combobox", name="Action")).to_have_value("")
    expect(actions.first).to_have_text("Room deleted")
    expect(entries.first.locator("[part=entry-details]")).to_have_text("Closed, its recordings kept")
    assert page.evaluate("() => window.samePage") is True
    page.go_back()
    expect(page).to_have_url(re.compile(r"/console\?view=rooms$"))
    expect(page.locator("[data-console-panel=rooms]")).to_be_visible()
    expect(page.locator("[data-console-panel=activity]")).to_be_hidden()
    page.go_back()
    expect(page).to_have_url(re.compile(rf"view=activity&.*roomId={created['roomId']}"))
    expect(page.get_by_role("combobox", name="Room")).to_have_value(created["roomId"])
    assert page.evaluate("() => window.samePage") is True

    # The recordings view knows the rooms as they are now.
    nav.get_by_role("link", name="Recordings").click()
    expect(page).to_have_url(re.compile(r"/console$"))
    rooms_filter = page.locator("meet-recordings").get_by_role("combobox", name="Room")
    expect(rooms_filter.locator("option")).to_have_text(["All rooms", "Sales demo"])


def test_the_views_work_without_the_module(
    meet: LiveMeet, new_context: Callable[..., BrowserContext]
) -> None:
    """Each view is a page of its own for the server, so the tabs work as plain links too."""
    context = new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{meet.base_url}{meet.prefix}/login")
    page.fill("#password", ADMIN_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    for view, title in (("rooms", "Rooms"), ("activity", "Activity"), ("recordings", "Recordings")):
        page.get_by_role("navigation", name="Console").get_by_role("link", name=title).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(title)
        expect(page.get_by_role("link", name=title)).to_have_attribute("aria-current", "page")
        element = {"rooms": "meet-rooms", "activity": "meet-activity", "recordings": "meet-recordings"}[view]
        # The view shown is in the page; the others wait in templates.
        assert page.locator(f"[data-console-panel={view}] > {element}").count() == 1
    html = httpx.get(
        f"{meet.base_url}{meet.prefix}/console",
        params={"view": "activity", "action": "play", "roomId": 'x"><script>', "actorKind": "member"},
        cookies={c["name"]: c["value"] for c in context.cookies()},
    ).text
    assert (
        '<meet-activity theme="auto" page-size="50" room-id="x&#34;&gt;&lt;script&gt;" action="play"' in html
    )
    assert 'actor-kind="member"' in html


def test_requests_carry_only_what_changed(meet: LiveMeet, admin: Page) -> None:
    """Saving without a change sends nothing; the PUT bodies are JSON objects with the changed fields only."""
    page = admin
    sent: list[Request] = []
    page.on("request", lambda r: sent.append(r) if r.method == "PUT" else None)
    page.get_by_role("button", name=re.compile("^Edit the recording settings of ")).first.click()
    page.get_by_role("button", name="Save").click()
    expect(page.locator("meet-rooms [part=toast]")).to_contain_text("Nothing was changed")
    page.get_by_role("button", name=re.compile("^Edit the recording settings of ")).first.click()
    page.get_by_role("radio", name="Only admin").check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator("meet-rooms li.item").first.locator("dd").nth(1)).to_have_text("Only admin")
    assert len(sent) == 1
    assert json.loads(sent[0].post_data or "{}") == {"config": {"recording": {"allowAccessTo": "admin"}}}


def test_theme_labels_and_a_narrow_screen(meet: LiveMeet, new_context: Callable[..., BrowserContext]) -> None:
    """The theme switch reaches the views shown later, `labels` replaces their words, and nothing is wider
    than a 360 px phone (the list, the toolbar, the dialogs)."""
    httpx.post(f"{meet.api}/rooms", json={"roomName": "Labelled room"}, headers=HEADERS).raise_for_status()
    context = new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{meet.base_url}{meet.prefix}/console")
    page.fill("#password", ADMIN_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    switch = page.get_by_role("button", name=re.compile("^Theme: "))
    switch.click()
    switch.click()
    expect(page.locator("html")).to_have_attribute("data-theme", "dark")

    def fits(name: str) -> None:
        page.wait_for_timeout(300)
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= 360, f"{name} is {width}px wide"

    nav = page.get_by_role("navigation", name="Console")
    nav.get_by_role("link", name="Rooms").click()
    expect(page.locator("meet-rooms")).to_have_attribute("theme", "dark")
    expect(page.locator("meet-rooms li.item").first).to_be_visible()
    fits("the rooms")
    page.get_by_role("button", name="Edit the recording settings of Labelled room").click()
    expect(page.get_by_role("dialog", name="Settings of Labelled room")).to_be_visible()
    fits("the settings dialog")
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Delete room Labelled room").click()
    expect(page.get_by_role("alertdialog", name="Delete room Labelled room?")).to_be_visible()
    fits("the delete dialog")
    page.keyboard.press("Escape")

    nav.get_by_role("link", name="Activity").click()
    activity = page.locator("meet-activity")
    expect(activity).to_have_attribute("theme", "dark")
    expect(activity.locator("li.entry").first).to_be_visible()
    fits("the activity")
    activity.evaluate(
        """el => { el.labels = { activityTitle: 'Journal', action_room_created: 'Salle créée',
                                  actor_api_key: 'Clé API', allActions: 'Toutes les actions' }; }"""
    )
    expect(page.get_by_role("heading", name="Journal", level=2)).to_be_visible()
    expect(activity.locator("li.entry").first.locator("[part=entry-action]")).to_have_text("Salle créée")
    expect(activity.locator("li.entry").first.locator("[part=entry-actor]")).to_contain_text("Clé API")
    expect(page.get_by_role("combobox", name="Action").locator("option").first).to_have_text(
        "Toutes les actions"
    )
