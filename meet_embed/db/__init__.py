"""Persistence: declarative base, engine and migrations."""

from meet_embed.db.base import Base, now_ms
from meet_embed.db.engine import Database

__all__ = ("Base", "Database", "now_ms")
