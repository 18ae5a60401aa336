"""Prometheus metrics (issue 10): ``GET /meet/metrics`` is text that prometheus_client's parser reads, and
after a known sequence of requests the counters moved by exactly what happened: media bytes by kind, ZIP
bytes, recordings in progress, finalizations, webhooks given up on, and Litestar's request counts.

prometheus_client keeps metrics per process, and the apps of the test session all use the default
``app_name`` label unless a test names its own: the tests read one app's series and compare values before
and after, or give an app a name of its own and read absolute values."""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import http.server
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from litestar import Litestar, get
from litestar.testing import AsyncTestClient

from meet_embed import MeetEmbedConfig, MeetEmbedPlugin
from meet_embed.events import webhooks
from meet_embed.media.synth import synthesize
from tests.capture_support import (
    app_client,
    configure,
    eventually,
    put_chunk,
    split_like_mediarecorder,
    start_recording,
    upload_all,
    wait_for,
)
from tests.conftest import API_KEY
from tests.helpers import Scrape, scrape
from tests.recordings_support import RECORDINGS, ROOMS, create_room, import_recording, secret_of

KEY = {"X-API-KEY": API_KEY}
METRICS = "/meet/metrics"
MEDIA_ROUTE = "/meet/api/v1/recordings/{recording_id}/media"


def requests(s: Scrape, path: str, status: int, method: str = "GET") -> float:
    return s.total("meet_embed_requests_total", path=path, status_code=str(status), method=method)


def bytes_sent(s: Scrape, kind: str) -> float:
    return s.value("meet_embed_media_bytes_sent_total", kind=kind)


# -- the text ---------------------------------------------------------------------------------------------


async def test_the_text_parses_and_names_meet_embeds_metrics(client: Any) -> None:
    assert (await client.get(f"{ROOMS}", headers=KEY)).status_code == 200
    s = await scrape(client)
    kinds = {name: family.type for name, family in s.families.items()}
    assert kinds["meet_embed_media_bytes_sent"] == "counter"
    assert kinds["meet_embed_active_recordings"] == "gauge"
    assert kinds["meet_embed_finalize_seconds"] == "histogram"
    assert kinds["meet_embed_webhook_failures"] == "counter"
    assert kinds["meet_embed_requests"] == "counter"
    assert kinds["meet_embed_request_duration_seconds"] == "histogram"
    assert requests(s, "/meet/api/v1/rooms", 200) >= 1


async def test_metrics_path_none_removes_the_endpoint(config_factory: Any) -> None:
    async with app_client(await configure(config_factory, metrics_path=None)) as client:
        assert (await client.get(METRICS)).status_code == 404
        assert (await client.get("/meet/health/live")).status_code == 200
    async with app_client(await configure(config_factory, metrics_path="/prometheus")) as client:
        assert (await client.get(METRICS)).status_code == 404
        assert "meet_embed_requests" in (await scrape(client, "/meet/prometheus")).families


async def test_a_hosts_own_routes_are_not_counted(config_factory: Any) -> None:
    @get("/hello", sync_to_thread=False)
    def hello() -> str:
        return "hi"

    config = await configure(config_factory)
    app = Litestar(route_handlers=[hello], plugins=[MeetEmbedPlugin(config)])
    async with AsyncTestClient(app, base_url="http://testserver.local") as client:
        before = await scrape(client)
        for _ in range(3):
            assert (await client.get("/hello")).status_code == 200
        assert (await client.get("/meet/health/live")).status_code == 200
        after = await scrape(client)
    assert after.total("meet_embed_requests_total", path="/hello") == before.total(
        "meet_embed_requests_total", path="/hello"
    )
    assert requests(after, "/meet/health/live", 200) - requests(before, "/meet/health/live", 200) == 1


# -- media ------------------------------------------------------------------------------------------------


async def test_media_bytes_and_requests_count_what_was_sent(
    client: Any, media_files: dict[str, Path]
) -> None:
    room = await create_room(client, KEY, "Counted")
    first = await import_recording(client, room["roomId"], media_files["mp4_3s"])
    second = await import_recording(client, room["roomId"], media_files["mp4_2s_small"])
    rid, size = first.recording_id, first.size
    media = f"{RECORDINGS}/{rid}/media"
    before = await scrape(client)

    for _ in range(3):  # whole plays
        response = await client.get(media, headers=KEY)
        assert response.status_code == 200
        assert len(response.content) == size
    ranges = {"bytes=0-99": 100, "bytes=-50": 50, f"bytes={size - 10}-": 10}
    for value, length in ranges.items():
        response = await client.get(media, headers={**KEY, "Range": value})
        assert response.status_code == 206
        assert len(response.content) == length
    share = (await client.get(f"{RECORDINGS}/{rid}/url", headers=KEY)).json()["url"]
    shared = await client.get(media, params={"secret": secret_of(share)}, headers={"Range": "bytes=0-999"})
    assert shared.status_code == 206
    head = await client.head(media, headers=KEY)
    assert head.status_code == 200
    not_modified = await client.get(media, headers={**KEY, "If-None-Match": head.headers["etag"]})
    assert not_modified.status_code == 304

    downloaded = await client.get(media, params={"download": "1"}, headers=KEY)
    assert downloaded.status_code == 200
    assert len(downloaded.content) == size
    resumed = await client.get(media, params={"download": "1"}, headers={**KEY, "Range": "bytes=100-"})
    assert resumed.status_code == 206
    assert len(resumed.content) == size - 100

    zipped = await client.get(
        f"{RECORDINGS}/download", params={"recordingIds": f"{rid},{second.recording_id}"}, headers=KEY
    )
    assert zipped.status_code == 200
    missing = await client.get(
        f"{RECORDINGS}/{room['roomId']}--EG_000000000000--nothing00/media", headers=KEY
    )
    assert missing.status_code == 404

    after = await scrape(client)
    assert bytes_sent(after, "play") - bytes_sent(before, "play") == 3 * size + 160 + 1000
    assert bytes_sent(after, "download") - bytes_sent(before, "download") == size + size - 100
    assert bytes_sent(after, "zip") - bytes_sent(before, "zip") == len(zipped.content)
    assert len(zipped.content) > size + second.size  # the archive's own headers count too

    def delta(path: str, status: int, method: str = "GET") -> float:
        return requests(after, path, status, method) - requests(before, path, status, method)

    assert delta(MEDIA_ROUTE, 200) == 4
    assert delta(MEDIA_ROUTE, 206) == 5
    assert delta(MEDIA_ROUTE, 304) == 1
    assert delta(MEDIA_ROUTE, 404) == 1
    assert delta(MEDIA_ROUTE, 200, "HEAD") == 1
    assert delta("/meet/api/v1/recordings/download", 200) == 1
    assert delta("/meet/api/v1/recordings/{recording_id}/url", 200) == 1
    duration = "meet_embed_request_duration_seconds_count"
    assert (
        after.total(duration, path=MEDIA_ROUTE, method="GET")
        - before.total(duration, path=MEDIA_ROUTE, method="GET")
        == 11
    )
    # The scrape itself is counted once it is answered.
    assert delta(METRICS, 200) == 1


# -- recordings and webhooks ------------------------------------------------------------------------------


class FailingReceiver:
    """A host's webhook endpoint that answers 500 to everything."""

    def __init__(self) -> None:
        self.requests = 0
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                receiver.requests += 1
                self.send_response(500)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                return None

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)


@pytest.fixture
def failing_receiver() -> Iterator[FailingReceiver]:
    receiver = FailingReceiver()
    yield receiver
    receiver.close()


@pytest.fixture(scope="module")
def chunks(tmp_path_factory: pytest.TempPathFactory) -> list[bytes]:
    source = synthesize(tmp_path_factory.mktemp("metrics") / "m.webm", 2.0, kind="webm", hue=60)
    return split_like_mediarecorder(source.read_bytes(), 3)


async def test_a_browser_recording_and_its_failed_webhooks(
    config_factory: Any,
    failing_receiver: FailingReceiver,
    chunks: list[bytes],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # One retry, right away: each webhook is given up on after two attempts.
    monkeypatch.setattr(
        webhooks, "WebhookSender", functools.partial(webhooks.WebhookSender, retries=1, first_backoff=0.01)
    )
    config = await configure(config_factory, webhook_url=failing_receiver.url)
    async with app_client(config) as client:
        room = await create_room(client, KEY, "Recorded")
        before = await scrape(client)
        rid = (await start_recording(client, room["roomId"], KEY))["recordingId"]
        assert (await scrape(client)).value("meet_embed_active_recordings") == 1
        await upload_all(client, rid, chunks[:2], KEY, final=False)
        assert (await scrape(client)).value("meet_embed_active_recordings") == 1
        assert (await put_chunk(client, rid, 2, chunks[2], KEY, final=True)).status_code == 200
        assert (await client.post(f"{RECORDINGS}/{rid}/stop", headers=KEY)).status_code == 202
        done = await wait_for(client, rid, KEY)
        assert done["status"] == "complete"
        # recordingStarted, recordingUpdated (active), recordingUpdated (ending), recordingEnded: four
        # webhooks, two attempts each, all refused.
        await eventually(lambda: failing_receiver.requests >= 8, timeout=10)
        await eventually(lambda: _gave_up(client, before, 4), timeout=10)
        await asyncio.sleep(0.2)  # nothing else comes
        assert failing_receiver.requests == 8
        final = await scrape(client)

    count = "meet_embed_finalize_seconds_count"
    assert final.value(count) - before.value(count) == 1
    assert final.value("meet_embed_finalize_seconds_sum") > before.value("meet_embed_finalize_seconds_sum")
    failures = "meet_embed_webhook_failures_total"
    assert final.value(failures) - before.value(failures) == 4
    assert (
        requests(final, "/meet/api/v1/recordings", 201, "POST")
        - requests(before, "/meet/api/v1/recordings", 201, "POST")
        == 1
    )
    chunk_route = "/meet/api/v1/recordings/{recording_id}/chunks/{seq}"
    assert requests(final, chunk_route, 200, "PUT") - requests(before, chunk_route, 200, "PUT") == 3


async def _gave_up(client: Any, before: Scrape, count: int) -> bool:
    failures = "meet_embed_webhook_failures_total"
    return (await scrape(client)).value(failures) - before.value(failures) >= count


async def test_the_active_gauge_drops_when_a_recording_completes(
    config_factory: Any, chunks: list[bytes]
) -> None:
    async with app_client(await configure(config_factory)) as client:
        room = await create_room(client, KEY, "Gauged")
        rid = (await start_recording(client, room["roomId"], KEY))["recordingId"]
        assert (await scrape(client)).value("meet_embed_active_recordings") == 1
        await upload_all(client, rid, chunks, KEY)
        assert (await client.post(f"{RECORDINGS}/{rid}/stop", headers=KEY)).status_code == 202
        assert (await wait_for(client, rid, KEY))["status"] == "complete"
        listed = (await client.get(RECORDINGS, params={"status": "complete"}, headers=KEY)).json()
        assert [r["recordingId"] for r in listed["recordings"]] == [rid]
        # The gauge is refreshed right after the row changes, a moment after others can read it.
        for _ in range(40):
            if (await scrape(client)).value("meet_embed_active_recordings") == 0:
                break
            await asyncio.sleep(0.05)
        assert (await scrape(client)).value("meet_embed_active_recordings") == 0


async def test_the_active_gauge_counts_recordings_in_progress(
    config_factory: Any, chunks: list[bytes]
) -> None:
    """Starting, active and ending recordings of every room; one that failed to start leaves it."""
    async with app_client(await configure(config_factory, start_timeout=0.3)) as client:
        rooms = [await create_room(client, KEY, f"Room {n}") for n in range(3)]
        first = (await start_recording(client, rooms[0]["roomId"], KEY))["recordingId"]
        assert (await scrape(client)).value("meet_embed_active_recordings") == 1
        second = (await start_recording(client, rooms[1]["roomId"], KEY))["recordingId"]
        await start_recording(client, rooms[2]["roomId"], KEY)
        assert (await scrape(client)).value("meet_embed_active_recordings") == 3
        await upload_all(client, first, chunks[:1], KEY, final=False)
        await upload_all(client, second, chunks[:1], KEY, final=False)
        assert (await client.post(f"{RECORDINGS}/{second}/stop", headers=KEY)).status_code == 202
        assert (await scrape(client)).value("meet_embed_active_recordings") == 3  # ending still runs
        await asyncio.sleep(0.4)
        runtime = client.app.state["meet_embed"]
        report = await asyncio.to_thread(client.blocking_portal.call, runtime.sweeper.sweep_once)
        assert len(report.failed) == 1  # the third one never sent data
        assert (await scrape(client)).value("meet_embed_active_recordings") == 2


# -- what the rate limit refused --------------------------------------------------------------------------


async def test_requests_refused_by_a_rate_limit_are_counted_as_429(config_factory: Any) -> None:
    async with app_client(await configure(config_factory, rate_limit_tokens=1)) as client:
        room = await create_room(client, KEY, "Limited")
        url = f"{ROOMS}/{room['roomId']}/token"
        route = "/meet/api/v1/rooms/{room_id}/token"
        before = await scrape(client)
        statuses = [
            (await client.post(url, json={"secret": secret_of(room["speakerUrl"])})).status_code
            for _ in range(3)
        ]
        assert statuses == [200, 429, 429]
        after = await scrape(client)
    assert requests(after, route, 200, "POST") - requests(before, route, 200, "POST") == 1
    assert requests(after, route, 429, "POST") - requests(before, route, 429, "POST") == 2


# -- recordings in progress are the database's count -------------------------------------------------------


async def test_the_active_gauge_is_read_from_the_database_at_scrape_time(
    config_factory: Any, chunks: list[bytes]
) -> None:
    """A second app on the same database (another replica, or this one after a restart) never changed a
    status itself, yet its scrape shows the recordings the first one runs, and sees them end."""
    first_name, second_name = f"replica-a-{uuid.uuid4().hex[:6]}", f"replica-b-{uuid.uuid4().hex[:6]}"
    config = await configure(config_factory, metrics_app_name=first_name)
    other = dataclasses.replace(config, metrics_app_name=second_name)
    async with app_client(config) as first, app_client(other) as second:
        assert (await scrape(second, app_name=second_name)).value("meet_embed_active_recordings") == 0
        room = await create_room(first, KEY, "Elsewhere")
        rid = (await start_recording(first, room["roomId"], KEY))["recordingId"]
        assert (await scrape(second, app_name=second_name)).value("meet_embed_active_recordings") == 1
        await upload_all(first, rid, chunks, KEY)
        assert (await first.post(f"{RECORDINGS}/{rid}/stop", headers=KEY)).status_code == 202
        assert (await wait_for(first, rid, KEY))["status"] == "complete"
        assert (await scrape(second, app_name=second_name)).value("meet_embed_active_recordings") == 0


# -- several apps in one process ---------------------------------------------------------------------------


def test_the_app_name_label_comes_from_the_config() -> None:
    assert MeetEmbedConfig().resolved_metrics_app_name == "meet_embed"
    assert MeetEmbedConfig(path="").resolved_metrics_app_name == "meet_embed"
    assert MeetEmbedConfig(path="/video/rec").resolved_metrics_app_name == "meet_embed_video_rec"
    assert MeetEmbedConfig(metrics_app_name="tenant-a").resolved_metrics_app_name == "tenant-a"
