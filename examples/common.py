"""What every example shares and that is *not* part of the integration: the example room with one real,
playable recording made at start-up, the command line, and a signing key kept in the data directory.

The integration itself (mounting, login, the admin hook, minting tokens, the pages) is written out in full
in each example, so that one folder reads on its own.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import secrets
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from meet_embed.media.synth import synthesize
from meet_embed.plugin import STATE_KEY
from meet_embed.recordings.ingest import import_file
from meet_embed.recordings.models import RecordingModel
from meet_embed.rooms.models import RoomModel
from meet_embed.rooms.schemas import RoomCreate
from meet_embed.rooms.service import RoomsService
from meet_embed.runtime import MeetRuntime

__all__ = ("ROOM_NAME", "ExampleRoom", "Seeded", "announce", "host_secret", "parse_args", "seed_example_room")

ROOM_NAME = "Team meeting"
RECORDING_SECONDS = 8.0

logger = logging.getLogger("examples")


@dataclass(frozen=True, slots=True)
class ExampleRoom:
    room_id: str
    room_name: str
    moderator_secret: str
    speaker_secret: str
    recording_id: str

    def secret_for(self, role: str) -> str:
        return self.moderator_secret if role == "moderator" else self.speaker_secret


async def seed_example_room(runtime: MeetRuntime) -> ExampleRoom:
    """The room named :data:`ROOM_NAME` with at least one complete recording; made on the first start,
    found again on the next ones (the data directory keeps both)."""
    async with runtime.db.sessionmaker() as session:
        room = await session.scalar(
            select(RoomModel)
            .where(RoomModel.room_name == ROOM_NAME, RoomModel.status == "open")
            .order_by(RoomModel.creation_date)
            .limit(1)
        )
        if room is None:
            room = await RoomsService(session, runtime).create(RoomCreate(room_name=ROOM_NAME))
        recording_id = await session.scalar(
            select(RecordingModel.recording_id)
            .where(RecordingModel.room_id == room.room_id, RecordingModel.status == "complete")
            .order_by(RecordingModel.start_date)
            .limit(1)
        )
    if recording_id is None:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "example.mp4"
            await asyncio.to_thread(synthesize, path, RECORDING_SECONDS, kind="mp4", hue=140, tone=523.25)
            recording_id = (await import_file(runtime, room.room_id, path)).recording_id
        logger.info("seeded room %s with recording %s", room.room_id, recording_id)
    return ExampleRoom(
        room_id=room.room_id,
        room_name=room.room_name,
        moderator_secret=room.moderator_secret,
        speaker_secret=room.speaker_secret,
        recording_id=recording_id,
    )


class Seeded:
    """Holds the example room once meet-embed has started: ``on_startup`` is a Litestar start-up hook,
    given to ``create_app(config, on_startup=[seeded.on_startup])`` or to the host's Litestar app (it runs
    after meet-embed's own start-up, so the database is migrated and the runtime is ready)."""

    def __init__(self) -> None:
        self._room: ExampleRoom | None = None

    async def on_startup(self, app: Any) -> None:
        self._room = await seed_example_room(app.state[STATE_KEY])

    @property
    def room(self) -> ExampleRoom:
        if self._room is None:
            raise RuntimeError("meet-embed has not started: its ASGI lifespan did not run")
        return self._room


def host_secret(data_dir: Path, name: str = "host_secret", nbytes: int = 32) -> str:
    """A random key for the host's sessions, kept in the data directory so sessions survive restarts."""
    path = data_dir / name
    if path.exists():
        return path.read_text().strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(nbytes)
    path.write_text(key)
    path.chmod(0o600)
    return key


USERS_HINT = "users: ada / ada-password (administrator), bob / bob-password"


def announce(framework: str, host: str, port: int) -> None:
    print(f"{framework} example on http://{host}:{port}/  ({USERS_HINT})", flush=True)


def parse_args(
    prog: str,
    description: str,
    default_port: int,
    default_data_dir: Path,
    extra: Callable[[argparse.ArgumentParser], None] | None = None,
) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument("--host", default="127.0.0.1", help="interface to listen on (default: %(default)s)")
    parser.add_argument("--port", type=int, default=default_port, help="port (default: %(default)s)")
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=default_data_dir,
        help="where the host's key and meet-embed's database and media live (default: %(default)s)",
    )
    if extra is not None:
        extra(parser)
    args = parser.parse_args()
    args.data_dir = args.data_dir.resolve()
    return args
