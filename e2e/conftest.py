"""Shared fixtures of the end-to-end tests: a live meet-embed (uvicorn on a free loopback port, a temporary
data directory, rooms with real recordings) and Debian's Chromium driven by Playwright.

Every test that has a page leaves a PNG of it in ``test-results/screenshots/`` (the ``page`` fixture's at the
end of the test, others through :func:`save_screenshot`). The curated pictures of the documentation are
written to ``$MEET_E2E_SCREENSHOTS`` (e.g. ``docs/images``) when it is set.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import os
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from playwright.sync_api import Browser, BrowserContext, Page

from meet_embed import MeetEmbedConfig, create_app
from meet_embed.media.synth import synthesize
from meet_embed.recordings.ingest import import_file
from meet_embed.rooms.schemas import RoomConfigIn, RoomCreate, RoomRecordingConfigIn
from meet_embed.rooms.service import RoomsService
from meet_embed.runtime import MeetRuntime

REPO = Path(__file__).resolve().parent.parent
SCREENSHOTS = REPO / "test-results" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--use-fake-device-for-media-stream",
    "--use-fake-ui-for-media-stream",
]
API_KEY = "e2e-api-key-0123456789"
ADMIN_PASSWORD = "e2e-admin-password"

# name, allowAccessTo, recordings (seconds, container)
ROOMS: list[tuple[str, str, list[tuple[float, str]]]] = [
    ("Daily standup", "admin_moderator_speaker", [(12, "mp4"), (8, "mp4"), (6, "webm")]),
    ("Design review", "admin_moderator", [(10, "mp4"), (7, "mp4")]),
    ("Board meeting", "admin", [(9, "mp4")]),
    ("Team retro", "admin_moderator_speaker", [(5, "mp4")]),
    ("All hands", "admin_moderator_speaker", []),
]


@dataclass
class SeededRoom:
    room_id: str
    room_name: str
    moderator_url: str
    speaker_url: str
    recording_ids: list[str] = field(default_factory=list)


@dataclass
class LiveMeet:
    base_url: str
    prefix: str
    config: MeetEmbedConfig
    rooms: list[SeededRoom]

    @property
    def api(self) -> str:
        return f"{self.base_url}{self.prefix}/api/v1"

    def room(self, name: str) -> SeededRoom:
        return next(r for r in self.rooms if r.room_name == name)


def _free_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


async def _seed(
    config: MeetEmbedConfig,
    base_url: str,
    media_dir: Path,
    rooms: list[tuple[str, str, list[tuple[float, str]]]] = ROOMS,
) -> list[SeededRoom]:
    runtime = MeetRuntime.create(config)
    await runtime.startup(background=False)
    day = 24 * 3600 * 1000
    now = int(time.time() * 1000)
    seeded: list[SeededRoom] = []
    n = 0
    try:
        for name, access, recordings in rooms:
            async with runtime.db.sessionmaker() as session:
                service = RoomsService(session, runtime)
                room = await service.create(
                    RoomCreate(
                        room_name=name,
                        config=RoomConfigIn(recording=RoomRecordingConfigIn(allow_access_to=access)),  # type: ignore[arg-type]
                    )
                )
                wire = service.to_wire(room, base_url)
            entry = SeededRoom(room.room_id, name, wire.moderator_url, wire.speaker_url)
            for seconds, kind in recordings:
                n += 1
                path = media_dir / f"e2e-{n}.{kind}"
                await asyncio.to_thread(synthesize, path, seconds, kind=kind, hue=n * 47, tone=330 + n * 55)  # type: ignore[arg-type]
                row = await import_file(runtime, room.room_id, path, start_date=now - n * day // 3)
                entry.recording_ids.append(row.recording_id)
            seeded.append(entry)
    finally:
        await runtime.shutdown()
    return seeded


@contextlib.contextmanager
def run_meet(
    tmp_path_factory: pytest.TempPathFactory,
    rooms: list[tuple[str, str, list[tuple[float, str]]]] = ROOMS,
    **settings: Any,
) -> Iterator[LiveMeet]:
    """A meet-embed of its own (data directory, seeded rooms, uvicorn on a free loopback port)."""
    data_dir = tmp_path_factory.mktemp("meet-data")
    media_dir = tmp_path_factory.mktemp("meet-media")
    sock = _free_socket()
    port = sock.getsockname()[1]
    base_url = f"http://127.0.0.1:{port}"
    config = MeetEmbedConfig(
        data_dir=data_dir,
        api_keys=[f"e2e={API_KEY}"],
        admin_password=ADMIN_PASSWORD,
        public_url=base_url,
        **settings,
    )
    # In a thread of its own: Playwright's sync API may already run an event loop in this one.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        seeded = pool.submit(asyncio.run, _seed(config, base_url, media_dir, rooms)).result()

    server = uvicorn.Server(uvicorn.Config(create_app(config), log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the live meet-embed server did not start")
        time.sleep(0.05)
    try:
        yield LiveMeet(base_url=base_url, prefix=config.path, config=config, rooms=seeded)
    finally:
        server.should_exit = True
        thread.join(timeout=15)
        sock.close()


@pytest.fixture(scope="session")
def live_meet(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveMeet]:
    with run_meet(tmp_path_factory) as meet:
        yield meet


def create_room(live_meet: LiveMeet, name: str, allow_access_to: str | None = None) -> SeededRoom:
    """A room made through the rooms API with the API key (remove it with :func:`delete_room`)."""
    body: dict[str, Any] = {"roomName": name}
    if allow_access_to:
        body["config"] = {"recording": {"allowAccessTo": allow_access_to}}
    created = httpx.post(f"{live_meet.api}/rooms", json=body, headers={"X-API-KEY": API_KEY})
    created.raise_for_status()
    room = created.json()
    return SeededRoom(room["roomId"], room["roomName"], room["moderatorUrl"], room["speakerUrl"])


def delete_room(live_meet: LiveMeet, room: SeededRoom) -> None:
    httpx.delete(
        f"{live_meet.api}/rooms/{room.room_id}",
        params={"withRecordings": "force"},
        headers={"X-API-KEY": API_KEY},
    )


@pytest.fixture
def new_context(
    browser: Browser, browser_context_args: dict[str, Any]
) -> Iterator[Callable[..., BrowserContext]]:
    """Browser contexts of the test's own (other people: their own cookies, storage and permissions),
    closed at the end. Keyword arguments replace the usual context settings."""
    made: list[BrowserContext] = []

    def make(**overrides: Any) -> BrowserContext:
        context = browser.new_context(**{**browser_context_args, **overrides})
        made.append(context)
        return context

    yield make
    for context in made:
        with contextlib.suppress(Exception):
            context.close()


# -- screenshots as test artifacts ---------------------------------------------------------------------------


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", text).strip("-")


def save_screenshot(page: Page, name: str, *, full_page: bool = True) -> Path | None:
    """Keep a PNG of the page in ``test-results/screenshots/`` (never fails the test)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{_slug(name)}.png"
    try:
        page.screenshot(path=path, full_page=full_page, timeout=5000)
    except Exception:
        return None
    return path


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    yield
    # The end of every test that has the `page` fixture, passed or failed, before the page is closed.
    page = getattr(item, "funcargs", {}).get("page")
    if isinstance(page, Page) and not page.is_closed():
        save_screenshot(page, f"{item.module.__name__.rsplit('.', 1)[-1]}-{item.name}")  # type: ignore[attr-defined]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {
        **browser_context_args,
        "permissions": ["camera", "microphone"],
        "viewport": {"width": 1280, "height": 800},
        "locale": "en-US",
        "timezone_id": "UTC",
    }


@pytest.fixture(scope="session")
def screenshots_dir() -> Path | None:
    """Where to copy the documentation's curated screenshots (``$MEET_E2E_SCREENSHOTS``), or ``None`` not to
    (every screenshot is kept in ``test-results/screenshots/`` anyway)."""
    target = os.environ.get("MEET_E2E_SCREENSHOTS")
    if not target:
        return None
    path = Path(target)
    path.mkdir(parents=True, exist_ok=True)
    return path


def pytest_configure(config: pytest.Config) -> None:
    # pytest-playwright's own session fixtures trip a pytest 9 deprecation notice; not ours to fix.
    config.addinivalue_line(
        "filterwarnings",
        "ignore:Session-scoped fixtures defined as instance methods:pytest.PytestDeprecationWarning",
    )


# -- recordings made through the API -----------------------------------------------------------------------


def wait_for_status(
    live_meet: LiveMeet, recording_id: str, statuses: tuple[str, ...], timeout: float = 30.0
) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        answer = httpx.get(f"{live_meet.api}/recordings/{recording_id}", headers={"X-API-KEY": API_KEY})
        answer.raise_for_status()
        recording: dict[str, Any] = answer.json()
        if recording["status"] in statuses:
            return recording
        if time.monotonic() > deadline:
            raise AssertionError(f"{recording_id} is {recording['status']}, not one of {statuses}")
        time.sleep(0.2)


def record_via_api(live_meet: LiveMeet, room: SeededRoom, media: Path, seconds: float = 3.0) -> str:
    """A complete recording of ``room``, as a host's own recorder would make it with the API key: start,
    the media as one final chunk, stop; returns its id once it is ready."""
    headers = {"X-API-KEY": API_KEY}
    if not media.exists():
        synthesize(media, seconds, kind="webm-h264", hue=200, tone=520)
    started = httpx.post(f"{live_meet.api}/recordings", json={"roomId": room.room_id}, headers=headers)
    started.raise_for_status()
    recording_id: str = started.json()["recordingId"]
    uploaded = httpx.put(
        f"{live_meet.api}/recordings/{recording_id}/chunks/0",
        params={"final": "true"},
        content=media.read_bytes(),
        headers={**headers, "Content-Type": "video/webm"},
    )
    uploaded.raise_for_status()
    httpx.post(f"{live_meet.api}/recordings/{recording_id}/stop", headers=headers)
    wait_for_status(live_meet, recording_id, ("complete",))
    return recording_id
