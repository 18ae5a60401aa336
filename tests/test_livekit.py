"""The LiveKit Egress capture backend (issue 5), against LiveKit's published protocol on loopback.

A fake LiveKit server (an ASGI app served by uvicorn in a thread) answers the Twirp calls
``livekit.Egress/StartRoomCompositeEgress`` and ``livekit.Egress/StopEgress`` with protobuf bodies, checks
the caller's JWT (``roomRecord`` grant), "writes" the egress file into the bucket meet-embed reads, and
posts signed webhooks (``WebhookEvent`` JSON, ``Authorization`` = a token carrying the body's SHA-256)
back to ``/meet/livekit/webhook``, as LiveKit and its egress service do.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import time
import uuid
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from google.protobuf.json_format import MessageToJson
from litestar import Litestar, Request, Response, post
from livekit import api
from livekit.protocol.egress import (
    EgressInfo,
    EgressStatus,
    EncodedFileType,
    EncodingOptionsPreset,
    FileInfo,
    RoomCompositeEgressRequest,
    StopEgressRequest,
)
from livekit.protocol.webhook import WebhookEvent

from meet_embed.media.synth import synthesize
from tests.capture_support import (
    RECORDINGS,
    ROOMS,
    configure,
    create_room,
    eventually,
    load_row,
    media_facts,
    member_headers,
    top_level_boxes,
    wait_for,
)
from tests.conftest import API_KEY
from tests.live import LiveServer, LiveServers

API_HEADERS = {"X-API-KEY": API_KEY}
LK_KEY = "APIfakelivekit01"
LK_SECRET = "fake-livekit-secret-0123456789abcdef0123"
WEBHOOK_PATH = "/meet/livekit/webhook"


def sign_livekit(body: str, key: str = LK_KEY, secret: str = LK_SECRET) -> str:
    """What LiveKit puts in a webhook's ``Authorization``: a token whose ``sha256`` claim is the body's."""
    digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
    return api.AccessToken(key, secret).with_sha256(digest).to_jwt()


def webhook_body(event: str, info: EgressInfo) -> str:
    message = WebhookEvent(
        event=event, egress_info=info, id=f"EV_{uuid.uuid4().hex[:12]}", created_at=int(time.time())
    )
    return MessageToJson(message)


def now_ns() -> int:
    return time.time_ns()


@dataclass
class FakeLiveKit:
    """LiveKit's Egress API and webhooks, scripted by the test."""

    activate_after: float | None = 0.3
    """Seconds after a start until the egress reports ``EGRESS_ACTIVE`` (``None``: never)."""
    active_before_reply: bool = False
    """Report ``egress_started`` and ``EGRESS_ACTIVE`` before answering the start call (webhooks that
    overtake the Twirp response)."""
    complete_on_stop: bool = True
    media: bytes = b""
    """The MP4 the egress "uploads" when it is stopped."""
    media_duration: float = 0.0
    start_error: tuple[int, str] | None = None
    start_delay: float = 0.0
    """Seconds the start call takes to answer (LiveKit looking for an egress service)."""
    calls: list[tuple[str, Any, Any]] = field(default_factory=list)
    """``(method, request message, token claims)`` of every accepted call."""
    refused: list[str] = field(default_factory=list)
    egresses: dict[str, EgressInfo] = field(default_factory=dict)
    webhook_answers: list[int] = field(default_factory=list)
    meet: LiveServer | None = None
    tasks: set[asyncio.Task[Any]] = field(default_factory=set)

    # -- Twirp ------------------------------------------------------------------------------------------

    def app(self) -> Litestar:
        fake = self

        def check(request: Request[Any, Any, Any]) -> Any:
            auth = request.headers.get("authorization", "")
            if not auth.startswith("Bearer "):
                raise PermissionError("no bearer token")
            claims = api.TokenVerifier(LK_KEY, LK_SECRET).verify(auth.removeprefix("Bearer "))
            if not claims.video or not claims.video.room_record:
                raise PermissionError("the token lacks the roomRecord grant")
            if request.headers.get("content-type") != "application/protobuf":
                raise PermissionError("not protobuf")
            return claims

        def twirp_error(status: int, code: str, message: str) -> Response[Any]:
            return Response({"code": code, "msg": message}, status_code=status)

        def protobuf(message: Any) -> Response[bytes]:
            return Response(message.SerializeToString(), media_type="application/protobuf", status_code=200)

        @post("/twirp/livekit.Egress/StartRoomCompositeEgress", status_code=200)
        async def start(request: Request[Any, Any, Any]) -> Response[Any]:
            try:
                claims = check(request)
            except Exception as exc:
                fake.refused.append(str(exc))
                return twirp_error(401, "unauthenticated", str(exc))
            req = RoomCompositeEgressRequest.FromString(await request.body())
            fake.calls.append(("StartRoomCompositeEgress", req, claims))
            await asyncio.sleep(fake.start_delay)
            if fake.start_error:
                return twirp_error(fake.start_error[0], "unavailable", fake.start_error[1])
            info = EgressInfo(
                egress_id=f"EG_{uuid.uuid4().hex[:12]}",
                room_id=f"RM_{uuid.uuid4().hex[:8]}",
                room_name=req.room_name,
                status=EgressStatus.EGRESS_STARTING,
                updated_at=now_ns(),
                room_composite=req,
            )
            fake.egresses[info.egress_id] = info
            if fake.active_before_reply:
                await fake.send("egress_started", info)
                info.status = EgressStatus.EGRESS_ACTIVE
                info.started_at = info.updated_at = now_ns()
                await fake.send("egress_updated", info)
            else:
                fake.spawn(fake._run_egress(info.egress_id))
            return protobuf(info)

        @post("/twirp/livekit.Egress/StopEgress", status_code=200)
        async def stop(request: Request[Any, Any, Any]) -> Response[Any]:
            try:
                claims = check(request)
            except Exception as exc:
                fake.refused.append(str(exc))
                return twirp_error(401, "unauthenticated", str(exc))
            req = StopEgressRequest.FromString(await request.body())
            fake.calls.append(("StopEgress", req, claims))
            info = fake.egresses.get(req.egress_id)
            if info is None:
                return twirp_error(404, "not_found", "egress not found")
            if info.status not in (EgressStatus.EGRESS_STARTING, EgressStatus.EGRESS_ACTIVE):
                return twirp_error(412, "failed_precondition", "egress is not active")
            info.status = EgressStatus.EGRESS_ENDING
            info.updated_at = now_ns()
            info.details = "End reason: StopEgress API"
            if fake.complete_on_stop:
                fake.spawn(fake._finish(req.egress_id))
            return protobuf(info)

        return Litestar(route_handlers=[start, stop], openapi_config=None)

    def spawn(self, coro: Any) -> None:
        task = asyncio.get_running_loop().create_task(coro)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    # -- the egress service's side --------------------------------------------------------------------

    async def _run_egress(self, egress_id: str) -> None:
        info = self.egresses[egress_id]
        await asyncio.sleep(0.05)
        await self.send("egress_started", info)
        if self.activate_after is None:
            return
        await asyncio.sleep(self.activate_after)
        if info.status != EgressStatus.EGRESS_STARTING:
            return
        info.status = EgressStatus.EGRESS_ACTIVE
        info.started_at = info.updated_at = now_ns()
        await self.send("egress_updated", info)

    async def _finish(self, egress_id: str) -> None:
        info = self.egresses[egress_id]
        await self.send("egress_updated", info)  # ENDING
        await self.upload(info)
        await self.send("egress_ended", info)

    async def upload(self, info: EgressInfo, status: int = EgressStatus.EGRESS_COMPLETE) -> None:
        """The egress writes its file into the bucket meet-embed reads, and reports it in ``info``."""
        filepath = info.room_composite.file_outputs[0].filepath
        assert self.meet is not None
        runtime = self.meet.runtime
        await asyncio.wrap_future(self.meet.submit(runtime.store.put, filepath, self.media))
        info.status = status  # type: ignore[assignment]
        info.ended_at = info.updated_at = now_ns()
        info.file_results.append(
            FileInfo(
                filename=filepath,
                started_at=info.started_at,
                ended_at=info.ended_at,
                duration=int(self.media_duration * 1e9),
                size=len(self.media),
                location=f"s3://bucket/{filepath}",
            )
        )

    async def send(self, event: str, info: EgressInfo, *, authorization: str | None = None) -> int:
        """Post a signed webhook to meet-embed, as LiveKit does; returns the status it got."""
        assert self.meet is not None
        body = webhook_body(event, info)
        headers = {
            "Content-Type": "application/webhook+json",
            "Authorization": sign_livekit(body) if authorization is None else authorization,
        }
        async with httpx.AsyncClient(timeout=10) as http:
            response = await http.post(self.meet.url(WEBHOOK_PATH), content=body, headers=headers)
        self.webhook_answers.append(response.status_code)
        return response.status_code

    def calls_of(self, method: str) -> list[Any]:
        return [request for name, request, _ in self.calls if name == method]


@pytest.fixture
def live() -> Iterator[LiveServers]:
    with LiveServers() as servers:
        yield servers


@pytest.fixture(scope="module")
def egress_mp4(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return synthesize(tmp_path_factory.mktemp("livekit") / "egress.mp4", 3.0, kind="mp4", hue=60)


async def start_pair(
    live: LiveServers, config_factory: Any, fake: FakeLiveKit, **overrides: Any
) -> LiveServer:
    lk = live.asgi(fake.app())
    values: dict[str, Any] = {
        "recorder": "livekit",
        "livekit_url": lk.base_url,
        "livekit_api_key": LK_KEY,
        "livekit_api_secret": LK_SECRET,
        "start_timeout": 3,
    }
    values.update(overrides)
    meet = live.meet(await configure(config_factory, **values))
    fake.meet = meet
    return meet


async def test_a_recording_through_livekit_egress(
    live: LiveServers, config_factory: Any, egress_mp4: Path
) -> None:
    media = egress_mp4.read_bytes()
    fake = FakeLiveKit(activate_after=0.4, media=media, media_duration=3.0)
    meet = await start_pair(live, config_factory, fake)
    async with httpx.AsyncClient(base_url=meet.base_url, timeout=20) as http:
        room = await create_room(http, API_HEADERS, "Egress room")
        room_id = room["roomId"]
        layout = await http.put(
            f"{ROOMS}/{room_id}/config",
            json={"config": {"recording": {"layout": "speaker"}}},
            headers=API_HEADERS,
        )
        assert layout.status_code == 200
        moderator = await member_headers(http, room)

        # The start waits for the egress to report itself active.
        began = time.monotonic()
        response = await http.post(RECORDINGS, json={"roomId": room_id}, headers=moderator)
        waited = time.monotonic() - began
        assert response.status_code == 201, response.text
        started = response.json()
        rid = started["recordingId"]
        assert started["status"] == "active"
        assert waited >= 0.35, waited
        assert response.headers["location"].endswith(f"/meet/api/v1/recordings/{rid}")
        for key in ("duration", "endDate", "size"):
            assert key not in started
        uid = rid.rsplit("--", 1)[-1]
        assert started["filename"] == f"{room_id}--{uid}.mp4"
        assert started["layout"] == "speaker"

        # What LiveKit was asked for: a RoomComposite of this room into the reference's file path.
        (request,) = fake.calls_of("StartRoomCompositeEgress")
        assert request.room_name == room_id
        assert request.layout == "speaker"
        (output,) = request.file_outputs
        assert output.filepath == f"recordings/{room_id}/{room_id}--{uid}.mp4"
        assert output.file_type == EncodedFileType.MP4
        assert output.disable_manifest is True
        assert request.preset == EncodingOptionsPreset.H264_720P_30
        _, _, claims = fake.calls[0]
        assert claims.video.room_record is True
        assert fake.refused == []
        (egress_id,) = fake.egresses
        assert fake.webhook_answers == [200, 200]  # egress_started, egress_updated (active)
        row = await meet.call(load_row, meet.runtime, rid)
        assert row.egress_id == egress_id
        assert row.backend == "livekit"

        # A chunk upload makes no sense for an egress recording.
        chunk = await http.put(f"{RECORDINGS}/{rid}/chunks/0", content=b"x", headers=moderator)
        assert chunk.status_code in (403, 409), chunk.text

        # Stop: StopEgress with the egress id; the egress ends, uploads, reports; meet-embed completes it.
        stop = await http.post(f"{RECORDINGS}/{rid}/stop", headers=moderator)
        assert stop.status_code == 202, stop.text
        assert stop.json()["status"] in ("ending", "complete")
        assert [r.egress_id for r in fake.calls_of("StopEgress")] == [egress_id]
        done = await wait_for(http, rid, moderator, ("complete", "failed"))
        assert done["status"] == "complete", done
        assert done["size"] == len(media)
        assert abs(done["duration"] - 3.0) < 0.01
        assert done["filename"] == f"{room_id}--{uid}.mp4"
        assert done["endDate"] >= done["startDate"]
        row = await meet.call(load_row, meet.runtime, rid)
        assert row.crc32 == zlib.crc32(media)
        assert row.media_key == f"recordings/{room_id}/{room_id}--{uid}.mp4"
        poster = await http.get(f"{RECORDINGS}/{rid}/poster", headers=moderator)
        assert poster.status_code == 200
        assert poster.content[:3] == b"\xff\xd8\xff"
        downloaded = await http.get(f"{RECORDINGS}/{rid}/media", headers=moderator)
        assert downloaded.status_code == 200
        assert downloaded.content == media
    facts = media_facts(downloaded.content)
    assert facts["streams"] == ["audio", "video"]
    boxes = top_level_boxes(downloaded.content)
    assert boxes.index("moov") < boxes.index("mdat")
    assert fake.webhook_answers == [200, 200, 200, 200]


async def test_webhooks_with_a_bad_signature_are_refused(live: LiveServers, config_factory: Any) -> None:
    fake = FakeLiveKit(activate_after=0.1, complete_on_stop=False)
    meet = await start_pair(live, config_factory, fake)
    async with httpx.AsyncClient(base_url=meet.base_url, timeout=20) as http:
        room = await create_room(http, API_HEADERS)
        started = await http.post(RECORDINGS, json={"roomId": room["roomId"]}, headers=API_HEADERS)
        assert started.status_code == 201, started.text
        rid = started.json()["recordingId"]
        (egress_id,) = fake.egresses
        failed = EgressInfo()
        failed.CopyFrom(fake.egresses[egress_id])
        failed.status = EgressStatus.EGRESS_FAILED
        failed.error = "forged"
        body = webhook_body("egress_ended", failed)

        async def post(content: str, authorization: str | None) -> int:
            headers = {"Content-Type": "application/webhook+json"}
            if authorization is not None:
                headers["Authorization"] = authorization
            return (await http.post(WEBHOOK_PATH, content=content, headers=headers)).status_code

        assert await post(body, sign_livekit(body, secret="not-the-secret-0123456789abcdef01234")) == 401
        assert await post(body, sign_livekit(body, key="APIotherkey")) == 401
        assert await post(body, sign_livekit(body.replace("forged", "altered"))) == 401
        assert await post(body, None) == 401
        assert await post(body, "garbage") == 401
        unsigned_hash = api.AccessToken(LK_KEY, LK_SECRET).to_jwt()
        assert await post(body, unsigned_hash) == 401
        after = (await http.get(f"{RECORDINGS}/{rid}", headers=API_HEADERS)).json()
        assert after["status"] == "active"
        assert "error" not in after
        # Correctly signed, the same event is taken (and a webhook about somebody else's egress is ignored).
        stranger = EgressInfo(egress_id="EG_notours", room_name="x", status=EgressStatus.EGRESS_FAILED)
        assert await fake.send("egress_ended", stranger) == 200
        assert (await http.get(f"{RECORDINGS}/{rid}", headers=API_HEADERS)).json()["status"] == "active"
        assert await post(body, sign_livekit(body)) == 200
        assert (await http.get(f"{RECORDINGS}/{rid}", headers=API_HEADERS)).json()["status"] == "failed"


async def test_a_start_that_never_becomes_active(live: LiveServers, config_factory: Any) -> None:
    fake = FakeLiveKit(activate_after=None, complete_on_stop=False)
    meet = await start_pair(live, config_factory, fake, start_timeout=1)
    async with httpx.AsyncClient(base_url=meet.base_url, timeout=20) as http:
        room = await create_room(http, API_HEADERS)
        began = time.monotonic()
        response = await http.post(RECORDINGS, json={"roomId": room["roomId"]}, headers=API_HEADERS)
        waited = time.monotonic() - began
        assert response.status_code == 503, response.text
        assert response.json()["message"] == f"Recording in room '{room['roomId']}' timed out while starting"
        assert 0.9 <= waited < 3.0, waited
        listed = (await http.get(RECORDINGS, params={"roomId": room["roomId"]}, headers=API_HEADERS)).json()
        (recording,) = listed["recordings"]
        assert recording["status"] == "failed"
        assert recording["error"] == "Timed out while starting"
        (egress_id,) = fake.egresses
        assert [r.egress_id for r in fake.calls_of("StopEgress")] == [egress_id]
        # The room is free for another try.
        fake.activate_after = 0.1
        assert (
            await http.post(RECORDINGS, json={"roomId": room["roomId"]}, headers=API_HEADERS)
        ).status_code == 201


async def test_livekit_refuses_the_start(live: LiveServers, config_factory: Any) -> None:
    fake = FakeLiveKit(start_error=(503, "no egress available"))
    meet = await start_pair(live, config_factory, fake)
    async with httpx.AsyncClient(base_url=meet.base_url, timeout=20) as http:
        room = await create_room(http, API_HEADERS)
        response = await http.post(RECORDINGS, json={"roomId": room["roomId"]}, headers=API_HEADERS)
        assert response.status_code == 503, response.text
        listed = (await http.get(RECORDINGS, params={"roomId": room["roomId"]}, headers=API_HEADERS)).json()
        (recording,) = listed["recordings"]
        assert recording["status"] == "failed"
        assert "LiveKit refused to start the egress" in recording["error"]


async def test_an_egress_that_fails(live: LiveServers, config_factory: Any) -> None:
    fake = FakeLiveKit(activate_after=0.1, complete_on_stop=False)
    meet = await start_pair(live, config_factory, fake)
    async with httpx.AsyncClient(base_url=meet.base_url, timeout=20) as http:
        room = await create_room(http, API_HEADERS)
        started = await http.post(RECORDINGS, json={"roomId": room["roomId"]}, headers=API_HEADERS)
        assert started.status_code == 201, started.text
        rid = started.json()["recordingId"]
        (info,) = fake.egresses.values()
        info.status = EgressStatus.EGRESS_FAILED
        info.error = "Start signal not received"
        info.error_code = 412
        info.ended_at = info.updated_at = now_ns()
        assert await fake.send("egress_ended", info) == 200
        failed = await wait_for(http, rid, API_HEADERS, ("failed",), timeout=5)
        assert failed["error"] == "Start signal not received"
        assert failed["errorCode"] == 412
        assert "endDate" in failed
        assert (await http.get(f"{RECORDINGS}/{rid}/media", headers=API_HEADERS)).status_code == 409
        # Stopping it now: already stopped.
        again = await http.post(f"{RECORDINGS}/{rid}/stop", headers=API_HEADERS)
        assert again.status_code == 409
        assert fake.calls_of("StopEgress") == []


async def test_a_long_egress_is_not_taken_for_stale(live: LiveServers, config_factory: Any) -> None:
    fake = FakeLiveKit(activate_after=0.1, complete_on_stop=False)
    meet = await start_pair(live, config_factory, fake, stale_after=1)
    async with httpx.AsyncClient(base_url=meet.base_url, timeout=20) as http:
        room = await create_room(http, API_HEADERS)
        started = await http.post(RECORDINGS, json={"roomId": room["roomId"]}, headers=API_HEADERS)
        assert started.status_code == 201, started.text
        rid = started.json()["recordingId"]
        # The egress records on, quietly (LiveKit sends nothing while nothing changes).
        await asyncio.sleep(1.3)
        await meet.call(meet.runtime.sweeper.sweep_once)
        assert fake.calls_of("StopEgress") == []
        assert (await http.get(f"{RECORDINGS}/{rid}", headers=API_HEADERS)).json()["status"] == "active"


async def test_webhooks_that_overtake_the_start_response(live: LiveServers, config_factory: Any) -> None:
    fake = FakeLiveKit(active_before_reply=True, complete_on_stop=False)
    meet = await start_pair(live, config_factory, fake, start_timeout=1)
    async with httpx.AsyncClient(base_url=meet.base_url, timeout=20) as http:
        room = await create_room(http, API_HEADERS)
        response = await http.post(RECORDINGS, json={"roomId": room["roomId"]}, headers=API_HEADERS)
        assert fake.webhook_answers == [200, 200]
        assert response.status_code == 201, response.text
        assert response.json()["status"] == "active"
        assert fake.calls_of("StopEgress") == []


# -- limits, lost and repeated reports, failures while completing -------------------------------------------


def count_reads(meet: LiveServer, key_suffix: str) -> list[str]:
    """Record every read of an object whose key ends with ``key_suffix`` (hashing the egress file)."""
    store = meet.runtime.store
    real = store.stream
    reads: list[str] = []

    async def stream(key: str, *args: Any, **kwargs: Any) -> Any:
        if key.endswith(key_suffix):
            reads.append(key)
        return await real(key, *args, **kwargs)

    store.stream = stream  # type: ignore[method-assign]
    return reads


async def test_the_rooms_max_duration_ends_an_egress_with_limit_reached(
    live: LiveServers, config_factory: Any, egress_mp4: Path
) -> None:
    """The room allows one second: the egress is stopped when it passes (not at the next sweep, which here
    never comes), and the recording ends ``limit_reached`` although the egress itself completed normally."""
    media = egress_mp4.read_bytes()
    fake = FakeLiveKit(activate_after=0.1, media=media, media_duration=3.0)
    meet = await start_pair(live, config_factory, fake)
    async with httpx.AsyncClient(base_url=meet.base_url, timeout=20) as http:
        room = await create_room(http, API_HEADERS)
        limited = await http.put(
            f"{ROOMS}/{room['roomId']}/config",
            json={"config": {"recording": {"maxDuration": 1}}},
            headers=API_HEADERS,
        )
        assert limited.status_code == 200, limited.text
        started = await http.post(RECORDINGS, json={"roomId": room["roomId"]}, headers=API_HEADERS)
        assert started.status_code == 201, started.text
        rid = started.json()["recordingId"]
        done = await wait_for(http, rid, API_HEADERS, ("complete", "limit_reached", "failed"), timeout=6)
        assert done["status"] == "limit_reached", done
        assert done["details"] == "End reason: max duration reached"
        assert done["size"] == len(media)
        assert len(fake.calls_of("StopEgress")) == 1
        assert (await http.get(f"{RECORDINGS}/{rid}/media", headers=API_HEADERS)).content == media


async def test_an_egress_that_reaches_its_own_limit(
    live: LiveServers, config_factory: Any, egress_mp4: Path
) -> None:
    """LiveKit's egress service has limits of its own (EGRESS_LIMIT_REACHED): the recording is
    ``limit_reached``, with its file."""
    fake = FakeLiveKit(activate_after=0.1, complete_on_stop=False, media=egress_mp4.read_bytes())
    meet = await start_pair(live, config_factory, fake)
    async with httpx.AsyncClient(base_url=meet.base_url, timeout=20) as http:
        room = await create_room(http, API_HEADERS)
        started = await http.post(RECORDINGS, json={"roomId": room["roomId"]}, headers=API_HEADERS)
        rid = started.json()["recordingId"]
        (info,) = fake.egresses.values()
        await fake.upload(info, EgressStatus.EGRESS_LIMIT_REACHED)
        assert await fake.send("egress_ended", info) == 200
        done = await wait_for(http, rid, API_HEADERS, ("complete", "limit_reached", "failed"))
        assert done["status"] == "limit_reached", done
        assert done["size"] == len(fake.media)


async def test_a_repeated_egress_ended_changes_nothing(
    live: LiveServers, config_factory: Any, egress_mp4: Path
) -> None:
    """LiveKit may deliver ``egress_ended`` twice (a retry, two webhook URLs): the file is read once."""
    fake = FakeLiveKit(activate_after=0.1, media=egress_mp4.read_bytes(), media_duration=3.0)
    meet = await start_pair(live, config_factory, fake)
    reads = count_reads(meet, ".mp4")
    async with httpx.AsyncClient(base_url=meet.base_url, timeout=20) as http:
        room = await create_room(http, API_HEADERS)
        rid = (await http.post(RECORDINGS, json={"roomId": room["roomId"]}, headers=API_HEADERS)).json()[
            "recordingId"
        ]
        assert (await http.post(f"{RECORDINGS}/{rid}/stop", headers=API_HEADERS)).status_code == 202
        done = await wait_for(http, rid, API_HEADERS)
        assert len(reads) == 1
        (info,) = fake.egresses.values()
        assert await fake.send("egress_ended", info) == 200
        await asyncio.sleep(0.5)
        assert len(reads) == 1
        again = (await http.get(f"{RECORDINGS}/{rid}", headers=API_HEADERS)).json()
        assert again == done


async def test_egress_ended_while_the_recording_is_still_starting(
    live: LiveServers, config_factory: Any, egress_mp4: Path
) -> None:
    """The ``egress_updated`` that said "active" was lost: ``egress_ended`` with the file arrives while the
    recording is still ``starting``. The start answers with the recording, which completes."""
    fake = FakeLiveKit(activate_after=None, complete_on_stop=False, media=egress_mp4.read_bytes())
    meet = await start_pair(live, config_factory, fake, start_timeout=5)
    async with httpx.AsyncClient(base_url=meet.base_url, timeout=20) as http:
        room = await create_room(http, API_HEADERS)
        start = asyncio.create_task(
            http.post(RECORDINGS, json={"roomId": room["roomId"]}, headers=API_HEADERS)
        )
        await eventually(lambda: fake.webhook_answers == [200])  # egress_started
        (info,) = fake.egresses.values()
        await fake.upload(info)
        assert await fake.send("egress_ended", info) == 200
        response = await start
        assert response.status_code == 201, response.text
        rid = response.json()["recordingId"]
        assert response.json()["status"] in ("ending", "complete")
        done = await wait_for(http, rid, API_HEADERS, ("complete", "failed"))
        assert done["status"] == "complete", done
        assert (await http.get(f"{RECORDINGS}/{rid}/media", headers=API_HEADERS)).content == fake.media


async def test_a_failed_completion_is_retried_by_the_sweep(
    live: LiveServers, config_factory: Any, egress_mp4: Path
) -> None:
    """The store fails while the egress' file is hashed (the webhook's one chance): the recording is not
    left ``ending`` until it is given up on; the next sweep completes it."""
    fake = FakeLiveKit(activate_after=0.1, media=egress_mp4.read_bytes(), media_duration=3.0)
    meet = await start_pair(live, config_factory, fake)
    store = meet.runtime.store
    real = store.stream
    failures: list[str] = []

    async def flaky(key: str, *args: Any, **kwargs: Any) -> Any:
        if key.endswith(".mp4") and not failures:
            failures.append(key)
            raise RuntimeError("the store is unavailable")
        return await real(key, *args, **kwargs)

    store.stream = flaky  # type: ignore[method-assign]
    async with httpx.AsyncClient(base_url=meet.base_url, timeout=20) as http:
        room = await create_room(http, API_HEADERS)
        rid = (await http.post(RECORDINGS, json={"roomId": room["roomId"]}, headers=API_HEADERS)).json()[
            "recordingId"
        ]
        assert (await http.post(f"{RECORDINGS}/{rid}/stop", headers=API_HEADERS)).status_code == 202
        await eventually(lambda: failures)
        await asyncio.sleep(0.3)
        assert (await http.get(f"{RECORDINGS}/{rid}", headers=API_HEADERS)).json()["status"] == "ending"
        report = await meet.call(meet.runtime.sweeper.sweep_once)
        assert report.finalized == [rid]
        done = (await http.get(f"{RECORDINGS}/{rid}", headers=API_HEADERS)).json()
        assert done["status"] == "complete"
        assert done["size"] == len(fake.media)
        assert abs(done["duration"] - 3.0) < 0.01
        row = await meet.call(load_row, meet.runtime, rid)
        assert row.crc32 == zlib.crc32(fake.media)


async def test_a_stop_while_the_egress_is_being_created(
    live: LiveServers, config_factory: Any, egress_mp4: Path
) -> None:
    """A stop while LiveKit has not yet answered the start: 409 as the reference says (never a 500 from
    LiveKit not knowing the egress yet), the egress is stopped once it exists, and the file it uploads
    anyway goes when the recording is deleted."""
    fake = FakeLiveKit(activate_after=None, start_delay=0.8, media=egress_mp4.read_bytes())
    meet = await start_pair(live, config_factory, fake)
    async with httpx.AsyncClient(base_url=meet.base_url, timeout=20) as http:
        room = await create_room(http, API_HEADERS)
        room_id = room["roomId"]
        start = asyncio.create_task(http.post(RECORDINGS, json={"roomId": room_id}, headers=API_HEADERS))
        await eventually(lambda: fake.calls_of("StartRoomCompositeEgress"))
        (recording,) = (await http.get(RECORDINGS, params={"roomId": room_id}, headers=API_HEADERS)).json()[
            "recordings"
        ]
        rid = recording["recordingId"]
        stop = await http.post(f"{RECORDINGS}/{rid}/stop", headers=API_HEADERS)
        assert stop.status_code == 409, stop.text
        assert stop.json() == {
            "error": "Recording Error",
            "message": f"Recording '{rid}' cannot be stopped while starting",
        }
        started = await start
        assert started.status_code == 503, started.text
        (egress_id,) = fake.egresses
        await eventually(lambda: egress_id in [r.egress_id for r in fake.calls_of("StopEgress")])
        await eventually(lambda: len(fake.webhook_answers) >= 3)  # egress_started, ending, ended
        await asyncio.sleep(0.3)
        aborted = (await http.get(f"{RECORDINGS}/{rid}", headers=API_HEADERS)).json()
        assert aborted["status"] == "aborted"
        assert await meet.call(meet.runtime.store.list_keys, f"recordings/{room_id}") != []
        assert (await http.delete(f"{RECORDINGS}/{rid}", headers=API_HEADERS)).status_code == 200
        await eventually(
            lambda: meet.call(meet.runtime.store.list_keys, f"recordings/{room_id}"), negate=True
        )


async def test_a_forced_room_deletion_stops_the_egress(
    live: LiveServers, config_factory: Any, egress_mp4: Path
) -> None:
    """Deleting a room that is being recorded through LiveKit stops the egress; the file it uploads after
    the recording is gone is deleted, not left in the bucket for nobody."""
    fake = FakeLiveKit(activate_after=0.1, media=egress_mp4.read_bytes(), media_duration=3.0)
    meet = await start_pair(live, config_factory, fake)
    async with httpx.AsyncClient(base_url=meet.base_url, timeout=20) as http:
        room = await create_room(http, API_HEADERS)
        room_id = room["roomId"]
        started = await http.post(RECORDINGS, json={"roomId": room_id}, headers=API_HEADERS)
        assert started.status_code == 201, started.text
        deleted = await http.delete(f"{ROOMS}/{room_id}?withRecordings=force", headers=API_HEADERS)
        assert deleted.status_code == 200, deleted.text
        (egress_id,) = fake.egresses
        assert [r.egress_id for r in fake.calls_of("StopEgress")] == [egress_id]
        await eventually(lambda: len(fake.webhook_answers) >= 4)  # started, active, ending, ended
        assert fake.webhook_answers == [200, 200, 200, 200]
        await eventually(
            lambda: meet.call(meet.runtime.store.list_keys, f"recordings/{room_id}"), negate=True
        )
