"""Chunks of a recording captured in a browser, as they arrive (the bytes themselves are in the store)."""

from __future__ import annotations

from sqlalchemy import BigInteger, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from meet_embed.db.base import Base, now_ms

__all__ = ("RecordingChunkModel",)


class RecordingChunkModel(Base):
    __tablename__ = "meet_recording_chunks"

    recording_id: Mapped[str] = mapped_column(
        String(200), ForeignKey("meet_recordings.recording_id", ondelete="CASCADE"), primary_key=True
    )
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    received_at: Mapped[int] = mapped_column(BigInteger, default=now_ms)
