"""The demo: a few rooms with real, playable recordings (made with PyAV), and what a newcomer needs."""

from __future__ import annotations

import asyncio
import dataclasses
import tempfile
from pathlib import Path
from typing import Any, Literal

import msgspec
from sqlalchemy import func, select

from meet_embed.config import MeetEmbedConfig
from meet_embed.db.base import now_ms
from meet_embed.media.synth import synthesize
from meet_embed.recordings.ingest import import_file
from meet_embed.rooms.models import RoomModel
from meet_embed.rooms.schemas import AllowAccessTo, Room, RoomConfigIn, RoomCreate, RoomRecordingConfigIn
from meet_embed.rooms.service import RoomsService
from meet_embed.runtime import MeetRuntime

__all__ = ("DEMO_ADMIN_PASSWORD", "DEMO_API_KEY", "DemoInfo", "demo_config", "seed_demo")

DEMO_API_KEY = "meet-embed-demo-key"
"""Only ever used by ``meet-embed demo`` when no key is configured; the demo listens on loopback."""
DEMO_ADMIN_PASSWORD = "demo-admin"  # noqa: S105 - printed by the loopback-only demo

_ROOMS: list[tuple[str, AllowAccessTo, list[tuple[float, Literal["mp4", "webm"]]]]] = [
    ("Daily standup", "admin_moderator_speaker", [(12, "mp4"), (8, "mp4"), (6, "webm")]),
    ("Design review", "admin_moderator", [(10, "mp4"), (15, "mp4")]),
    ("Board meeting", "admin", [(9, "mp4")]),
]


class DemoInfo(msgspec.Struct, rename="camel"):
    base_url: str
    api_key: str
    admin_password: str | None
    rooms: list[Room]
    moderator_token: str
    speaker_token: str

    def render(self) -> str:
        api = f"{self.base_url}/meet/api/v1"
        lines = [
            "",
            "meet-embed demo",
            "===============",
            f"  API:            {api}   (X-API-KEY: {self.api_key})",
            f"  API docs:       {self.base_url}/meet/docs",
            f"  Console:        {self.base_url}/meet/console"
            + (f"   (user admin, password {self.admin_password})" if self.admin_password else ""),
            "",
            f"  curl -H 'X-API-KEY: {self.api_key}' {api}/rooms",
            f"  curl -H 'X-API-KEY: {self.api_key}' {api}/recordings",
            "",
            "Rooms (open a link to see that room's recordings with that role):",
        ]
        for room in self.rooms:
            lines += [
                f"  {room.room_name} ({room.room_id}, recordings: {room.config.recording.allow_access_to})",
                f"    moderator link: {room.moderator_url}",
                f"    speaker link:   {room.speaker_url}",
            ]
        first = self.rooms[0].room_id if self.rooms else "?"
        lines += [
            "",
            f"Member tokens for {first} (X-Room-Member-Token):",
            f"  moderator: {self.moderator_token}",
            f"  speaker:   {self.speaker_token}",
            "",
        ]
        return "\n".join(lines)


def demo_config(base: MeetEmbedConfig, *, explicit_data_dir: bool) -> MeetEmbedConfig:
    """The environment's config with demo defaults where nothing was configured."""
    changes: dict[str, Any] = {}
    if not explicit_data_dir:
        changes["data_dir"] = Path(".meet-embed") / "demo"
    if not base.api_keys:
        changes["api_keys"] = [f"demo={DEMO_API_KEY}"]
    if base.admin_password is None and base.is_admin is None:
        changes["admin_password"] = DEMO_ADMIN_PASSWORD
    return dataclasses.replace(base, **changes) if changes else base


async def seed_demo(runtime: MeetRuntime, base_url: str) -> DemoInfo:
    """Create the demo rooms and recordings once; later runs reuse them."""
    async with runtime.db.sessionmaker() as session:
        count = await session.scalar(select(func.count()).select_from(RoomModel))
    if not count:
        await _seed(runtime)
    async with runtime.db.sessionmaker() as session:
        service = RoomsService(session, runtime)
        rows, _ = await service.list_rooms(100, None, None)
        rooms = [service.to_wire(r, base_url) for r in reversed(rows)]
    first = rooms[0].room_id
    key = runtime.config.api_keys[0]
    return DemoInfo(
        base_url=base_url,
        api_key=key.key if not isinstance(key, str) else key,
        admin_password=runtime.config.admin_password,
        rooms=rooms,
        moderator_token=runtime.tokens.mint(
            first, "moderator", identity="demo-moderator", name="Demo Moderator", ttl=7 * 24 * 3600
        ),
        speaker_token=runtime.tokens.mint(
            first, "speaker", identity="demo-speaker", name="Demo Speaker", ttl=7 * 24 * 3600
        ),
    )


async def _seed(runtime: MeetRuntime) -> None:
    day = 24 * 3600 * 1000
    with tempfile.TemporaryDirectory(prefix="meet-demo-") as tmp:
        n = 0
        for name, access, recordings in _ROOMS:
            async with runtime.db.sessionmaker() as session:
                service = RoomsService(session, runtime)
                room = await service.create(
                    RoomCreate(
                        room_name=name,
                        config=RoomConfigIn(recording=RoomRecordingConfigIn(allow_access_to=access)),
                    )
                )
            for seconds, kind in recordings:
                n += 1
                path = Path(tmp) / f"demo-{n}.{kind}"
                await asyncio.to_thread(
                    synthesize,
                    path,
                    seconds,
                    kind=kind,
                    hue=n * 47,
                    tone=330 + n * 55,
                )
                await import_file(runtime, room.room_id, path, start_date=now_ms() - n * day // 3)
