"""Shared fixtures of the end-to-end tests: a live meet-embed (uvicorn on a free loopback port, a temporary
data directory, rooms with real recordings) and Debian's Chromium driven by Playwright.

Screenshots of every page are written to ``$MEET_E2E_SCREENSHOTS`` (e.g. ``docs/images``) when it is set.
"""

from __future__ import annotations

import asyncio
import os
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from meet_embed import MeetEmbedConfig, create_app
from meet_embed.media.synth import synthesize
from meet_embed.recordings.ingest import import_file
from meet_embed.rooms.schemas import RoomConfigIn, RoomCreate, RoomRecordingConfigIn
from meet_embed.rooms.service import RoomsService
from meet_embed.runtime import MeetRuntime

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


async def _seed(config: MeetEmbedConfig, base_url: str, media_dir: Path) -> list[SeededRoom]:
    runtime = MeetRuntime.create(config)
    await runtime.startup(background=False)
    day = 24 * 3600 * 1000
    now = int(time.time() * 1000)
    seeded: list[SeededRoom] = []
    n = 0
    try:
        for name, access, recordings in ROOMS:
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


@pytest.fixture(scope="session")
def live_meet(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveMeet]:
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
    )
    rooms = asyncio.run(_seed(config, base_url, media_dir))

    server = uvicorn.Server(uvicorn.Config(create_app(config), log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the live meet-embed server did not start")
        time.sleep(0.05)
    try:
        yield LiveMeet(base_url=base_url, prefix=config.path, config=config, rooms=rooms)
    finally:
        server.should_exit = True
        thread.join(timeout=15)
        sock.close()


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
    """Where to save screenshots (``$MEET_E2E_SCREENSHOTS``), or ``None`` not to."""
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
