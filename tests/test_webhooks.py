"""Signed webhooks to the host and in-process events (issue 5): what a host application hears about a
recording, as OpenVidu Meet sends it (reference section 9)."""

from __future__ import annotations

import asyncio
import functools
import http.server
import itertools
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import msgspec
import pytest
from litestar.events import listener

from meet_embed.events.webhooks import sign_webhook, verify_webhook
from meet_embed.media.synth import synthesize
from tests.capture_support import (
    RECORDINGS,
    app_client,
    configure,
    create_room,
    eventually,
    member_headers,
    put_chunk,
    split_like_mediarecorder,
    start_recording,
    upload_all,
    wait_for,
)
from tests.conftest import API_KEY

API_HEADERS = {"X-API-KEY": API_KEY}


@dataclass
class Delivery:
    headers: dict[str, str]
    body: bytes
    at: float

    @property
    def json(self) -> dict[str, Any]:
        data: dict[str, Any] = msgspec.json.decode(self.body)
        return data


@dataclass
class Receiver:
    """A host's webhook endpoint on loopback (``http.server`` in a thread) that records every request.
    ``statuses`` are answered in turn (then 200); ``delay`` seconds pass before each answer."""

    statuses: list[int] = field(default_factory=list)
    delay: float = 0.0
    deliveries: list[Delivery] = field(default_factory=list)

    def __post_init__(self) -> None:
        receiver = self
        lock = threading.Lock()

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                with lock:
                    receiver.deliveries.append(Delivery(dict(self.headers.items()), body, time.monotonic()))
                    status = receiver.statuses.pop(0) if receiver.statuses else 200
                if receiver.delay:
                    time.sleep(receiver.delay)
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                return None

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.block_on_close = False  # type: ignore[attr-defined]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        host, port = self.server.server_address[:2]
        self.url = f"http://{host}:{port}/hooks/meet"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)

    def events(self) -> list[str]:
        return [d.json["event"] for d in self.deliveries]


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    yield r
    r.close()


@pytest.fixture(scope="module")
def chunks(tmp_path_factory: pytest.TempPathFactory) -> list[bytes]:
    source = synthesize(tmp_path_factory.mktemp("webhooks") / "m.webm", 2.0, kind="webm", hue=10)
    return split_like_mediarecorder(source.read_bytes(), 3)


async def record_once(client: Any, room_id: str, headers: dict[str, str], chunks: list[bytes]) -> str:
    rid: str = (await start_recording(client, room_id, headers))["recordingId"]
    await upload_all(client, rid, chunks, headers)
    assert (await client.post(f"{RECORDINGS}/{rid}/stop", headers=headers)).status_code == 202
    await wait_for(client, rid, headers)
    return rid


async def test_a_recording_sends_four_signed_webhooks(
    config_factory: Any, receiver: Receiver, chunks: list[bytes]
) -> None:
    async with app_client(await configure(config_factory, webhook_url=receiver.url)) as client:
        room = await create_room(client, API_HEADERS, "Hooked")
        moderator = await member_headers(client, room)
        rid = await record_once(client, room["roomId"], moderator, chunks)
        final = (await client.get(f"{RECORDINGS}/{rid}", headers=API_HEADERS)).json()
        await eventually(lambda: len(receiver.deliveries) >= 4)
        await asyncio.sleep(0.3)  # nothing else comes
    assert receiver.events() == ["recordingStarted", "recordingUpdated", "recordingUpdated", "recordingEnded"]
    bodies = [d.json for d in receiver.deliveries]
    assert [b["data"]["status"] for b in bodies] == ["starting", "active", "ending", "complete"]
    assert {b["data"]["recordingId"] for b in bodies} == {rid}
    assert bodies[-1]["data"] == final
    for b in bodies:
        assert set(b) == {"event", "creationDate", "data"}
    for delivery in receiver.deliveries:
        headers = {k.lower(): v for k, v in delivery.headers.items()}
        assert headers["content-type"] == "application/json"
        assert int(headers["x-timestamp"]) == delivery.json["creationDate"]
        assert headers["x-signature"] == sign_webhook(API_KEY, headers["x-timestamp"], delivery.body)
        assert verify_webhook(API_KEY, delivery.headers, delivery.body)
        # Anything changed on the way, and it no longer verifies.
        tampered = delivery.body.replace(b'"status":"', b'"status":"x')
        assert tampered != delivery.body
        assert not verify_webhook(API_KEY, delivery.headers, tampered)
        assert not verify_webhook("another-secret-0123456789", delivery.headers, delivery.body)
        assert not verify_webhook(API_KEY, {**delivery.headers, "X-Timestamp": "1"}, delivery.body)
    # Timestamps are those of the changes, in order.
    stamps = [b["creationDate"] for b in bodies]
    assert stamps == sorted(stamps)
    # An old (replayed) webhook does not verify however well it was signed.
    old = str(int(time.time() * 1000) - 3_600_000)
    replay = {"X-Timestamp": old, "X-Signature": sign_webhook(API_KEY, old, receiver.deliveries[0].body)}
    assert not verify_webhook(API_KEY, replay, receiver.deliveries[0].body)


async def test_a_configured_webhook_secret_signs(config_factory: Any, receiver: Receiver) -> None:
    secret = "host-webhook-secret-0123456789"
    async with app_client(
        await configure(config_factory, webhook_url=receiver.url, webhook_secret=secret)
    ) as client:
        room = await create_room(client, API_HEADERS)
        await start_recording(client, room["roomId"], API_HEADERS)
        await eventually(lambda: receiver.deliveries)
    delivery = receiver.deliveries[0]
    assert verify_webhook(secret, delivery.headers, delivery.body)
    assert not verify_webhook(API_KEY, delivery.headers, delivery.body)


async def test_delivery_is_retried(config_factory: Any) -> None:
    receiver = Receiver(statuses=[500, 500])
    try:
        async with app_client(await configure(config_factory, webhook_url=receiver.url)) as client:
            room = await create_room(client, API_HEADERS)
            began = time.monotonic()
            started = await start_recording(client, room["roomId"], API_HEADERS)
            assert time.monotonic() - began < 0.5
            await eventually(lambda: len(receiver.deliveries) >= 3, timeout=10)
            await asyncio.sleep(0.3)
    finally:
        receiver.close()
    assert len(receiver.deliveries) == 3
    assert receiver.events() == ["recordingStarted"] * 3
    # The same webhook each time (same body and signature), after a growing back-off.
    assert len({d.body for d in receiver.deliveries}) == 1
    assert len({d.headers["X-Signature"] for d in receiver.deliveries}) == 1
    assert receiver.deliveries[0].json["data"]["recordingId"] == started["recordingId"]
    gaps = [b.at - a.at for a, b in zip(receiver.deliveries, receiver.deliveries[1:], strict=False)]
    assert gaps[0] >= 0.25  # 0.3 s, then twice that
    assert gaps[1] >= 0.55


async def test_requests_do_not_wait_for_a_slow_host(config_factory: Any, chunks: list[bytes]) -> None:
    receiver = Receiver(delay=2.0)
    try:
        async with app_client(await configure(config_factory, webhook_url=receiver.url)) as client:
            room = await create_room(client, API_HEADERS)
            began = time.monotonic()
            rid = (await start_recording(client, room["roomId"], API_HEADERS))["recordingId"]
            assert time.monotonic() - began < 1.0
            began = time.monotonic()
            await upload_all(client, rid, chunks, API_HEADERS)
            stop = await client.post(f"{RECORDINGS}/{rid}/stop", headers=API_HEADERS)
            assert stop.status_code == 202
            assert time.monotonic() - began < 1.5
            # The host still gets them all, slowly.
            await wait_for(client, rid, API_HEADERS)
            await eventually(lambda: len(receiver.deliveries) >= 4, timeout=10)
    finally:
        receiver.close()
    assert sorted(receiver.events()) == sorted(
        ["recordingStarted", "recordingUpdated", "recordingUpdated", "recordingEnded"]
    )


async def test_a_failed_recording_ends_with_its_error(config_factory: Any, receiver: Receiver) -> None:
    async with app_client(await configure(config_factory, webhook_url=receiver.url)) as client:
        room = await create_room(client, API_HEADERS)
        rid = (await start_recording(client, room["roomId"], API_HEADERS))["recordingId"]
        assert (await client.post(f"{RECORDINGS}/{rid}/stop", headers=API_HEADERS)).status_code == 409
        await eventually(lambda: len(receiver.deliveries) >= 2)
    assert receiver.events() == ["recordingStarted", "recordingEnded"]
    assert receiver.deliveries[1].json["data"]["status"] == "aborted"
    assert "endDate" in receiver.deliveries[1].json["data"]


# -- in-process listeners ----------------------------------------------------------------------------------


async def test_in_process_listeners(config_factory: Any, chunks: list[bytes], tmp_path: Path) -> None:
    heard: list[tuple[str, Any]] = []

    @listener("meet.recording_started")
    async def on_started(recording: Any) -> None:
        heard.append(("started", recording))

    @listener("meet.recording_updated")
    async def on_updated(recording: Any) -> None:
        heard.append(("updated", recording))

    @listener("meet.recording_ended")
    def on_ended(recording: Any) -> None:
        heard.append(("ended", recording))

    config = await configure(config_factory)
    async with app_client(config, listeners=[on_started, on_updated, on_ended]) as client:
        room = await create_room(client, API_HEADERS)
        rid = await record_once(client, room["roomId"], API_HEADERS, chunks)
        await eventually(lambda: len(heard) >= 4)
        await asyncio.sleep(0.2)
    assert [kind for kind, _ in heard] == ["started", "updated", "updated", "ended"]
    assert [r.status for _, r in heard] == ["starting", "active", "ending", "complete"]
    assert {r.recording_id for _, r in heard} == {rid}
    ended = heard[-1][1]
    assert ended.size > 0
    assert ended.duration > 0
    assert ended.filename.endswith(".mp4")


# -- order and giving up -----------------------------------------------------------------------------------


async def test_a_retried_webhook_is_not_overtaken(config_factory: Any, chunks: list[bytes]) -> None:
    """The host refuses the first webhook once: while it is retried the recording goes on, and the host
    must still hear its changes in order, each stamped with when it happened rather than when it was
    finally sent."""
    receiver = Receiver(statuses=[503])
    try:
        async with app_client(await configure(config_factory, webhook_url=receiver.url)) as client:
            room = await create_room(client, API_HEADERS)
            rid = (await start_recording(client, room["roomId"], API_HEADERS))["recordingId"]
            before_active = int(time.time() * 1000)
            response = await put_chunk(client, rid, 0, chunks[0], API_HEADERS)
            assert response.status_code == 200
            after_active = int(time.time() * 1000)
            for seq in (1, 2):
                response = await put_chunk(client, rid, seq, chunks[seq], API_HEADERS, final=seq == 2)
                assert response.status_code == 200
            assert (await client.post(f"{RECORDINGS}/{rid}/stop", headers=API_HEADERS)).status_code == 202
            await wait_for(client, rid, API_HEADERS)
            await eventually(lambda: len(receiver.deliveries) >= 5, timeout=10)
            await asyncio.sleep(0.5)  # nothing else comes
    finally:
        receiver.close()
    got = [(d.json["event"], d.json["data"]["status"]) for d in receiver.deliveries]
    assert got == [
        ("recordingStarted", "starting"),  # refused with 503
        ("recordingStarted", "starting"),
        ("recordingUpdated", "active"),
        ("recordingUpdated", "ending"),
        ("recordingEnded", "complete"),
    ]
    active = receiver.deliveries[2]
    # Sent after the retry's back-off, but dated when the first chunk made the recording active.
    assert before_active <= active.json["creationDate"] <= after_active
    assert active.headers["X-Timestamp"] == str(active.json["creationDate"])
    assert verify_webhook(API_KEY, active.headers, active.body)


async def test_a_host_that_keeps_refusing_is_given_up_on(
    config_factory: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Five retries after the first try, each after twice the wait of the one before; then the webhook is
    given up on, counted in ``meet_embed_webhook_failures_total``, and the recording's next webhook goes
    out."""
    from meet_embed.events import webhooks
    from tests.test_metrics import scrape

    monkeypatch.setattr(
        webhooks, "WebhookSender", functools.partial(webhooks.WebhookSender, first_backoff=0.05)
    )
    receiver = Receiver(statuses=[503] * 6)
    try:
        async with app_client(await configure(config_factory, webhook_url=receiver.url)) as client:
            before = (await scrape(client)).value("meet_embed_webhook_failures_total")
            room = await create_room(client, API_HEADERS)
            rid = (await start_recording(client, room["roomId"], API_HEADERS))["recordingId"]
            # Stopped while starting: it ends aborted, and recordingEnded queues behind recordingStarted.
            assert (await client.post(f"{RECORDINGS}/{rid}/stop", headers=API_HEADERS)).status_code == 409
            await eventually(lambda: len(receiver.deliveries) >= 7, timeout=10)
            await asyncio.sleep(0.3)
            after = (await scrape(client)).value("meet_embed_webhook_failures_total")
    finally:
        receiver.close()
    assert receiver.events() == ["recordingStarted"] * 6 + ["recordingEnded"]
    assert after - before == 1
    tries = receiver.deliveries[:6]
    gaps = [b.at - a.at for a, b in itertools.pairwise(tries)]
    assert gaps[0] >= 0.04
    for shorter, longer in itertools.pairwise(gaps):
        assert longer >= shorter * 1.6, gaps
    assert receiver.deliveries[6].json["data"]["status"] == "aborted"
