"""The recordings table (the reference's ``MeetRecordingInfo`` plus what our features need) and share
secrets."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, BigInteger, Float, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from meet_embed.db.base import Base, now_ms

__all__ = ("IN_PROGRESS", "IN_PROGRESS_CONDITION", "RecordingModel", "RecordingSecretModel")

IN_PROGRESS = ("starting", "active", "ending")
"""Statuses of a recording that still runs; at most one recording per room may be in one of them."""

IN_PROGRESS_CONDITION = text("status IN ('starting', 'active', 'ending')")
"""The partial index's condition, written once: a query with the same text can be answered from it."""


class RecordingModel(Base):
    __tablename__ = "meet_recordings"
    __table_args__ = (
        # Keyset pagination walks (sort value, id) pairs; one index per sort field, globally and per room.
        Index("ix_meet_recordings_start_date", "start_date", "recording_id"),
        Index("ix_meet_recordings_room_name", "room_name", "recording_id"),
        Index("ix_meet_recordings_duration", "duration", "recording_id"),
        Index("ix_meet_recordings_size", "size", "recording_id"),
        Index("ix_meet_recordings_room_start_date", "room_id", "start_date", "recording_id"),
        Index("ix_meet_recordings_room_duration", "room_id", "duration", "recording_id"),
        Index("ix_meet_recordings_room_size", "room_id", "size", "recording_id"),
        Index("ix_meet_recordings_status", "status"),
        # One running recording per room, enforced by the database so it holds across replicas.
        Index(
            "uq_meet_recordings_one_active_per_room",
            "room_id",
            unique=True,
            sqlite_where=IN_PROGRESS_CONDITION,
            postgresql_where=IN_PROGRESS_CONDITION,
        ),
    )

    recording_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    room_id: Mapped[str] = mapped_column(String(100))
    room_name: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20))
    layout: Mapped[str | None] = mapped_column(String(32), default=None)
    encoding: Mapped[Any] = mapped_column(JSON, nullable=True, default=None)
    filename: Mapped[str | None] = mapped_column(String(255), default=None)
    start_date: Mapped[int] = mapped_column(BigInteger, default=now_ms)
    end_date: Mapped[int | None] = mapped_column(BigInteger, default=None)
    # 0 means "not known yet" and is left out of the JSON, as the reference does; keeping the sort
    # columns NOT NULL makes keyset pagination identical on SQLite and PostgreSQL.
    duration: Mapped[float] = mapped_column(Float, default=0.0)
    size: Mapped[int] = mapped_column(BigInteger, default=0)
    error_code: Mapped[int | None] = mapped_column(Integer, default=None)
    error: Mapped[str | None] = mapped_column(Text, default=None)
    details: Mapped[str | None] = mapped_column(Text, default=None)

    media_key: Mapped[str | None] = mapped_column(String(400), default=None)
    content_type: Mapped[str | None] = mapped_column(String(100), default=None)
    poster_key: Mapped[str | None] = mapped_column(String(400), default=None)
    crc32: Mapped[int | None] = mapped_column(BigInteger, default=None)
    """CRC-32 of the media, so ZIP archives can be streamed with sizes and CRCs known up front."""

    backend: Mapped[str] = mapped_column(String(20), default="browser")
    """``browser`` (chunks from the moderator's browser), ``livekit`` (egress) or ``import``."""
    egress_id: Mapped[str | None] = mapped_column(String(100), default=None)
    owner_identity: Mapped[str | None] = mapped_column(String(200), default=None)
    """Identity of the moderator who started it; only that member may upload its chunks."""

    last_activity_at: Mapped[int | None] = mapped_column(BigInteger, default=None)
    """Last sign of life of the capture (a chunk arrived, egress reported); the stale sweep reads it."""
    final_seq: Mapped[int | None] = mapped_column(Integer, default=None)
    """Sequence number of the browser's last chunk, once it said so."""
    stop_reason: Mapped[str | None] = mapped_column(String(20), default=None)
    """Why it stopped: ``requested``, ``limit`` (max duration), ``stale``, ``room_deleted``."""
    finalize_lease_until: Mapped[int | None] = mapped_column(BigInteger, default=None)
    """While a replica finalizes the media, no other one starts doing the same."""
    finalize_attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    """Claims of the finalization so far; the current one's number fences its lease and its commit."""
    egress_result: Mapped[str | None] = mapped_column(String(20), default=None)
    """``complete`` or ``limit_reached`` once an egress reported its file (then in ``media_key``), so the
    sweep can finish the recording when the replica that heard the webhook could not."""
    egress_duration: Mapped[float | None] = mapped_column(Float, default=None)
    """Seconds of media the egress reported with its file."""

    created_at: Mapped[int] = mapped_column(BigInteger, default=now_ms)
    updated_at: Mapped[int] = mapped_column(BigInteger, default=now_ms, onupdate=now_ms)


class RecordingTransitionModel(Base):
    """Every status a recording went through, with when and why."""

    __tablename__ = "meet_recording_transitions"
    __table_args__ = (Index("ix_meet_recording_transitions_recording", "recording_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    recording_id: Mapped[str] = mapped_column(
        String(200), ForeignKey("meet_recordings.recording_id", ondelete="CASCADE")
    )
    status: Mapped[str] = mapped_column(String(20))
    at: Mapped[int] = mapped_column(BigInteger, default=now_ms)
    details: Mapped[str | None] = mapped_column(Text, default=None)


class RecordingSecretModel(Base):
    """A share-link secret. The standing public and private secrets have no expiry; links created with an
    expiry get secrets of their own. Rotating deletes them all and makes new standing ones."""

    __tablename__ = "meet_recording_secrets"
    __table_args__ = (Index("ix_meet_recording_secrets_recording", "recording_id", "kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    recording_id: Mapped[str] = mapped_column(
        String(200), ForeignKey("meet_recordings.recording_id", ondelete="CASCADE")
    )
    kind: Mapped[str] = mapped_column(String(10))
    """``public`` (anyone with the link) or ``private`` (a logged-in user of the host)."""
    secret: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[int] = mapped_column(BigInteger, default=now_ms)
    expires_at: Mapped[int | None] = mapped_column(BigInteger, default=None)
