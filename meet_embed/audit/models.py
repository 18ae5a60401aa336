"""The audit log table."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, BigInteger, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from meet_embed.db.base import Base, now_ms

__all__ = ("AuditEntryModel", "AuditViewingModel")


class AuditEntryModel(Base):
    __tablename__ = "meet_audit_log"
    __table_args__ = (
        Index("ix_meet_audit_log_at", "at", "id"),
        Index("ix_meet_audit_log_room", "room_id", "at", "id"),
        Index("ix_meet_audit_log_recording", "recording_id", "at", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[int] = mapped_column(BigInteger, default=now_ms)
    action: Mapped[str] = mapped_column(String(40))
    actor_kind: Mapped[str] = mapped_column(String(20))
    """``api_key``, ``admin``, ``member``, ``share_secret``, ``media_link`` or ``system``."""
    actor_name: Mapped[str | None] = mapped_column(String(200), default=None)
    actor_role: Mapped[str | None] = mapped_column(String(20), default=None)
    room_id: Mapped[str | None] = mapped_column(String(100), default=None)
    recording_id: Mapped[str | None] = mapped_column(String(200), default=None)
    details: Mapped[Any] = mapped_column(JSON, nullable=True, default=None)
    client: Mapped[str | None] = mapped_column(String(100), default=None)
    """The client's address (behind a proxy: what the proxy headers say, if the server trusts them)."""
    request_id: Mapped[str | None] = mapped_column(String(64), default=None)


class AuditViewingModel(Base):
    """A viewing session in progress: one viewer watching one recording until ``until``.

    The first request of a viewing writes the ``play`` entry and this row; requests until ``until`` find
    the row and write nothing, whichever replica they reach. Past ``until`` the row is taken again by the
    next viewing, and rows nobody took again are removed by the periodic retention job."""

    __tablename__ = "meet_audit_viewings"
    __table_args__ = (Index("ix_meet_audit_viewings_until", "until"),)

    viewer: Mapped[str] = mapped_column(String(64), primary_key=True)
    """SHA-256 of what identifies the viewer (it may hold a share secret or a media link's token)."""
    recording_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    until: Mapped[int] = mapped_column(BigInteger)
