"""A very short-lived cache of "recording + its room's access setting", for the media hot path.

A video player sends dozens of range requests per minute; looking the recording and the room up in the
database for each would cost more than serving the bytes. Entries live ``ttl`` seconds (1 s by default)
and every write through meet-embed's sessions in this process (a config change, a deletion, a status
change) empties the cache at once, so a change made here applies to the very next request; a change made
by another replica applies within ``ttl``.
"""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import ORMExecuteState, Session

__all__ = ("WATCHED_TABLES", "AccessCache")


WATCHED_TABLES = frozenset({"meet_recordings", "meet_rooms", "meet_recording_secrets"})
"""What the cached lookups read: a write to any other table (the audit trail, a player's viewing, an
uploaded chunk) leaves the cache alone, so starting to watch a recording does not empty it for everyone."""


class AccessCache:
    def __init__(
        self, sessionmaker: async_sessionmaker[AsyncSession], ttl: float = 1.0, size: int = 4096
    ) -> None:
        self.ttl = ttl
        self._size = size
        self._entries: dict[str, tuple[float, Any]] = {}
        sync_maker = sessionmaker.kw.get("sync_session_class", Session)
        # Listening on the session class our sessionmaker uses: a private subclass, so other apps' sessions
        # (and the host's) never clear this cache.
        self._session_class = type("MeetEmbedSession", (sync_maker,), {})
        sessionmaker.configure(sync_session_class=self._session_class)
        event.listen(self._session_class, "after_flush", self._on_flush)
        event.listen(self._session_class, "do_orm_execute", self._on_execute)

    def _on_flush(self, session: Session, _context: Any) -> None:
        for obj in (*session.new, *session.dirty, *session.deleted):
            if getattr(obj, "__tablename__", None) in WATCHED_TABLES or not hasattr(obj, "__tablename__"):
                self.clear()
                return

    def _on_execute(self, state: ORMExecuteState) -> None:
        if state.is_update or state.is_delete or state.is_insert:
            table = getattr(getattr(state.statement, "table", None), "name", None)
            if table is None or table in WATCHED_TABLES:  # a statement we cannot read: the safe side
                self.clear()

    def clear(self) -> None:
        self._entries.clear()

    def get(self, key: str) -> Any | None:
        entry = self._entries.get(key)
        if entry is None:
            return None
        stored, value = entry
        if time.monotonic() - stored > self.ttl:
            self._entries.pop(key, None)
            return None
        return value

    def put(self, key: str, value: Any) -> None:
        if len(self._entries) >= self._size:
            self._entries.clear()
        self._entries[key] = (time.monotonic(), value)
