"""Objects waiting to be deleted from the store.

Deleting a recording removes its row and writes these entries in one transaction, then deletes the
objects. If the store fails half-way, the entries stay and the janitor retries them, so no row ever
points at a missing object and no object is left behind that nothing refers to.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from meet_embed.db.base import Base, now_ms

__all__ = ("PendingDeletionModel",)


class PendingDeletionModel(Base):
    __tablename__ = "meet_pending_deletions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(400))
    is_prefix: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[int] = mapped_column(BigInteger, default=now_ms)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text, default=None)
