"""Retention (issue 10): recordings older than their room's ``retentionDays`` (or the global
``retention_days`` default) are deleted, row, media and poster, by a periodic job that one replica runs at
a time; ``0`` keeps a room's recordings forever, and without a setting nor a default nothing goes.

Recordings are made by the real import with back-dated ``start_date`` on both sides of each room's cutoff;
the run is called directly (``run_retention``), through the CLI, and by the periodic loops of two apps
sharing one database."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from litestar.testing import AsyncTestClient
from sqlalchemy import select

from meet_embed import MeetEmbedConfig, create_app
from meet_embed.cli import meet_group
from meet_embed.db.base import now_ms
from meet_embed.db.leases import LeaseModel
from meet_embed.ops import retention
from meet_embed.ops.retention import RetentionReport, run_retention
from meet_embed.recordings.ingest import import_file
from meet_embed.recordings.models import RecordingModel
from meet_embed.recordings.service import RecordingsService
from meet_embed.runtime import MeetRuntime
from tests.capture_support import eventually
from tests.conftest import API_KEY
from tests.recordings_support import (
    API,
    RECORDINGS,
    ROOMS,
    assert_422,
    create_room,
    db_scalars,
    in_app,
    insert_rows,
    make_row,
    row_exists,
    runtime_of,
)

API_HEADERS = {"X-API-KEY": API_KEY}
DAY = 24 * 3600 * 1000
QUIET = {"sweep_interval": 3600}
"""The sweep runs once at start-up and then stays out of the way (it would touch old running rows)."""


@pytest.fixture
def config(config_factory: Any) -> MeetEmbedConfig:
    """A global default of 10 days for rooms without a setting of their own."""
    return config_factory(retention_days=10, **QUIET)  # type: ignore[no-any-return]


async def days_ago(client: Any, path: Path, room_id: str, days: float) -> RecordingModel:
    """A complete recording of ``room_id`` (real media and poster) that started ``days`` days ago."""
    row = await in_app(
        client, import_file, runtime_of(client), room_id, path, start_date=now_ms() - round(days * DAY)
    )
    assert row.media_key
    assert row.poster_key, "the import makes a poster for video"
    return row  # type: ignore[no-any-return]


async def object_exists(client: Any, key: str) -> bool:
    return await in_app(client, runtime_of(client).store.exists, key)  # type: ignore[no-any-return]


async def retention_entries(client: Any) -> list[dict[str, Any]]:
    response = await client.get(
        f"{API}/audit", params={"action": "retention_delete", "maxItems": 100}, headers=API_HEADERS
    )
    assert response.status_code == 200, response.text
    entries: list[dict[str, Any]] = response.json()["entries"]
    return entries


async def set_retention(client: Any, room_id: str, days: int | None) -> dict[str, Any]:
    response = await client.put(
        f"{ROOMS}/{room_id}/config",
        json={"config": {"recording": {"retentionDays": days}}},
        headers=API_HEADERS,
    )
    assert response.status_code == 200, response.text
    room: dict[str, Any] = response.json()
    return room


# -- the room setting -------------------------------------------------------------------------------------


async def test_retention_days_is_a_room_setting(client: Any) -> None:
    room = await create_room(client, API_HEADERS, "Kept a week", config={"recording": {"retentionDays": 7}})
    assert room["config"]["recording"]["retentionDays"] == 7
    fetched = (await client.get(f"{ROOMS}/{room['roomId']}", headers=API_HEADERS)).json()
    assert fetched["config"]["recording"]["retentionDays"] == 7
    # A partial update keeps it; an explicit change or null changes it.
    response = await client.put(
        f"{ROOMS}/{room['roomId']}/config",
        json={"config": {"recording": {"allowAccessTo": "admin_moderator"}}},
        headers=API_HEADERS,
    )
    assert response.json()["config"]["recording"]["retentionDays"] == 7
    assert (await set_retention(client, room["roomId"], 36500))["config"]["recording"][
        "retentionDays"
    ] == 36500
    assert (await set_retention(client, room["roomId"], 0))["config"]["recording"]["retentionDays"] == 0
    assert "retentionDays" not in (await set_retention(client, room["roomId"], None))["config"]["recording"]
    plain = await create_room(client, API_HEADERS, "Plain")
    assert "retentionDays" not in plain["config"]["recording"]


async def test_an_invalid_retention_days_is_a_422(client: Any) -> None:
    room = await create_room(client, API_HEADERS, "Good", config={"recording": {"retentionDays": 3}})
    for bad in (-1, 36501, "7", 7.5, True, {"days": 7}):
        created = await client.post(
            ROOMS,
            json={"roomName": "Bad", "config": {"recording": {"retentionDays": bad}}},
            headers=API_HEADERS,
        )
        assert_422(created)
        updated = await client.put(
            f"{ROOMS}/{room['roomId']}/config",
            json={"config": {"recording": {"retentionDays": bad}}},
            headers=API_HEADERS,
        )
        assert_422(updated)
    fetched = await client.get(f"{ROOMS}/{room['roomId']}", headers=API_HEADERS)
    assert fetched.json()["config"]["recording"]["retentionDays"] == 3
    listed = (await client.get(ROOMS, headers=API_HEADERS)).json()["rooms"]
    assert [r["roomName"] for r in listed] == ["Good"]


# -- one run ----------------------------------------------------------------------------------------------


async def test_a_run_deletes_exactly_the_expired_recordings(
    client: Any, runtime: MeetRuntime, media_files: dict[str, Path], tmp_path: Path
) -> None:
    media = media_files["mp4_2s_small"]
    week = await create_room(client, API_HEADERS, "Week", config={"recording": {"retentionDays": 7}})
    month = await create_room(client, API_HEADERS, "Fortnight")
    await set_retention(client, month["roomId"], 14)  # set through an update
    forever = await create_room(client, API_HEADERS, "Forever", config={"recording": {"retentionDays": 0}})
    default = await create_room(client, API_HEADERS, "Default")  # no setting: the global 10 days

    expired = {
        "week": await days_ago(client, media, week["roomId"], 7 + 1 / 24),
        "week-older": await days_ago(client, media, week["roomId"], 400),
        "month": await days_ago(client, media, month["roomId"], 14 + 1 / 24),
        "default": await days_ago(client, media, default["roomId"], 10 + 1 / 24),
    }
    kept = {
        "week": await days_ago(client, media, week["roomId"], 7 - 1 / 24),
        "month": await days_ago(client, media, month["roomId"], 14 - 1 / 24),
        "month-as-week": await days_ago(client, media, month["roomId"], 12),
        "forever": await days_ago(client, media, forever["roomId"], 5000),
        "default": await days_ago(client, media, default["roomId"], 10 - 1 / 24),
        "new": await days_ago(client, media, week["roomId"], 0),
    }
    # Finished without media counts too; a recording that still runs is never touched, however old.
    failed = make_row(week["roomId"], "Week", status="failed", start_date=now_ms() - 9 * DAY, size=0)
    running = make_row(default["roomId"], "Default", status="active", start_date=now_ms() - 90 * DAY)
    await insert_rows(client, [failed, running])
    expired_ids = {r.recording_id for r in expired.values()} | {failed.recording_id}
    kept_ids = {r.recording_id for r in kept.values()} | {running.recording_id}
    days_of = {
        **{r.recording_id: 7 for r in (expired["week"], expired["week-older"], failed)},
        expired["month"].recording_id: 14,
        expired["default"].recording_id: 10,
    }

    dry: RetentionReport = await in_app(client, run_retention, runtime, dry_run=True)
    assert dry.dry_run is True
    assert dry.deleted == 0
    assert {r.recording_id for r in dry.recordings} == expired_ids
    assert len(dry.recordings) == len(expired_ids)
    for run in dry.recordings:
        assert run.retention_days == days_of[run.recording_id]
        assert run.room_id == run.recording_id.split("--")[0]
    assert [r.start_date for r in dry.recordings] == sorted(r.start_date for r in dry.recordings)
    # Nothing deleted by a dry run: rows, media and posters are all there.
    for rid in expired_ids | kept_ids:
        assert await row_exists(client, rid)
    for row in expired.values():
        assert await object_exists(client, row.media_key or "")
        assert await object_exists(client, row.poster_key or "")
    assert await retention_entries(client) == []

    report: RetentionReport = await in_app(client, run_retention, runtime)
    assert report.dry_run is False
    assert report.deleted == len(expired_ids)
    assert {r.recording_id for r in report.recordings} == expired_ids
    for rid in expired_ids:
        assert not await row_exists(client, rid)
        assert (await client.get(f"{RECORDINGS}/{rid}", headers=API_HEADERS)).status_code == 404
    for row in expired.values():
        assert not await object_exists(client, row.media_key or "")
        assert not await object_exists(client, row.poster_key or "")
    for rid in kept_ids:
        assert await row_exists(client, rid)
    for row in kept.values():
        assert await object_exists(client, row.media_key or "")
        assert await object_exists(client, row.poster_key or "")
        media_response = await client.get(
            f"{RECORDINGS}/{row.recording_id}/media", headers={**API_HEADERS, "Range": "bytes=0-9"}
        )
        assert media_response.status_code == 206

    # One audit entry per deleted recording, by the system, saying why.
    entries = await retention_entries(client)
    assert sorted(e["recordingId"] for e in entries) == sorted(expired_ids)
    by_id = {e["recordingId"]: e for e in entries}
    for rid in expired_ids:
        entry = by_id[rid]
        assert entry["action"] == "retention_delete"
        assert entry["actorKind"] == "system"
        assert entry["actorName"] == "meet-embed"
        assert "actorRole" not in entry
        assert entry["roomId"] == rid.split("--")[0]
        assert entry["details"]["retentionDays"] == days_of[rid]
        assert entry["details"]["startDate"] == next(
            r.start_date for r in report.recordings if r.recording_id == rid
        )
        assert "requestId" not in entry
        assert "client" not in entry
    # The rooms stay, and a second run finds nothing.
    for room in (week, month, forever, default):
        assert (await client.get(f"{ROOMS}/{room['roomId']}", headers=API_HEADERS)).status_code == 200
    again: RetentionReport = await in_app(client, run_retention, runtime)
    assert (again.recordings, again.deleted) == ([], 0)
    assert len(await retention_entries(client)) == len(expired_ids)


async def test_retentions_of_a_month_and_more(config_factory: Any, media_files: dict[str, Path]) -> None:
    """``days * 86 400 000`` passes 2^31 from 25 days on: the cutoff must be computed in 64 bits."""
    config = await asyncio.to_thread(config_factory, retention_days=365, **QUIET)
    media = media_files["mp4_2s_small"]
    async with AsyncTestClient(create_app(config), base_url="http://testserver.local") as client:
        runtime = runtime_of(client)
        month = await create_room(client, API_HEADERS, "Month", config={"recording": {"retentionDays": 30}})
        year = await create_room(client, API_HEADERS, "Year")  # the global default
        week = await create_room(client, API_HEADERS, "Week", config={"recording": {"retentionDays": 7}})
        expired = [
            await days_ago(client, media, month["roomId"], 31),
            await days_ago(client, media, year["roomId"], 366),
            await days_ago(client, media, week["roomId"], 8),
        ]
        kept = [
            await days_ago(client, media, month["roomId"], 29),
            await days_ago(client, media, year["roomId"], 364),
            await days_ago(client, media, week["roomId"], 6),
        ]
        report: RetentionReport = await in_app(client, run_retention, runtime)
        assert sorted(r.recording_id for r in report.recordings) == sorted(r.recording_id for r in expired)
        assert report.deleted == 3
        for row in kept:
            assert await row_exists(client, row.recording_id)


async def test_without_a_default_rooms_without_a_setting_keep_everything(
    config_factory: Any, media_files: dict[str, Path]
) -> None:
    config = await asyncio.to_thread(config_factory, **QUIET)
    assert config.retention_days is None
    async with AsyncTestClient(create_app(config), base_url="http://testserver.local") as client:
        runtime = runtime_of(client)
        plain = await create_room(client, API_HEADERS, "Plain")
        short = await create_room(client, API_HEADERS, "Short", config={"recording": {"retentionDays": 1}})
        ancient = await days_ago(client, media_files["mp4_2s_small"], plain["roomId"], 20_000)
        old = await days_ago(client, media_files["mp4_2s_small"], short["roomId"], 2)
        report: RetentionReport = await in_app(client, run_retention, runtime)
        assert [r.recording_id for r in report.recordings] == [old.recording_id]
        assert report.deleted == 1
        assert await row_exists(client, ancient.recording_id)
        assert not await row_exists(client, old.recording_id)
        # A room's own setting can also lift the default: null again keeps everything.
        await set_retention(client, short["roomId"], None)
        newer = await days_ago(client, media_files["mp4_2s_small"], short["roomId"], 2)
        assert (await in_app(client, run_retention, runtime, dry_run=True)).recordings == []
        assert await row_exists(client, newer.recording_id)


async def test_the_run_follows_a_changed_setting(
    client: Any, runtime: MeetRuntime, media_files: dict[str, Path]
) -> None:
    room = await create_room(client, API_HEADERS, "Changing", config={"recording": {"retentionDays": 0}})
    row = await days_ago(client, media_files["mp4_2s_small"], room["roomId"], 3)
    assert (await in_app(client, run_retention, runtime, dry_run=True)).recordings == []
    await set_retention(client, room["roomId"], 2)
    assert [
        r.recording_id for r in (await in_app(client, run_retention, runtime, dry_run=True)).recordings
    ] == [row.recording_id]
    await set_retention(client, room["roomId"], 4)
    assert (await in_app(client, run_retention, runtime, dry_run=True)).recordings == []


# -- the command line -------------------------------------------------------------------------------------


def cli_environment(config: MeetEmbedConfig) -> dict[str, str]:
    """``MEET_EMBED_*`` variables for the CLI that reach the same database and store as ``config``."""
    env = {
        "MEET_EMBED_DATA_DIR": str(config.data_dir),
        "MEET_EMBED_SECRET_KEY": config.secret_key or "",
        "MEET_EMBED_API_KEYS": API_KEY,
        "MEET_EMBED_RETENTION_DAYS": "" if config.retention_days is None else str(config.retention_days),
        "MEET_EMBED_STORAGE_URL": config.resolved_storage_url,
        "MEET_EMBED_STORAGE_OPTIONS": json.dumps(config.storage_options),
    }
    if config.database_url:
        env["MEET_EMBED_DATABASE_URL"] = config.database_url
        env["MEET_EMBED_DATABASE_ENGINE_OPTIONS"] = json.dumps(config.database_engine_options)
        env["MEET_EMBED_MIGRATE_ON_STARTUP"] = "false"
    return env


async def test_the_cli_dry_run_prints_what_a_run_would_delete(
    client: Any, runtime: MeetRuntime, config: MeetEmbedConfig, media_files: dict[str, Path]
) -> None:
    media = media_files["mp4_2s_small"]
    room = await create_room(client, API_HEADERS, "Cli", config={"recording": {"retentionDays": 2}})
    default = await create_room(client, API_HEADERS, "Cli default")
    old = await days_ago(client, media, room["roomId"], 3)
    old_default = await days_ago(client, media, default["roomId"], 11)
    young = await days_ago(client, media, room["roomId"], 1)
    expected: RetentionReport = await in_app(client, run_retention, runtime, dry_run=True)
    assert {r.recording_id for r in expected.recordings} == {old.recording_id, old_default.recording_id}

    env = cli_environment(config)
    result = await asyncio.to_thread(
        CliRunner().invoke, meet_group, ["retention", "--dry-run", "--json"], env=env, catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    printed = json.loads(result.output)
    assert printed == {
        "dryRun": True,
        "recordings": [
            {
                "recordingId": r.recording_id,
                "roomId": r.room_id,
                "startDate": r.start_date,
                "retentionDays": r.retention_days,
            }
            for r in expected.recordings
        ],
        "deleted": 0,
    }
    human = await asyncio.to_thread(CliRunner().invoke, meet_group, ["retention", "--dry-run"], env=env)
    assert human.exit_code == 0, human.output
    assert "would delete 2 recording(s)" in human.output
    assert old.recording_id in human.output
    assert young.recording_id not in human.output
    for rid in (old.recording_id, old_default.recording_id, young.recording_id):
        assert await row_exists(client, rid)
    assert await retention_entries(client) == []


async def test_the_cli_waits_its_turn_and_audits_each_deletion_once(
    client: Any, runtime: MeetRuntime, config: MeetEmbedConfig, media_files: dict[str, Path]
) -> None:
    """While another run deletes (a replica's periodic job), the command refuses instead of deleting the
    same recordings and logging them a second time."""
    from meet_embed.db.leases import release_lease, try_lease

    room = await create_room(client, API_HEADERS, "Cli turn", config={"recording": {"retentionDays": 2}})
    old = await days_ago(client, media_files["mp4_2s_small"], room["roomId"], 3)
    env = cli_environment(config)

    def cli() -> Any:
        return CliRunner().invoke(meet_group, ["retention", "--json"], env=env)

    sessionmaker = runtime.db.sessionmaker
    assert await in_app(client, try_lease, sessionmaker, "retention-run", "a-replica", 60)
    busy = await asyncio.to_thread(cli)
    assert busy.exit_code == 1, busy.output
    assert "a retention run is under way" in busy.output
    assert await row_exists(client, old.recording_id)
    assert await retention_entries(client) == []

    await in_app(client, release_lease, sessionmaker, "retention-run", "a-replica")
    done = await asyncio.to_thread(cli)
    assert done.exit_code == 0, done.output
    assert json.loads(done.output)["deleted"] == 1
    again = await asyncio.to_thread(cli)
    assert again.exit_code == 0, again.output
    assert json.loads(again.output) == {"dryRun": False, "recordings": [], "deleted": 0}
    assert not await row_exists(client, old.recording_id)
    assert [e["recordingId"] for e in await retention_entries(client)] == [old.recording_id]


async def test_a_recording_deleted_meanwhile_is_not_reported_as_retention(
    client: Any, runtime: MeetRuntime, media_files: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another deleter (a user's request, a replica) removes an expired recording between the moment the
    run finds it and the moment it deletes: retention reports and audits only what it deleted itself."""
    media = media_files["mp4_2s_small"]
    room = await create_room(client, API_HEADERS, "Raced", config={"recording": {"retentionDays": 1}})
    taken = await days_ago(client, media, room["roomId"], 2)
    kept_for_retention = await days_ago(client, media, room["roomId"], 3)
    found = retention.expired

    async def found_then_deleted_by_a_user(*args: Any) -> list[Any]:
        runs = await found(*args)
        if any(r.recording_id == taken.recording_id for r in runs):
            async with runtime.db.sessionmaker() as session:
                row = await session.get(RecordingModel, taken.recording_id)
                assert row is not None
                await RecordingsService(session, runtime).delete_one(row)
        return runs

    monkeypatch.setattr(retention, "expired", found_then_deleted_by_a_user)
    report: RetentionReport = await in_app(client, run_retention, runtime)
    assert [r.recording_id for r in report.recordings] == [kept_for_retention.recording_id]
    assert report.deleted == 1
    entries = await retention_entries(client)
    assert [e["recordingId"] for e in entries] == [kept_for_retention.recording_id]


# -- the periodic job on two replicas ---------------------------------------------------------------------


@asynccontextmanager
async def started(config: MeetEmbedConfig) -> AsyncIterator[AsyncTestClient[Any]]:
    async with AsyncTestClient(create_app(config), base_url="http://testserver.local") as client:
        yield client


async def lease_holders(client: Any) -> list[str]:
    return await db_scalars(client, select(LeaseModel.holder).where(LeaseModel.name == "retention"))  # type: ignore[no-any-return]


async def wait_gone(client: Any, rids: list[str], timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while any([await row_exists(client, rid) for rid in rids]):
        assert time.monotonic() < deadline, f"{rids} were not deleted in {timeout}s"
        await asyncio.sleep(0.05)


async def test_two_apps_on_one_database_take_turns(
    config_factory: Any, media_files: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both apps run the periodic job every 0.4 s; the lease (taken for twice that) lets one of them run
    it, and the other only once the first is gone."""
    config = await asyncio.to_thread(config_factory, retention_interval=0.4, **QUIET)
    if config.resolved_storage_url.startswith("memory:"):
        pytest.skip("two apps do not share a memory store")
    runs: list[tuple[MeetRuntime, RetentionReport]] = []

    async def observed(runtime: MeetRuntime, **kwargs: Any) -> RetentionReport:
        report = await run_retention(runtime, **kwargs)
        runs.append((runtime, report))
        return report

    monkeypatch.setattr(retention, "run_retention", observed)
    media = media_files["mp4_2s_small"]
    first = AsyncTestClient(create_app(config), base_url="http://testserver.local")
    await first.__aenter__()
    first_running = True
    try:
        await asyncio.sleep(0.1)  # the first one takes the lease at start-up
        async with started(config) as second:
            a, b = runtime_of(first), runtime_of(second)
            room = await create_room(
                first, API_HEADERS, "Replicated", config={"recording": {"retentionDays": 1}}
            )
            old = [await days_ago(first, media, room["roomId"], 2 + n) for n in range(3)]
            young = await days_ago(first, media, room["roomId"], 0.5)
            await wait_gone(second, [r.recording_id for r in old])
            await asyncio.sleep(1.0)  # a few more rounds on both
            assert await lease_holders(second) == [a.sweeper.holder]
            assert {id(r) for r, _ in runs} == {id(a)}, "only the lease holder runs the job"
            assert sum(report.deleted for _, report in runs) == 3
            assert sorted(rid.recording_id for _, report in runs for rid in report.recordings) == sorted(
                r.recording_id for r in old
            )
            assert await row_exists(second, young.recording_id)

            # The first app goes away: once its lease has run out, the second one takes over.
            first_running = False
            await first.__aexit__(None, None, None)
            runs.clear()
            later = await days_ago(second, media, room["roomId"], 5)
            await wait_gone(second, [later.recording_id])
            await eventually(lambda: runs)  # the run ends with its audit entries, after the deletion
            assert await lease_holders(second) == [b.sweeper.holder]
            assert {id(r) for r, _ in runs} == {id(b)}
            assert sum(report.deleted for _, report in runs) == 1
            entries = await retention_entries(second)
            assert sorted(e["recordingId"] for e in entries) == sorted(
                [r.recording_id for r in old] + [later.recording_id]
            ), "one entry per deletion, none twice"
            assert {e["actorKind"] for e in entries} == {"system"}
            assert await row_exists(second, young.recording_id)
    finally:
        if first_running:
            await first.__aexit__(None, None, None)
