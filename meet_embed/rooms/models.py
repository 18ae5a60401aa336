"""The rooms table: a room's recording settings and its two link secrets."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from meet_embed.db.base import Base, now_ms

__all__ = ("RoomModel",)


class RoomModel(Base):
    __tablename__ = "meet_rooms"
    __table_args__ = (
        Index("ix_meet_rooms_creation_date", "creation_date", "room_id"),
        Index("ix_meet_rooms_room_name", "room_name", "room_id"),
    )

    room_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    room_name: Mapped[str] = mapped_column(String(200))
    creation_date: Mapped[int] = mapped_column(BigInteger, default=now_ms)
    status: Mapped[str] = mapped_column(String(20), default="open")
    """``open``, or ``closed`` when the room was deleted but its recordings were kept."""

    recording_enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    allow_access_to: Mapped[str] = mapped_column(String(32), default="admin_moderator_speaker")
    layout: Mapped[str] = mapped_column(String(32), default="grid")
    encoding: Mapped[Any] = mapped_column(JSON, default="H264_720P_30")
    """A preset name (string) or an options object, as the reference's ``MeetRecordingEncodingOptions``."""
    max_duration: Mapped[int | None] = mapped_column(Integer, default=None)
    """Seconds after which a recording of this room is ended with ``limit_reached``; ``None``: no limit."""

    retention_days: Mapped[int | None] = mapped_column(Integer, default=None)
    """Recordings older than this many days are deleted automatically; ``None``: the global default,
    ``0``: kept forever."""

    moderator_secret: Mapped[str] = mapped_column(String(64), unique=True)
    speaker_secret: Mapped[str] = mapped_column(String(64), unique=True)
    updated_at: Mapped[int] = mapped_column(BigInteger, default=now_ms, onupdate=now_ms)
