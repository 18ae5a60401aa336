"""Shared fixtures: a real app (SQLite file + local directory by default) and helpers to seed it.

Backends are chosen on the command line so the same tests run against the engines of a larger deployment:
``--meet-db=sqlite|postgres`` and ``--meet-store=file|memory|s3``. PostgreSQL is found through
``MEET_EMBED_TEST_POSTGRES_URL`` (default ``postgresql+asyncpg://postgres@127.0.0.1:5432/test``); the S3
store is a moto server the tests start on loopback.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from meet_embed import MeetEmbedConfig, create_app
from meet_embed.media.synth import synthesize
from meet_embed.runtime import MeetRuntime
from tests.backends import BackendSelection, make_backends

API_KEY = "test-api-key-0123456789"
OTHER_API_KEY = "other-api-key-0123456789"
SECRET_KEY = "test-secret-key-for-signing-0123456789"


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("meet-embed")
    group.addoption(
        "--meet-db",
        default=os.environ.get("MEET_EMBED_TEST_DB", "sqlite"),
        choices=["sqlite", "postgres"],
        help="database the API tests run against",
    )
    group.addoption(
        "--meet-store",
        default=os.environ.get("MEET_EMBED_TEST_STORE", "file"),
        choices=["file", "memory", "s3"],
        help="object store the API tests run against",
    )


@pytest.fixture(scope="session")
def backends(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[BackendSelection]:
    with make_backends(
        request.config.getoption("--meet-db"), request.config.getoption("--meet-store"), tmp_path_factory
    ) as selection:
        yield selection


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty database at the newest revision, made once: each test starts from a copy of it instead of
    running every migration again."""
    import asyncio

    from meet_embed.db.engine import Database

    path = tmp_path_factory.mktemp("template") / "meet.db"

    async def migrate() -> None:
        db = Database(f"sqlite+aiosqlite:///{path}")
        await db.upgrade()
        await db.dispose()

    asyncio.run(migrate())
    return path


@pytest.fixture
def config_factory(tmp_path: Path, backends: BackendSelection, migrated_sqlite: Path) -> Iterator[Any]:
    """Build a config for one test: isolated data dir, database schema and bucket prefix."""

    def factory(**overrides: Any) -> MeetEmbedConfig:
        values: dict[str, Any] = {
            "data_dir": tmp_path / "data",
            "api_keys": [f"host={API_KEY}", f"ops={OTHER_API_KEY}"],
            "secret_key": SECRET_KEY,
            **backends.config_values(tmp_path),
        }
        values.update(overrides)
        config = MeetEmbedConfig(**values)
        database = Path(config.data_dir) / "meet.db"
        if config.database_url is None and not database.exists():
            database.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(migrated_sqlite, database)
        return config

    yield factory
    backends.cleanup()


@pytest.fixture
def config(config_factory: Any) -> MeetEmbedConfig:
    return config_factory()  # type: ignore[no-any-return]


@pytest.fixture
def app(config: MeetEmbedConfig) -> Litestar:
    return create_app(config)


@pytest.fixture
async def client(app: Litestar) -> AsyncIterator[AsyncTestClient[Litestar]]:
    async with AsyncTestClient(app, base_url="http://testserver.local") as c:
        yield c


@pytest.fixture
def runtime(app: Litestar, client: AsyncTestClient[Litestar]) -> MeetRuntime:
    """The started app's runtime (the client fixture has run its lifespan).

    The test client runs the app on an event loop of its own: awaiting the runtime's database from the
    test works on SQLite but not on asyncpg; go through ``on_app`` for that.
    """
    return app.state["meet_embed"]  # type: ignore[no-any-return]


@pytest.fixture
def on_app(client: AsyncTestClient[Litestar]) -> Any:
    """``await on_app(fn, *args)``: run a coroutine function on the app's event loop (see ``runtime``)."""
    from tests.helpers import on_app_loop

    async def call(fn: Any, *args: Any) -> Any:
        return await on_app_loop(client, fn, *args)

    return call


@pytest.fixture
def api_headers() -> dict[str, str]:
    return {"X-API-KEY": API_KEY}


@pytest.fixture(scope="session")
def media_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Real media made once per session with PyAV: short MP4s of different lengths and a WebM."""
    root = tmp_path_factory.mktemp("media")
    return {
        "mp4_3s": synthesize(root / "a.mp4", 3.0, kind="mp4", hue=10),
        "mp4_5s": synthesize(root / "b.mp4", 5.0, kind="mp4", hue=90, tone=550),
        "mp4_2s_small": synthesize(root / "c.mp4", 2.0, kind="mp4", width=320, height=180, hue=170),
        "webm_4s": synthesize(root / "d.webm", 4.0, kind="webm", hue=200),
    }


@pytest.fixture
def media_copy(tmp_path: Path, media_files: dict[str, Path]) -> Any:
    def copy(name: str) -> Path:
        dest = tmp_path / f"copy-{name}{media_files[name].suffix}"
        shutil.copyfile(media_files[name], dest)
        return dest

    return copy
