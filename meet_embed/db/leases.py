"""Leases in the database: a job that must run once across replicas takes the lease first.

Works the same on SQLite and PostgreSQL: an UPDATE that only succeeds when the lease is free or already
ours, or an INSERT when it was never taken.
"""

from __future__ import annotations

import uuid

from sqlalchemy import BigInteger, String, or_, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import Mapped, mapped_column

from meet_embed.db.base import Base, now_ms

__all__ = ("LeaseModel", "new_holder", "release_lease", "try_lease")


class LeaseModel(Base):
    __tablename__ = "meet_leases"

    name: Mapped[str] = mapped_column(String(100), primary_key=True)
    holder: Mapped[str] = mapped_column(String(100))
    expires_at: Mapped[int] = mapped_column(BigInteger)


def new_holder() -> str:
    return uuid.uuid4().hex


async def try_lease(
    sessionmaker: async_sessionmaker[AsyncSession], name: str, holder: str, seconds: float
) -> bool:
    """Take or extend the lease ``name`` for ``seconds``; ``False`` when another holder has it."""
    now = now_ms()
    until = now + int(seconds * 1000)
    async with sessionmaker() as session, session.begin():
        result = await session.execute(
            update(LeaseModel)
            .where(LeaseModel.name == name, or_(LeaseModel.expires_at < now, LeaseModel.holder == holder))
            .values(holder=holder, expires_at=until)
        )
        if result.rowcount:  # type: ignore[attr-defined]
            return True
    try:
        async with sessionmaker() as session, session.begin():
            session.add(LeaseModel(name=name, holder=holder, expires_at=until))
    except IntegrityError:
        return False
    return True


async def release_lease(sessionmaker: async_sessionmaker[AsyncSession], name: str, holder: str) -> None:
    """Let the lease go now if ``holder`` has it."""
    async with sessionmaker() as session, session.begin():
        await session.execute(
            update(LeaseModel)
            .where(LeaseModel.name == name, LeaseModel.holder == holder)
            .values(expires_at=0)
        )
