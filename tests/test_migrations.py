"""Alembic migrations of meet-embed's own tables, on SQLite and (when available) PostgreSQL."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from litestar.testing import AsyncTestClient
from sqlalchemy import Connection, insert, inspect, text
from sqlalchemy.exc import IntegrityError

from meet_embed import MeetEmbedConfig, create_app
from meet_embed.db.engine import VERSION_TABLE, Database
from meet_embed.db.models import Base, RecordingModel, RoomModel
from tests.backends import postgres_or_skip, postgres_schema
from tests.conftest import API_KEY
from tests.helpers import ROOMS

PROJECT_ROOT = Path(__file__).resolve().parents[1]
MEET_TABLES = {"meet_rooms", "meet_recordings", "meet_recording_secrets", "meet_pending_deletions"}


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(url, engine_options)`` of an empty database: a fresh SQLite file or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'fresh' / 'meet.db'}", {}
    else:
        url = postgres_or_skip()
        with postgres_schema(url) as options:
            yield url, options


@pytest.fixture
async def db(db_target: tuple[str, dict[str, Any]]) -> AsyncIterator[Database]:
    url, options = db_target
    database = Database(url, options)
    yield database
    await database.dispose()


async def tables(db: Database) -> set[str]:
    async with db.engine.connect() as conn:
        return set(await conn.run_sync(lambda c: inspect(c).get_table_names()))


async def create_host_table(db: Database) -> None:
    async with db.engine.begin() as conn:
        await conn.execute(text("CREATE TABLE host_things (id INTEGER PRIMARY KEY, name VARCHAR(50))"))
        await conn.execute(text("INSERT INTO host_things (id, name) VALUES (1, 'kept')"))
        # the host's own Alembic bookkeeping, which ours must never touch
        await conn.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)"))
        await conn.execute(text("INSERT INTO alembic_version (version_num) VALUES ('host_rev_1')"))


async def host_rows(db: Database) -> tuple[list[Any], list[Any]]:
    async with db.engine.connect() as conn:
        things = (await conn.execute(text("SELECT id, name FROM host_things"))).all()
        versions = (await conn.execute(text("SELECT version_num FROM alembic_version"))).all()
    return [tuple(r) for r in things], [tuple(r) for r in versions]


# -- upgrade / downgrade -------------------------------------------------------------------------------


async def test_upgrade_creates_meet_tables_and_own_version_table(db: Database) -> None:
    assert await db.current_revision() is None
    await db.upgrade()

    created = await tables(db)
    assert created >= MEET_TABLES
    assert VERSION_TABLE == "meet_embed_alembic_version"
    assert VERSION_TABLE in created
    assert "alembic_version" not in created
    assert await db.current_revision() == Database.head_revision()
    assert Database.head_revision() is not None


async def test_upgrade_twice_is_a_no_op(db: Database) -> None:
    await db.upgrade()
    async with db.sessionmaker() as session:
        session.add(
            RoomModel(
                room_id="kept-room", room_name="Kept", moderator_secret="m" * 32, speaker_secret="s" * 32
            )
        )
        await session.commit()
    before = await tables(db)

    await db.upgrade()

    assert await tables(db) == before
    assert await db.current_revision() == Database.head_revision()
    async with db.sessionmaker() as session:
        assert (await session.get(RoomModel, "kept-room")) is not None
    async with db.engine.connect() as conn:
        assert (await conn.execute(text(f"SELECT count(*) FROM {VERSION_TABLE}"))).scalar() == 1


def _schema_diff(conn: Connection) -> list[Any]:
    context = MigrationContext.configure(
        conn,
        opts={
            "version_table": VERSION_TABLE,
            "compare_type": True,
            "include_name": lambda name, type_, _parent: (
                type_ != "table" or name is None or name.startswith("meet_")
            ),
        },
    )
    return list(compare_metadata(context, Base.metadata))


async def test_migrated_schema_matches_the_models_exactly(db: Database) -> None:
    await create_host_table(db)  # ignored: only meet_ tables are compared
    await db.upgrade()
    async with db.engine.connect() as conn:
        assert await conn.run_sync(_schema_diff) == []


async def test_downgrade_to_base_removes_meet_tables(db: Database) -> None:
    await db.upgrade()
    await db.downgrade("base")

    remaining = await tables(db)
    assert not {t for t in remaining if t.startswith("meet_") and t != VERSION_TABLE}
    assert await db.current_revision() is None
    # and it comes back
    await db.upgrade()
    assert await tables(db) >= MEET_TABLES


async def test_host_tables_in_the_same_database_survive(db: Database) -> None:
    await create_host_table(db)
    await db.upgrade()
    assert await host_rows(db) == ([(1, "kept")], [("host_rev_1",)])
    await db.downgrade("base")
    assert await host_rows(db) == ([(1, "kept")], [("host_rev_1",)])
    assert {"host_things", "alembic_version"} <= await tables(db)


# -- indexes and constraints ----------------------------------------------------------------------------


async def test_every_recording_sort_field_has_an_index(db: Database) -> None:
    await db.upgrade()
    async with db.engine.connect() as conn:
        indexes = await conn.run_sync(lambda c: inspect(c).get_indexes("meet_recordings"))
    leading = {tuple(i["column_names"][:1]) for i in indexes}
    per_room = {tuple(i["column_names"][:2]) for i in indexes}
    for field in ("start_date", "room_name", "duration", "size"):
        # the global listing is sorted on the field, ties broken by recording_id
        assert (field,) in leading, field
        assert any(i["column_names"] == [field, "recording_id"] for i in indexes), field
    for field in ("start_date", "duration", "size"):
        # a room's listing filters on room_id first
        assert ("room_id", field) in per_room, field
    async with db.engine.connect() as conn:
        room_indexes = await conn.run_sync(lambda c: inspect(c).get_indexes("meet_rooms"))
    assert any(i["column_names"][:1] == ["creation_date"] for i in room_indexes)


def _recording(room_id: str, n: int, status: str) -> dict[str, Any]:
    return {
        "recording_id": f"{room_id}--EG_{n:04d}--uid{n:04d}",
        "room_id": room_id,
        "room_name": room_id,
        "status": status,
        "start_date": 1_700_000_000_000 + n,
        "duration": 0.0,
        "size": 0,
        "backend": "browser",
        "created_at": 1,
        "updated_at": 1,
    }


async def _insert(db: Database, room_id: str, n: int, status: str) -> None:
    async with db.engine.begin() as conn:
        await conn.execute(insert(RecordingModel.__table__).values(**_recording(room_id, n, status)))


@pytest.mark.parametrize("second", ["active", "starting", "ending"])
async def test_only_one_recording_in_progress_per_room(db: Database, second: str) -> None:
    await db.upgrade()
    await _insert(db, "room-a", 1, "active")
    with pytest.raises(IntegrityError):
        await _insert(db, "room-a", 2, second)


async def test_finished_recordings_and_other_rooms_are_not_limited(db: Database) -> None:
    await db.upgrade()
    await _insert(db, "room-a", 1, "active")
    for n, status in enumerate(["complete", "complete", "failed", "aborted", "limit_reached"], start=2):
        await _insert(db, "room-a", n, status)
    await _insert(db, "room-b", 10, "active")  # another room records at the same time
    async with db.engine.begin() as conn:
        await conn.execute(
            text("UPDATE meet_recordings SET status = 'complete' WHERE recording_id = :id"),
            {"id": _recording("room-a", 1, "")["recording_id"]},
        )
    await _insert(db, "room-a", 20, "starting")  # the room's previous recording has ended
    async with db.engine.connect() as conn:
        count = (await conn.execute(text("SELECT count(*) FROM meet_recordings"))).scalar()
    assert count == 8


# -- several replicas / workers ------------------------------------------------------------------------

_UPGRADE_SCRIPT = """
import asyncio, sys
from meet_embed.db.engine import Database

async def main() -> None:
    db = Database(sys.argv[1])
    Database.head_revision()  # load the migration scripts before saying ready
    print("ready", flush=True)
    try:
        await db.upgrade()
    finally:
        await db.dispose()

asyncio.run(main())
"""


def _run_concurrent_upgrades(path: Path, count: int) -> list[subprocess.CompletedProcess[str]]:
    """Start ``count`` processes that upgrade the same SQLite file while another connection holds the
    write lock, then release it: the processes all start from the same empty schema, as workers of a
    server that start together do (without the lock the race is only likely, not certain)."""
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("PRAGMA journal_mode=WAL")
    blocker.execute("BEGIN IMMEDIATE")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(PROJECT_ROOT), os.environ.get("PYTHONPATH", "")])}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _UPGRADE_SCRIPT, f"sqlite+aiosqlite:///{path}"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(count)
    ]
    try:
        for proc in procs:
            assert proc.stdout is not None
            proc.stdout.readline()
        time.sleep(0.3)  # let them reach their first write, which waits for the lock
    finally:
        blocker.execute("COMMIT")
        blocker.close()
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=60)
        results.append(subprocess.CompletedProcess(proc.args, proc.returncode, out, err))
    return results


@pytest.mark.slow
def test_workers_starting_together_on_sqlite_all_succeed(tmp_path: Path) -> None:
    results = _run_concurrent_upgrades(tmp_path / "shared.db", 3)
    assert [r.returncode for r in results] == [0] * 3, [r.stderr[-500:] for r in results]


# -- the app at start-up ---------------------------------------------------------------------------------


async def test_app_migrates_a_fresh_sqlite_data_dir_at_startup(tmp_path: Path) -> None:
    data_dir = tmp_path / "brand-new"
    config = MeetEmbedConfig(data_dir=data_dir, api_keys=[API_KEY])
    assert not data_dir.exists()
    async with AsyncTestClient(create_app(config), base_url="http://testserver.local") as client:
        created = await client.post(ROOMS, json={"roomName": "First"}, headers={"X-API-KEY": API_KEY})
        assert created.status_code == 201, created.text
        listed = await client.get(ROOMS, headers={"X-API-KEY": API_KEY})
        assert [r["roomName"] for r in listed.json()["rooms"]] == ["First"]
    assert (data_dir / "meet.db").is_file()
    db = Database(config.resolved_database_url)
    try:
        assert await db.current_revision() == Database.head_revision()
    finally:
        await db.dispose()


async def test_app_restart_on_a_migrated_database_keeps_data(tmp_path: Path) -> None:
    config = MeetEmbedConfig(data_dir=tmp_path / "d", api_keys=[API_KEY])
    headers = {"X-API-KEY": API_KEY}
    async with AsyncTestClient(create_app(config), base_url="http://testserver.local") as client:
        room = (await client.post(ROOMS, json={"roomName": "Survivor"}, headers=headers)).json()
    async with AsyncTestClient(create_app(config), base_url="http://testserver.local") as client:
        again = await client.get(f"{ROOMS}/{room['roomId']}", headers=headers)
        assert again.status_code == 200
        # links survive the restart: the generated secret key was kept
        assert again.json()["moderatorUrl"] == room["moderatorUrl"]


@pytest.fixture
def postgres_target() -> Iterator[tuple[str, dict[str, Any]]]:
    url = postgres_or_skip()
    with postgres_schema(url) as options:
        yield url, options


@pytest.mark.postgres
async def test_app_does_not_migrate_postgres_unless_asked(
    tmp_path: Path, postgres_target: tuple[str, dict[str, Any]]
) -> None:
    url, options = postgres_target
    config = MeetEmbedConfig(
        data_dir=tmp_path, api_keys=[API_KEY], database_url=url, database_engine_options=options
    )
    assert not config.should_migrate_on_startup
    app = create_app(config)
    async with AsyncTestClient(app, base_url="http://testserver.local"):
        db = Database(url, options)  # the app's own engine lives on the test client's loop
        try:
            assert await db.current_revision() is None
            assert not {t for t in await tables(db) if t.startswith("meet_")}
        finally:
            await db.dispose()


@pytest.mark.postgres
async def test_replicas_upgrading_postgres_together_all_succeed(
    postgres_target: tuple[str, dict[str, Any]],
) -> None:
    url, options = postgres_target
    dbs = [Database(url, options) for _ in range(4)]
    try:
        results = await asyncio.gather(*(d.upgrade() for d in dbs), return_exceptions=True)
        assert results == [None] * 4
        assert await dbs[0].current_revision() == Database.head_revision()
    finally:
        for d in dbs:
            await d.dispose()
