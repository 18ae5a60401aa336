"""Carries out pending object deletions, right away after a delete and again later for any that failed."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from meet_embed.storage.models import PendingDeletionModel
from meet_embed.storage.store import MediaStore

__all__ = ("enqueue_deletions", "purge_pending")

logger = logging.getLogger("meet_embed.storage")


def enqueue_deletions(
    session: AsyncSession, keys: Sequence[str], prefixes: Sequence[str] = ()
) -> list[PendingDeletionModel]:
    """Record objects to delete, in the caller's transaction."""
    rows = [PendingDeletionModel(key=k, is_prefix=False) for k in keys if k]
    rows += [PendingDeletionModel(key=p, is_prefix=True) for p in prefixes if p]
    session.add_all(rows)
    return rows


async def purge_pending(
    sessionmaker: async_sessionmaker[AsyncSession],
    store: MediaStore,
    ids: Sequence[int] | None = None,
    limit: int = 500,
) -> tuple[int, int]:
    """Delete the recorded objects; returns ``(done, failed)``. Failures stay queued with their error."""
    async with sessionmaker() as session:
        query = select(PendingDeletionModel).order_by(PendingDeletionModel.id).limit(limit)
        if ids is not None:
            query = query.where(PendingDeletionModel.id.in_(ids))
        rows = (await session.scalars(query)).all()
    done: list[int] = []
    failed = 0
    for row in rows:
        try:
            if row.is_prefix:
                await store.delete_prefix(row.key)
            else:
                await store.delete(row.key)
        except Exception as exc:
            failed += 1
            logger.warning(
                "could not delete %s from the store (attempt %d): %s", row.key, row.attempts + 1, exc
            )
            async with sessionmaker() as session, session.begin():
                await session.execute(
                    update(PendingDeletionModel)
                    .where(PendingDeletionModel.id == row.id)
                    .values(attempts=PendingDeletionModel.attempts + 1, last_error=str(exc)[:2000])
                )
            continue
        done.append(row.id)
    if done:
        async with sessionmaker() as session, session.begin():
            await session.execute(delete(PendingDeletionModel).where(PendingDeletionModel.id.in_(done)))
    return len(done), failed
