"""End-to-end: how the components behave when things go wrong or change under them."""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import Page, Route, expect

from .conftest import API_KEY, LiveMeet, SeededRoom
from .test_pages import PLAY, remove_new_recordings, wait_playing

HEADERS = {"X-API-KEY": API_KEY}


@pytest.fixture
def scratch_room(live_meet: LiveMeet) -> Iterator[SeededRoom]:
    """A room of this test's own (created with the API key), removed with its recordings afterwards."""
    created = httpx.post(f"{live_meet.api}/rooms", json={"roomName": "Scratch room"}, headers=HEADERS)
    created.raise_for_status()
    body = created.json()
    room = SeededRoom(body["roomId"], body["roomName"], body["moderatorUrl"], body["speakerUrl"])
    try:
        yield room
    finally:
        httpx.delete(
            f"{live_meet.api}/rooms/{room.room_id}", params={"withRecordings": "force"}, headers=HEADERS
        )


def test_uploads_pause_when_the_network_fails_and_resume_on_retry(
    live_meet: LiveMeet, page: Page, scratch_room: SeededRoom
) -> None:
    page.goto(scratch_room.moderator_url)
    controls = page.locator("meet-recording-controls")
    failing = {"on": False}

    def chunks(route: Route) -> None:
        if failing["on"] and route.request.method == "PUT":
            route.abort("connectionreset")
        else:
            route.continue_()

    page.route(re.compile(r"/recordings/[^/]+/chunks/\d+"), chunks)
    controls.get_by_role("button", name="Start recording").click()
    page.get_by_role("button", name=re.compile("^Camera and microphone")).click()
    expect(controls).to_contain_text(re.compile(r"Uploading: [1-9]\d* of"), timeout=10000)
    failing["on"] = True
    # Five attempts with back-off (about 15 s), then the upload pauses and keeps the chunks.
    expect(controls.get_by_role("button", name="Retry upload")).to_be_visible(timeout=30000)
    expect(controls).to_contain_text("Upload paused")
    # The recorder goes on while the upload waits: the notice counts the parts waiting now.
    notice = controls.locator("[part=notice]")
    waiting = re.compile(r"Upload paused: (\d+) part")

    def count() -> int:
        found = waiting.search(notice.inner_text())
        assert found, notice.inner_text()
        return int(found.group(1))

    paused_with = count()
    expect(notice).not_to_contain_text(f"Upload paused: {paused_with} part", timeout=8000)
    assert count() > paused_with
    failing["on"] = False
    controls.get_by_role("button", name="Retry upload").click()
    expect(controls.get_by_role("button", name="Retry upload")).to_be_hidden()
    page.wait_for_timeout(2500)
    controls.get_by_role("button", name="Stop recording").click()
    expect(controls).to_contain_text("Recording saved", timeout=20000)
    made = remove_new_recordings(live_meet, scratch_room)
    assert [r["status"] for r in made] == ["complete"]


def test_a_recording_stopped_elsewhere_is_finished_by_the_browser(
    live_meet: LiveMeet, page: Page, scratch_room: SeededRoom
) -> None:
    page.goto(scratch_room.moderator_url)
    controls = page.locator("meet-recording-controls")
    started: list[str] = []
    page.expose_function("recordingStarted", lambda rid: started.append(rid))
    page.evaluate(
        """() => document.addEventListener(
            'meet-recording-started', e => window.recordingStarted(e.detail.recordingId))"""
    )
    controls.get_by_role("button", name="Start recording").click()
    page.get_by_role("button", name=re.compile("^Camera and microphone")).click()
    expect(controls).to_contain_text(re.compile(r"Uploading: [2-9]\d* of"), timeout=15000)
    assert started, "no meet-recording-started event"
    # The host stops it with its API key: the browser learns it from the event stream.
    stopped = httpx.post(f"{live_meet.api}/recordings/{started[0]}/stop", headers=HEADERS)
    assert stopped.status_code == 202
    expect(controls).to_contain_text("The recording was stopped", timeout=15000)
    expect(controls.get_by_role("button", name="Start recording")).to_be_visible(timeout=15000)
    made = remove_new_recordings(live_meet, scratch_room)
    assert [r["status"] for r in made] == ["complete"]


def test_start_refused_says_why(live_meet: LiveMeet, page: Page, scratch_room: SeededRoom) -> None:
    # Somebody (the host) is already recording the room.
    running = httpx.post(
        f"{live_meet.api}/recordings", json={"roomId": scratch_room.room_id}, headers=HEADERS
    )
    assert running.status_code == 201
    page.goto(scratch_room.moderator_url)
    controls = page.locator("meet-recording-controls")
    # Everyone sees the indicator; the moderator may stop it.
    expect(controls.locator("[part=indicator]")).to_contain_text("REC")
    expect(controls.get_by_role("button", name="Stop recording")).to_be_visible()
    # The list shows it (starting: no data has come yet), without actions.
    expect(page.locator("meet-recordings .badge", has_text="Starting")).to_be_visible()
    controls.get_by_role("button", name="Stop recording").click()
    # A recording stopped before any data arrived ends as aborted; the list follows live.
    expect(page.locator("meet-recordings .badge", has_text="Aborted")).to_be_visible(timeout=10000)
    expect(controls.get_by_role("button", name="Start recording")).to_be_visible()

    disabled = httpx.put(
        f"{live_meet.api}/rooms/{scratch_room.room_id}/config",
        json={"config": {"recording": {"enabled": False}}},
        headers=HEADERS,
    )
    assert disabled.status_code == 200, disabled.text
    page.reload()
    # /me says the room cannot be recorded: no start button at all.
    expect(page.locator("meet-recording-controls [part=indicator]")).to_contain_text("Not recording")
    expect(page.get_by_role("button", name="Start recording")).to_have_count(0)
    expect(page.locator("meet-recording-controls")).to_contain_text("Recording is turned off for this room.")


def test_bulk_delete_reports_partial_failures(
    live_meet: LiveMeet, page: Page, scratch_room: SeededRoom
) -> None:
    # Two short recordings of the scratch room, made with the camera.
    page.goto(scratch_room.moderator_url)
    controls = page.locator("meet-recording-controls")
    for _ in range(2):
        controls.get_by_role("button", name="Start recording").click()
        page.get_by_role("button", name=re.compile("^Camera and microphone")).click()
        expect(controls).to_contain_text(re.compile(r"Uploading: [1-9]"), timeout=10000)
        controls.get_by_role("button", name="Stop recording").click()
        expect(controls).to_contain_text("Recording saved", timeout=15000)
    recordings = page.locator("meet-recordings")
    expect(recordings.locator("li.item .badge", has_text="Ready")).to_have_count(2, timeout=15000)
    ids = [
        r["recordingId"]
        for r in httpx.get(
            f"{live_meet.api}/recordings", params={"roomId": scratch_room.room_id}, headers=HEADERS
        ).json()["recordings"]
    ]
    recordings.get_by_role("checkbox", name="Select all shown recordings").check()
    expect(recordings).to_contain_text("2 selected")

    # ZIP download of the selection.
    with page.expect_download() as download:
        recordings.get_by_role("button", name="Download ZIP").click()
    assert download.value.suggested_filename == "recordings.zip"

    # One of them is deleted elsewhere while the bulk delete is on its way (before the live event could
    # take it off the list); the bulk delete reports it.
    def deleted_meanwhile(route: Route) -> None:
        httpx.delete(f"{live_meet.api}/recordings/{ids[0]}", headers=HEADERS).raise_for_status()
        route.continue_()

    page.route(re.compile(r"/api/v1/recordings\?recordingIds="), deleted_meanwhile)
    recordings.get_by_role("button", name="Delete", exact=True).click()
    expect(page.get_by_role("alertdialog", name="Delete 2 recordings?")).to_be_visible()
    page.locator("meet-recordings [part=confirm-delete]").click()  # slotted in the dialog's footer
    notice = recordings.locator("[part=notice]")
    expect(notice).to_contain_text("1 deleted, 1 could not be deleted")
    expect(recordings.locator("li.item")).to_have_count(0)


def test_download_and_copy_link(live_meet: LiveMeet, page: Page) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(live_meet.room("Daily standup").moderator_url)
    with page.expect_download() as download:
        page.get_by_role("button", name=re.compile("^Download recording of ")).first.click()
    assert download.value.suggested_filename.endswith(".mp4")

    page.get_by_role("button", name=re.compile("^Share recording of ")).first.click()
    link = page.get_by_role("textbox", name="Share link")
    page.get_by_role("radio", name=re.compile("^Anyone with the link")).check()
    expect(link).to_have_value(re.compile(r"\?secret="))
    public = link.input_value()
    # The session's server has no is_user hook: only administrators can open a private link.
    private = page.get_by_role("radio", name=re.compile("^Administrators only"))
    expect(private).to_have_accessible_name(re.compile("Only administrators can sign in"))
    private.check()
    expect(link).not_to_have_value(public)
    page.get_by_role("button", name="Copy", exact=True).click()
    expect(page.locator("meet-share-dialog").first).to_contain_text("Link copied to the clipboard")
    assert page.evaluate("() => navigator.clipboard.readText()") == link.input_value()


def test_player_renews_a_refused_media_link(live_meet: LiveMeet, page: Page) -> None:
    refused = {"count": 0}

    def media(route: Route) -> None:
        if refused["count"] == 0:
            refused["count"] += 1
            route.fulfill(
                status=401, content_type="application/json", body='{"error":"x","message":"expired"}'
            )
        else:
            route.continue_()

    page.route(re.compile(r"/recordings/[^/]+/media\?mediaToken="), media)
    page.goto(live_meet.room("Daily standup").moderator_url)
    links: list[str] = []
    page.on("request", lambda r: links.append(r.url) if "/media-url" in r.url else None)
    page.get_by_role("button", name=PLAY).first.click()
    wait_playing(page, page.locator("meet-recording-player video"))
    assert refused["count"] == 1
    assert len(links) >= 2, "the player did not ask for a new media link"


def test_records_the_stream_the_host_assigns(
    live_meet: LiveMeet, page: Page, scratch_room: SeededRoom
) -> None:
    page.goto(scratch_room.moderator_url)
    controls = page.locator("meet-recording-controls")
    expect(controls.get_by_role("button", name="Start recording")).to_be_visible()
    # The host's own media (here a canvas that keeps drawing) goes to the `stream` property.
    controls.evaluate(
        """el => {
            const canvas = document.createElement('canvas');
            canvas.width = 320; canvas.height = 180;
            const g = canvas.getContext('2d');
            let n = 0;
            const draw = () => { g.fillStyle = `hsl(${n++ % 360} 70% 50%)`; g.fillRect(0, 0, 320, 180);
                                 requestAnimationFrame(draw); };
            draw();
            el.stream = canvas.captureStream(15);
        }"""
    )
    progress: list[int] = []
    page.expose_function("uploadProgress", lambda sent: progress.append(sent))
    page.evaluate(
        """() => document.addEventListener(
            'meet-upload-progress', e => window.uploadProgress(e.detail.sentChunks))"""
    )
    controls.get_by_role("button", name="Start recording").click()
    # No source to choose: the host's stream is recorded.
    expect(page.get_by_role("dialog", name="What should be recorded?")).to_be_hidden()
    expect(controls).to_contain_text(re.compile(r"Uploading: [2-9]\d* of"), timeout=15000)
    controls.get_by_role("button", name="Stop recording").click()
    expect(controls).to_contain_text("Recording saved", timeout=15000)
    assert max(progress, default=0) >= 2
    made = remove_new_recordings(live_meet, scratch_room)
    assert [r["status"] for r in made] == ["complete"]
