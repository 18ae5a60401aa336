"""The command line: ``meet-embed …`` (click group ``meet_group``) and ``litestar meet …`` in a host app."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import av
import pytest
from click.testing import CliRunner, Result
from litestar.testing import AsyncTestClient
from sqlalchemy import select

from meet_embed import MeetEmbedConfig, create_app
from meet_embed.auth.tokens import MemberTokens
from meet_embed.cli import meet_group
from meet_embed.db.engine import Database
from meet_embed.recordings.models import RecordingModel
from meet_embed.storage import MediaStore, keys
from tests.helpers import ROOMS

PROJECT_ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SUBPROCESS_TIMEOUT = 120


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "cli-data"


@pytest.fixture
def meet(data_dir: Path) -> Callable[..., Result]:
    """Run ``meet-embed ARGS`` in-process with ``MEET_EMBED_DATA_DIR`` pointing at a fresh directory."""

    def run(*args: str, env: dict[str, str] | None = None, ok: bool = True) -> Result:
        result = CliRunner().invoke(
            meet_group, list(args), env={"MEET_EMBED_DATA_DIR": str(data_dir), **(env or {})}
        )
        if ok:
            assert result.exit_code == 0, (args, result.output, result.exception)
        return result

    return run


def subprocess_env(**extra: str) -> dict[str, str]:
    """The environment for a child process: it imports the code under test, not whatever is installed."""
    paths = [str(PROJECT_ROOT), *[p for p in extra.pop("PYTHONPATH", "").split(os.pathsep) if p]]
    env = {k: v for k, v in os.environ.items() if not k.startswith("MEET_EMBED_")}
    return {**env, "PYTHONPATH": os.pathsep.join(paths), **extra}


def read_json(result: Result) -> Any:
    return json.loads(result.output)


# -- database ------------------------------------------------------------------------------------------


def test_db_upgrade_then_current_shows_head(meet: Callable[..., Result]) -> None:
    head = Database.head_revision()
    assert read_json(meet("db", "current", "--json")) == {"current": None, "head": head}
    assert read_json(meet("db", "upgrade", "--json")) == {"from": None, "to": head}
    assert read_json(meet("db", "current", "--json")) == {"current": head, "head": head}
    # again: nothing to do
    assert read_json(meet("db", "upgrade", "--json")) == {"from": head, "to": head}
    assert head in meet("db", "current").output


def test_db_downgrade_to_base_then_upgrade(meet: Callable[..., Result]) -> None:
    head = Database.head_revision()
    meet("db", "upgrade")
    assert read_json(meet("db", "downgrade", "0003", "--json")) == {"from": head, "to": "0003"}
    assert read_json(meet("db", "current", "--json"))["current"] == "0003"
    assert read_json(meet("db", "downgrade", "base", "--json")) == {"from": "0003", "to": None}
    assert read_json(meet("db", "current", "--json"))["current"] is None
    meet("db", "upgrade")
    assert read_json(meet("db", "current", "--json"))["current"] == Database.head_revision()


def test_data_dir_option_overrides_the_environment(meet: Callable[..., Result], tmp_path: Path) -> None:
    other = tmp_path / "other"
    meet("--data-dir", str(other), "db", "upgrade")
    assert (other / "meet.db").is_file()
    assert read_json(meet("db", "current", "--json"))["current"] is None  # the env's data dir is untouched


# -- rooms ------------------------------------------------------------------------------------------------


def test_rooms_create_then_list(meet: Callable[..., Result]) -> None:
    created = read_json(meet("rooms", "create", "Weekly sync", "--json"))
    assert created["roomName"] == "Weekly sync"
    assert created["roomId"].startswith("Weeklysync-")
    assert created["config"]["recording"]["allowAccessTo"] == "admin_moderator_speaker"
    assert created["moderatorUrl"].startswith(f"http://127.0.0.1:8000/meet/room/{created['roomId']}?secret=")

    restricted = read_json(
        meet(
            "rooms",
            "create",
            "Board",
            "--allow-access-to",
            "admin",
            "--recording-disabled",
            "--base-url",
            "https://meet.example.com",
            "--json",
        )
    )
    assert restricted["config"]["recording"]["allowAccessTo"] == "admin"
    assert restricted["config"]["recording"]["enabled"] is False
    assert restricted["speakerUrl"].startswith("https://meet.example.com/meet/room/")

    listed = read_json(meet("rooms", "list", "--json"))
    assert [r["roomId"] for r in listed] == [restricted["roomId"], created["roomId"]]
    assert listed[1]["moderatorUrl"] == created["moderatorUrl"]

    human = meet("rooms", "list").output
    assert created["roomId"] in human
    assert "Weekly sync" in human


def test_rooms_list_when_empty(meet: Callable[..., Result]) -> None:
    assert read_json(meet("rooms", "list", "--json")) == []
    assert "no rooms yet" in meet("rooms", "list").output


def test_rooms_created_by_the_cli_are_served_by_the_app(meet: Callable[..., Result], data_dir: Path) -> None:
    created = read_json(meet("rooms", "create", "Shared", "--json"))

    async def fetch() -> Any:
        config = MeetEmbedConfig(data_dir=data_dir, api_keys=["cli-test-key-0123456789"])
        async with AsyncTestClient(create_app(config), base_url="http://testserver.local") as client:
            return await client.get(
                f"{ROOMS}/{created['roomId']}", headers={"X-API-KEY": "cli-test-key-0123456789"}
            )

    import asyncio

    response = asyncio.run(fetch())
    assert response.status_code == 200
    # same data dir, same generated secret key, same link secrets
    assert response.json()["moderatorUrl"].split("?")[1] == created["moderatorUrl"].split("?")[1]


# -- import -------------------------------------------------------------------------------------------


async def _recording_row(data_dir: Path, recording_id: str) -> RecordingModel | None:
    db = Database(MeetEmbedConfig(data_dir=data_dir).resolved_database_url)
    try:
        async with db.sessionmaker() as session:
            return await session.get(RecordingModel, recording_id)
    finally:
        await db.dispose()


def test_import_a_media_file(
    meet: Callable[..., Result], data_dir: Path, media_copy: Callable[[str], Path]
) -> None:
    import asyncio

    room = read_json(meet("rooms", "create", "Imports", "--json"))
    source = media_copy("mp4_3s")
    recording = read_json(meet("import", room["roomId"], str(source)))

    assert recording["status"] == "complete"
    assert recording["roomId"] == room["roomId"]
    assert recording["roomName"] == "Imports"
    assert recording["recordingId"].startswith(f"{room['roomId']}--EG_")
    assert recording["size"] == source.stat().st_size
    assert recording["duration"] == pytest.approx(3.0, abs=0.25)
    assert recording["filename"].endswith(".mp4")
    assert recording["endDate"] - recording["startDate"] == pytest.approx(recording["duration"] * 1000, abs=5)

    store = MediaStore(MeetEmbedConfig(data_dir=data_dir).resolved_storage_url)
    media_key = keys.media_key(room["roomId"], recording["filename"])
    assert asyncio.run(store.exists(media_key))
    stored = store.local_path(media_key)
    assert stored is not None
    assert stored.read_bytes() == source.read_bytes()
    row = asyncio.run(_recording_row(data_dir, recording["recordingId"]))
    assert row is not None
    assert row.media_key == media_key
    assert row.poster_key
    assert asyncio.run(store.exists(row.poster_key))

    # --json prints the same recording on one line
    again = meet("import", room["roomId"], str(media_copy("webm_4s")), "--json").output
    assert len(again.strip().splitlines()) == 1
    webm = json.loads(again)
    assert webm["filename"].endswith(".webm")
    assert webm["duration"] == pytest.approx(4.0, abs=0.25)


def test_import_refuses_a_file_that_is_not_media(
    meet: Callable[..., Result], tmp_path: Path, data_dir: Path
) -> None:
    room = read_json(meet("rooms", "create", "Imports", "--json"))
    bogus = tmp_path / "notes.mp4"
    bogus.write_text("these are meeting notes, not a video")
    result = meet("import", room["roomId"], str(bogus), ok=False)
    assert result.exit_code != 0
    assert "Error" in result.output
    assert "Traceback" not in result.output
    assert list((data_dir / "media").rglob("*.mp4")) == []


def test_import_of_a_non_media_file_says_why(meet: Callable[..., Result], tmp_path: Path) -> None:
    room = read_json(meet("rooms", "create", "Imports", "--json"))
    bogus = tmp_path / "notes.mp4"
    bogus.write_text("these are meeting notes, not a video")
    result = meet("import", room["roomId"], str(bogus), ok=False)
    assert "media" in result.output.lower()


def test_import_into_an_unknown_room_or_a_missing_file_fails(
    meet: Callable[..., Result], media_copy: Callable[[str], Path], tmp_path: Path
) -> None:
    result = meet("import", "no_such_room", str(media_copy("mp4_3s")), ok=False)
    assert result.exit_code != 0
    assert "no_such_room" in result.output
    assert "does not exist" in result.output
    room = read_json(meet("rooms", "create", "R", "--json"))
    missing = meet("import", room["roomId"], str(tmp_path / "missing.mp4"), ok=False)
    assert missing.exit_code != 0
    assert "does not exist" in missing.output


# -- tokens -------------------------------------------------------------------------------------------


def test_token_prints_a_verifiable_member_token(meet: Callable[..., Result], data_dir: Path) -> None:
    room = read_json(meet("rooms", "create", "Tokens", "--json"))
    before = int(time.time())
    printed = read_json(
        meet(
            "token",
            room["roomId"],
            "--role",
            "speaker",
            "--identity",
            "bob",
            "--name",
            "Bob",
            "--ttl",
            "90",
            "--json",
        )
    )
    assert printed["roomId"] == room["roomId"]
    assert printed["role"] == "speaker"
    assert printed["identity"] == "bob"

    tokens = MemberTokens(secret=MeetEmbedConfig(data_dir=data_dir).resolved_jwt_secret())
    claims = tokens.verify_sync(printed["token"])
    assert claims.room_id == room["roomId"]
    assert claims.role == "speaker"
    assert claims.identity == "bob"
    assert claims.name == "Bob"
    assert before + 90 <= claims.expires_at <= int(time.time()) + 90
    assert printed["expiresAt"] == claims.expires_at * 1000

    plain = meet("token", room["roomId"], "--role", "moderator").output.strip()
    moderator = tokens.verify_sync(plain)
    assert moderator.role == "moderator"
    assert moderator.expires_at >= before + 7200


def test_token_for_an_unknown_room_fails(meet: Callable[..., Result]) -> None:
    result = meet("token", "no_such_room", "--role", "speaker", ok=False)
    assert result.exit_code != 0
    assert "no_such_room" in result.output
    assert "Traceback" not in result.output


def test_token_options_are_validated(meet: Callable[..., Result]) -> None:
    room = read_json(meet("rooms", "create", "R", "--json"))
    assert meet("token", room["roomId"], ok=False).exit_code == 2  # --role is required
    assert meet("token", room["roomId"], "--role", "admin", ok=False).exit_code == 2
    assert meet("token", room["roomId"], "--role", "speaker", "--ttl", "0", ok=False).exit_code == 2


# -- config -------------------------------------------------------------------------------------------


def test_config_json_masks_secrets(meet: Callable[..., Result], data_dir: Path) -> None:
    env = {
        "MEET_EMBED_API_KEYS": "ops=ops-key-0123456789abcdef",
        "MEET_EMBED_SECRET_KEY": "signing-secret-value",
        "MEET_EMBED_JWT_SECRET": "jwt-secret-value",
        "MEET_EMBED_ADMIN_PASSWORD": "admin-password-value",
        "MEET_EMBED_STORAGE_OPTIONS": '{"secret_access_key": "s3-secret-value", "region": "eu"}',
        "MEET_EMBED_DATABASE_URL": "postgresql+asyncpg://meet:db-password-value@db/meet",
    }
    output = meet("config", "--json", env=env).output
    for secret in (
        "ops-key-0123456789abcdef",
        "signing-secret-value",
        "jwt-secret-value",
        "admin-password-value",
        "s3-secret-value",
        "db-password-value",
    ):
        assert secret not in output
    described = json.loads(output)
    assert described["api_keys"] == ["ops"]
    assert described["data_dir"] == str(data_dir)
    assert described["database_url"] == "postgresql+asyncpg://meet:***@db/meet"
    assert described["storage_options"]["region"] == "eu"
    human = meet("config", env=env).output
    assert "signing-secret-value" not in human
    assert "api_keys" in human


def test_config_errors_are_reported_without_a_traceback(meet: Callable[..., Result]) -> None:
    result = meet("config", env={"MEET_EMBED_MEMBER_TOKEN_TTL": "soon"}, ok=False)
    assert result.exit_code == 2
    assert "MEET_EMBED_MEMBER_TOKEN_TTL" in result.output
    assert "Traceback" not in result.output
    relative = meet("config", env={"MEET_EMBED_STORAGE_URL": "file://media"}, ok=False)
    assert relative.exit_code == 2
    assert "storage_url: 'file://media' is not an absolute file URL" in relative.output
    assert "Traceback" not in relative.output


# -- demo ----------------------------------------------------------------------------------------------


@pytest.mark.slow
def test_demo_seeds_rooms_with_playable_recordings(meet: Callable[..., Result], data_dir: Path) -> None:
    import asyncio

    info = read_json(meet("demo", "--no-serve", "--json"))
    assert info["apiKey"]
    assert len(info["rooms"]) == 3
    room_ids = [r["roomId"] for r in info["rooms"]]
    assert [r["config"]["recording"]["allowAccessTo"] for r in info["rooms"]] == [
        "admin_moderator_speaker",
        "admin_moderator",
        "admin",
    ]
    tokens = MemberTokens(secret=MeetEmbedConfig(data_dir=data_dir).resolved_jwt_secret())
    assert tokens.verify_sync(info["moderatorToken"]).role == "moderator"
    assert tokens.verify_sync(info["speakerToken"]).room_id == room_ids[0]

    async def check_app() -> list[RecordingModel]:
        config = MeetEmbedConfig(data_dir=data_dir, api_keys=[info["apiKey"]])
        async with AsyncTestClient(create_app(config), base_url="http://testserver.local") as client:
            listed = await client.get(ROOMS, headers={"X-API-KEY": info["apiKey"]})
            assert listed.status_code == 200
            assert {r["roomId"] for r in listed.json()["rooms"]} == set(room_ids)
        db = Database(config.resolved_database_url)
        try:
            async with db.sessionmaker() as session:
                return list((await session.scalars(select(RecordingModel))).all())
        finally:
            await db.dispose()

    recordings = asyncio.run(check_app())
    assert len(recordings) == 6
    assert {r.room_id for r in recordings} == set(room_ids)
    store = MediaStore(MeetEmbedConfig(data_dir=data_dir).resolved_storage_url)
    for row in recordings:
        assert row.status == "complete"
        assert row.duration > 5
        path = store.local_path(row.media_key or "")
        assert path is not None
        assert path.stat().st_size == row.size
        with av.open(str(path)) as container:  # playable: it decodes
            assert container.streams.video
            frame = next(container.decode(video=0))
            assert frame.width > 0
        assert row.poster_key
        assert asyncio.run(store.exists(row.poster_key))

    # running it again reuses what was seeded
    again = read_json(meet("demo", "--no-serve", "--json"))
    assert [r["roomId"] for r in again["rooms"]] == room_ids


# -- serve ------------------------------------------------------------------------------------------------


def test_serve_refuses_several_workers_without_redis(meet: Callable[..., Result]) -> None:
    for args in (("--workers", "2"), ("--workers", "4", "--server", "granian", "--json")):
        refused = meet("serve", "--port", "1", *args, ok=False)
        assert refused.exit_code == 2, refused.output
        assert "needs Redis" in refused.output
        assert "MEET_EMBED_REDIS_URL" in refused.output
        assert not refused.output.lstrip().startswith("{")  # nothing said it was serving


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serving(data_dir: Path, *args: str, **env: str) -> Iterator[dict[str, Any]]:
    """``meet-embed serve --json ARGS`` in a process of its own: what it printed first, once the URL it
    gives answers; the server is stopped afterwards."""
    import select
    import signal

    import httpx

    process = subprocess.Popen(
        [str(BIN / "meet-embed"), "serve", "--json", *args],
        env=subprocess_env(MEET_EMBED_DATA_DIR=str(data_dir), **env),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        readable, _, _ = select.select([process.stdout], [], [], 60)
        assert readable, "serve --json printed nothing"
        said = json.loads(process.stdout.readline())
        deadline = time.monotonic() + 60
        while True:
            try:
                assert httpx.get(f"{said['url']}/health/live", timeout=2).status_code == 200
                break
            except httpx.TransportError:
                assert process.poll() is None, process.stderr.read() if process.stderr else ""
                assert time.monotonic() < deadline, "the server never answered"
                time.sleep(0.2)
        yield said
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_serve_json_says_where_it_serves(data_dir: Path) -> None:
    port = free_port()
    with serving(data_dir, "--port", str(port)) as said:
        assert said["url"] == f"http://127.0.0.1:{port}/meet"
        assert said["api"] == f"http://127.0.0.1:{port}/meet/api/v1"
        assert said["health"] == f"http://127.0.0.1:{port}/meet/health/ready"
        assert said["metrics"] == f"http://127.0.0.1:{port}/meet/metrics"
        assert said["workers"] == 1
        assert said["server"] == "uvicorn"


def test_several_workers_with_redis_count_their_metrics_together(data_dir: Path, tmp_path: Path) -> None:
    """The workers share one port, so a scrape reaches any one of them; with PROMETHEUS_MULTIPROC_DIR
    (docs/deploy.md) every scrape adds up all of them."""
    import httpx

    from tests.backends import redis_or_skip
    from tests.helpers import Scrape

    port = free_port()
    shared = tmp_path / "prometheus"
    shared.mkdir()
    env = {"MEET_EMBED_REDIS_URL": redis_or_skip(), "PROMETHEUS_MULTIPROC_DIR": str(shared)}
    with serving(data_dir, "--port", str(port), "--workers", "2", **env) as said:
        assert said["url"] == f"http://127.0.0.1:{port}/meet"
        assert said["workers"] == 2
        with httpx.Client(timeout=5) as http:  # a new connection each time: the workers take turns
            for _ in range(20):
                response = http.get(f"{said['url']}/health/ready", headers={"Connection": "close"})
                assert response.status_code == 200, response.text
            for _ in range(4):
                scraped = http.get(said["metrics"], headers={"Connection": "close"})
                assert scraped.status_code == 200
                total = Scrape(scraped.text).total("meet_embed_requests_total", path="/meet/health/ready")
                assert total == 20


# -- console scripts ---------------------------------------------------------------------------------


def test_meet_embed_console_script_is_installed(tmp_path: Path) -> None:
    script = BIN / "meet-embed"
    assert script.is_file()
    result = subprocess.run(
        [str(script), "--help"],
        env=subprocess_env(),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=SUBPROCESS_TIMEOUT,
    )
    assert result.returncode == 0, result.stderr
    assert "Usage: meet-embed" in result.stdout
    for command in ("db", "rooms", "import", "token", "config", "demo", "serve"):
        assert command in result.stdout


HOST_APP = """
from pathlib import Path

from litestar import Litestar, get

from meet_embed import MeetEmbedConfig, MeetEmbedPlugin


@get("/")
async def index() -> str:
    return "host"


app = Litestar(
    route_handlers=[index],
    plugins=[MeetEmbedPlugin(MeetEmbedConfig(data_dir=Path(__file__).parent / "host-data"))],
)
"""


def _litestar(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    if not (tmp_path / "hostapp.py").exists():
        (tmp_path / "hostapp.py").write_text(textwrap.dedent(HOST_APP))
    # MEET_EMBED_DATA_DIR points elsewhere: the app's own config must win over the environment
    env = subprocess_env(PYTHONPATH=str(tmp_path), MEET_EMBED_DATA_DIR=str(tmp_path / "env-data"))
    return subprocess.run(
        [str(BIN / "litestar"), "--app", "hostapp:app", "meet", *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=SUBPROCESS_TIMEOUT,
    )


def test_litestar_cli_lists_the_meet_commands(tmp_path: Path) -> None:
    helped = _litestar(tmp_path, "--help")
    assert helped.returncode == 0, helped.stderr
    for command in ("db", "rooms", "import", "token", "config", "demo"):
        assert command in helped.stdout


def test_litestar_meet_commands_use_the_apps_config(tmp_path: Path) -> None:
    created = _litestar(tmp_path, "rooms", "create", "From Litestar", "--json")
    assert created.returncode == 0, created.stderr[-2000:]
    room = json.loads(created.stdout)
    assert room["roomName"] == "From Litestar"

    listed = _litestar(tmp_path, "rooms", "list", "--json")
    assert listed.returncode == 0, listed.stderr[-2000:]
    assert [r["roomId"] for r in json.loads(listed.stdout)] == [room["roomId"]]
    assert (tmp_path / "host-data" / "meet.db").is_file()
    assert not (tmp_path / "env-data").exists()
