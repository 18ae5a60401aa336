"""The room's live recording indicator (issue 5): ``GET /rooms/{roomId}/recording/events`` as Server-Sent
Events on a real server, watched by several clients at once."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from meet_embed.media.synth import synthesize
from tests.capture_support import (
    QUIET_SWEEP,
    RECORDINGS,
    ROOMS,
    create_room,
    eventually,
    member_headers,
    put_chunk,
    split_like_mediarecorder,
    start_recording,
    wait_for,
)
from tests.conftest import API_KEY
from tests.live import EventStream, LiveServer, LiveServers

API_HEADERS = {"X-API-KEY": API_KEY}


@pytest.fixture
def live() -> Iterator[LiveServers]:
    with LiveServers() as servers:
        yield servers


def _admin_hook(connection: Any) -> str | bool:
    return "console-admin" if connection.headers.get("x-test-admin") == "yes" else False


@pytest.fixture
def server(live: LiveServers, config_factory: Any) -> LiveServer:
    return live.meet(config_factory(is_admin=_admin_hook, **QUIET_SWEEP))


@pytest.fixture
async def http(server: LiveServer) -> Any:
    async with httpx.AsyncClient(base_url=server.base_url, timeout=20) as client:
        yield client


def events_url(room_id: str) -> str:
    return f"{ROOMS}/{room_id}/recording/events"


async def test_who_may_listen(server: LiveServer, http: httpx.AsyncClient) -> None:
    room = await create_room(http, API_HEADERS, "Listeners")
    other = await create_room(http, API_HEADERS, "Other")
    room_id = room["roomId"]
    allowed = {
        "speaker": await member_headers(http, room, "speaker"),
        "moderator": await member_headers(http, room, "moderator"),
        "api key": API_HEADERS,
        "administrator": {"X-Test-Admin": "yes"},
    }
    for who, headers in allowed.items():
        async with EventStream(http, events_url(room_id), headers) as events:
            assert events.status == 200, who
            assert await events.next() == ("state", {"roomId": room_id, "recording": None}), who
    refused = {
        "nobody": ({}, 401),
        "wrong api key": ({"X-API-KEY": "not-the-key-0123456789"}, 401),
        "garbage token": ({"X-Room-Member-Token": "Bearer abc.def.ghi"}, 401),
        "speaker of another room": (await member_headers(http, other, "speaker"), 403),
        "moderator of another room": (await member_headers(http, other, "moderator"), 403),
    }
    for who, (headers, status) in refused.items():
        async with EventStream(http, events_url(room_id), headers) as events:
            assert events.status == status, who
            assert events.response is not None
            assert events.response.json()["error"] in ("Authentication Error", "Authorization Error"), who
    async with EventStream(http, events_url("missing-0123456789abcde"), API_HEADERS) as events:
        assert events.status == 404
    async with EventStream(http, events_url("bad..id"), API_HEADERS) as events:
        assert events.status == 422


async def test_two_listeners_follow_a_recording(
    server: LiveServer, http: httpx.AsyncClient, tmp_path: Path
) -> None:
    chunks = split_like_mediarecorder(synthesize(tmp_path / "m.webm", 2.0, kind="webm").read_bytes(), 3)
    room = await create_room(http, API_HEADERS, "Two listeners")
    room_id = room["roomId"]
    moderator = await member_headers(http, room, identity="host")
    speaker = await member_headers(http, room, "speaker")
    async with (
        httpx.AsyncClient(base_url=server.base_url, timeout=20) as second,
        EventStream(http, events_url(room_id), speaker) as by_speaker,
        EventStream(second, events_url(room_id), API_HEADERS) as by_key,
    ):
        for events in (by_speaker, by_key):
            assert await events.next() == ("state", {"roomId": room_id, "recording": None})

        started = await start_recording(http, room_id, moderator)
        rid = started["recordingId"]
        # Somebody who joins the meeting now sees the recording in the first message.
        async with EventStream(second, events_url(room_id), speaker) as latecomer:
            name, data = await latecomer.next()
            assert name == "state"
            assert data["roomId"] == room_id
            assert data["recording"]["recordingId"] == rid
            assert data["recording"]["status"] == "starting"
            for seq, chunk in enumerate(chunks):
                response = await put_chunk(http, rid, seq, chunk, moderator, final=seq == len(chunks) - 1)
                assert response.status_code == 200
            assert (await latecomer.next())[0] == "recordingStarted"
        assert (await http.post(f"{RECORDINGS}/{rid}/stop", headers=moderator)).status_code == 202
        await wait_for(http, rid, moderator)

        expected = ["recordingStarting", "recordingStarted", "recordingStopping", "recordingStopped"]
        for events in (by_speaker, by_key):
            got = [await events.next() for _ in expected]
            assert [name for name, _ in got] == expected
            assert [d["recording"]["status"] for _, d in got] == [
                "starting",
                "active",
                "ending",
                "complete",
            ]
            assert {d["recording"]["recordingId"] for _, d in got} == {rid}
            assert got[-1][1]["recording"]["size"] > 0
            assert "duration" in got[-1][1]["recording"]

        # After the end, a new listener's state is null again.
        async with EventStream(second, events_url(room_id), speaker) as after:
            assert await after.next() == ("state", {"roomId": room_id, "recording": None})

        # A recording that ends without media is announced as failed.
        aborted = await start_recording(http, room_id, moderator)
        assert (
            await http.post(f"{RECORDINGS}/{aborted['recordingId']}/stop", headers=moderator)
        ).status_code == 409
        for events in (by_speaker, by_key):
            assert [(await events.next())[0] for _ in range(2)] == [
                "recordingStarting",
                "recordingFailed",
            ]
        await asyncio.sleep(0.1)
        assert by_speaker.pending() == []
        assert by_key.pending() == []


async def test_state_when_already_active(server: LiveServer, http: httpx.AsyncClient, tmp_path: Path) -> None:
    room = await create_room(http, API_HEADERS, "Already")
    room_id = room["roomId"]
    chunk = synthesize(tmp_path / "c.webm", 1.0, kind="webm").read_bytes()
    rid = (await start_recording(http, room_id, API_HEADERS))["recordingId"]
    assert (await put_chunk(http, rid, 0, chunk, API_HEADERS)).status_code == 200
    speaker = await member_headers(http, room, "speaker")
    async with EventStream(http, events_url(room_id), speaker) as events:
        name, data = await events.next()
    assert name == "state"
    assert data["recording"]["status"] == "active"
    assert data["recording"]["recordingId"] == rid
    assert set(data) == {"roomId", "recording"}
    # Listeners of other rooms hear nothing of it.
    other = await create_room(http, API_HEADERS, "Quiet")
    async with EventStream(http, events_url(other["roomId"]), API_HEADERS) as quiet:
        assert (await quiet.next())[1]["recording"] is None
        assert (await http.post(f"{RECORDINGS}/{rid}/stop", headers=API_HEADERS)).status_code == 202
        await asyncio.sleep(0.2)
        assert quiet.pending() == []


async def test_listeners_that_leave_are_unsubscribed(server: LiveServer, http: httpx.AsyncClient) -> None:
    """A meeting has people coming and going: a closed connection must not leave its subscription (and
    its backlog) behind in the channels plugin."""
    room = await create_room(http, API_HEADERS, "Comings and goings")
    room_id = room["roomId"]
    speaker = await member_headers(http, room, "speaker")
    channels = server.runtime.channels
    channel = f"meet-embed:room:{room_id}"

    def subscribers() -> int:
        return len(getattr(channels, "_channels", {}).get(channel, ()))

    for _ in range(5):
        async with EventStream(http, events_url(room_id), speaker) as events:
            assert (await events.next())[0] == "state"
            assert subscribers() >= 1
    await eventually(lambda: subscribers() == 0, timeout=5)
    # And a listener still hears what happens afterwards.
    async with EventStream(http, events_url(room_id), speaker) as events:
        await events.next()
        await start_recording(http, room_id, API_HEADERS)
        assert (await events.next())[0] == "recordingStarting"


async def test_an_idle_stream_sends_keep_alive_comments(
    server: LiveServer, http: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing happens in the room: the stream still sends a comment line now and then, so proxies and
    load balancers do not close a connection they take for dead."""
    from meet_embed.events import routes

    monkeypatch.setattr(routes, "HEARTBEAT_SECONDS", 0.2)
    room = await create_room(http, API_HEADERS, "Quiet")
    async with EventStream(http, events_url(room["roomId"]), API_HEADERS) as events:
        assert (await events.next())[0] == "state"
        await eventually(lambda: events.comments >= 3, timeout=5)
        # Comments only: no empty event for the page to handle.
        assert events.pending() == []


async def test_a_slow_listener_gets_a_fresh_state_instead_of_a_backlog(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A listener that reads slower than changes come (a stalled tab, a slow link) does not make the server
    keep every change for it: the oldest are dropped, and it is sent the current state in their place
    instead of the stale changes one by one."""
    import msgspec

    from meet_embed.events import routes

    monkeypatch.setattr(routes, "BACKLOG", 8)
    monkeypatch.setattr(routes, "HEARTBEAT_SECONDS", 0.1)
    all_sent = asyncio.Event()

    class Subscriber:
        async def iter_events(self) -> Any:
            for n in range(100):
                yield msgspec.json.encode({"event": "recordingUpdated", "n": n})
            all_sent.set()
            await asyncio.Event().wait()  # still subscribed, nothing more happens

    class Channels:
        async def unsubscribe(self, subscriber: Any) -> None:
            return None

    class Meet:
        channels = Channels()

    async def snapshot() -> dict[str, Any]:
        return {"roomId": "r", "recording": {"status": "ending"}}

    stream = routes._events(Meet(), Subscriber(), {"roomId": "r", "recording": None}, snapshot)  # type: ignore[arg-type]
    try:
        first = await anext(stream)
        assert first.event == "state"
        await asyncio.wait_for(all_sent.wait(), 5)  # 100 changes while the client read nothing
        fresh = await anext(stream)
        assert fresh.event == "state"
        assert msgspec.json.decode(fresh.data) == {"roomId": "r", "recording": {"status": "ending"}}
        # None of the stale changes follow it.
        after = await anext(stream)
        assert after.comment == "keep-alive"
    finally:
        await stream.aclose()


async def test_a_forced_room_deletion_ends_its_running_recording_for_everyone(
    live: LiveServers, config_factory: Any, tmp_path: Path
) -> None:
    """``DELETE /rooms/{id}?withRecordings=force`` while the room records: the recording ends as any
    recording does (the meeting hears it fail, the host gets recordingEnded, the gauge drops), then it
    goes."""
    from tests.test_metrics import scrape
    from tests.test_webhooks import Receiver

    source = synthesize(tmp_path / "one.webm", 1.0, kind="webm", hue=30)
    receiver = Receiver()
    try:
        server = live.meet(config_factory(webhook_url=receiver.url, **QUIET_SWEEP))
        async with httpx.AsyncClient(base_url=server.base_url, timeout=20) as http:
            room = await create_room(http, API_HEADERS, "Going away")
            room_id = room["roomId"]
            rid = (await start_recording(http, room_id, API_HEADERS))["recordingId"]
            assert (await put_chunk(http, rid, 0, source.read_bytes(), API_HEADERS)).status_code == 200
            assert (await scrape(http)).value("meet_embed_active_recordings") == 1
            async with EventStream(http, events_url(room_id), API_HEADERS) as events:
                assert (await events.next())[0] == "state"
                response = await http.delete(f"{ROOMS}/{room_id}?withRecordings=force", headers=API_HEADERS)
                assert response.status_code == 200, response.text
                name, data = await events.next()
                assert name == "recordingFailed"
                assert data["recording"]["status"] == "aborted"
                assert data["recording"]["details"] == "Room deleted"
                assert "endDate" in data["recording"]
                assert await events.next() == ("recordingDeleted", {"roomId": room_id, "recordingId": rid})
            assert (await scrape(http)).value("meet_embed_active_recordings") == 0
            await eventually(lambda: "recordingEnded" in receiver.events(), timeout=5)
    finally:
        receiver.close()
    ended = receiver.deliveries[receiver.events().index("recordingEnded")].json["data"]
    assert ended["recordingId"] == rid
    assert ended["status"] == "aborted"
