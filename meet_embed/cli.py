"""Command line: ``meet-embed …`` and, inside a Litestar app that uses the plugin, ``litestar meet …``.

Every command has ``--help``; commands that print data take ``--json`` for scripting.
"""

from __future__ import annotations

import asyncio
import json
import os
from collections.abc import Awaitable, Callable, Coroutine
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, Literal, TypeVar

import click
import msgspec

from meet_embed.config import ConfigError, MeetEmbedConfig

__all__ = ("main", "meet_group")

T = TypeVar("T")


# -- configuration of a command ------------------------------------------------------------------------


def _config() -> MeetEmbedConfig:
    """The app's own config under ``litestar meet``, else the environment (plus ``--data-dir``)."""
    root = click.get_current_context().find_root()
    cached = root.meta.get("meet_embed.config")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    config: MeetEmbedConfig | None = None
    obj = root.obj
    if callable(obj) and not hasattr(obj, "app"):
        # Litestar's CLI loads its environment (and the app) lazily.
        obj = root.obj = obj()
    app = getattr(obj, "app", None) if obj is not None else None
    if app is not None:
        from meet_embed.plugin import find_plugin

        plugin = find_plugin(app)
        config = plugin.config if plugin is not None else None
    if config is None:
        overrides: dict[str, Any] = {}
        data_dir = root.meta.get("meet_embed.data_dir")
        if data_dir:
            overrides["data_dir"] = Path(data_dir)
        try:
            config = MeetEmbedConfig.from_env(**overrides)
        except ConfigError as exc:
            raise click.UsageError(str(exc)) from exc
    root.meta["meet_embed.config"] = config
    return config


@asynccontextmanager
async def _runtime(config: MeetEmbedConfig, *, migrate: bool = True) -> Any:
    from meet_embed.runtime import MeetRuntime

    runtime = MeetRuntime.create(config)
    if migrate:
        await runtime.startup(background=False)
    try:
        yield runtime
    finally:
        await runtime.shutdown()


def _run(coro: Coroutine[Any, Any, T]) -> T:
    from meet_embed.errors import MeetError

    try:
        return asyncio.run(coro)
    except MeetError as exc:
        details = exc.extra.get("details") or []
        said = "; ".join(f"{d['field']}: {d['message']}" for d in details if isinstance(d, dict))
        raise click.ClickException(f"{exc.message}: {said}" if said else exc.message) from exc


def _emit(as_json: bool, data: Any, human: Callable[[], None]) -> None:
    if as_json:
        click.echo(json.dumps(msgspec.to_builtins(data), indent=2))
    else:
        human()


json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")


@click.group(name="meet", context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Data directory (overrides MEET_EMBED_DATA_DIR).",
)
def meet_group(data_dir: Path | None) -> None:
    """meet-embed: recordings for Python web apps. Configured by MEET_EMBED_* variables."""
    if data_dir is not None:
        click.get_current_context().find_root().meta["meet_embed.data_dir"] = data_dir


# -- serve / demo --------------------------------------------------------------------------------------


def _serve(app: Any, host: str, port: int) -> None:
    import uvicorn

    uvicorn.run(app, host=host, port=port, proxy_headers=True, log_level="info", timeout_graceful_shutdown=5)


def _serve_workers(config: MeetEmbedConfig, host: str, port: int, workers: int, server: str) -> None:
    """Several worker processes, each building the app from the environment (so ``--data-dir`` goes into
    it first)."""
    os.environ.setdefault("MEET_EMBED_DATA_DIR", str(config.data_dir))
    if server == "granian":
        try:
            from granian import Granian
            from granian.constants import Interfaces
        except ImportError as exc:
            raise click.ClickException("Granian is not installed: pip install 'meet-embed[granian]'") from exc
        Granian(
            "meet_embed.app:create_app",
            address=host,
            port=port,
            interface=Interfaces.ASGI,
            workers=workers,
            factory=True,
        ).serve()
        return
    import uvicorn

    uvicorn.run(
        "meet_embed.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        proxy_headers=True,
        log_level="info",
        timeout_graceful_shutdown=5,
    )


@meet_group.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--workers", default=1, show_default=True, type=click.IntRange(min=1), help="Worker processes.")
@click.option("--server", type=click.Choice(["uvicorn", "granian"]), default="uvicorn", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="First print one JSON line saying where it serves.")
def serve(host: str, port: int, workers: int, server: str, as_json: bool) -> None:
    """Run the standalone app with the environment's configuration."""
    config = _config()
    if workers > 1 and not config.redis_url:
        # Each worker is a process of its own: without Redis its live events reach only the viewers
        # connected to it, and each counts rate limits by itself.
        raise click.UsageError(
            f"--workers {workers} needs Redis: without it each worker process keeps live recording events "
            f"to itself (viewers on another worker never see a recording start or stop) and counts rate "
            f"limits on its own ({workers} times the configured limits). Set MEET_EMBED_REDIS_URL "
            "(config field redis_url), or serve with one worker."
        )
    if as_json:
        click.echo(json.dumps(_serving(config, host, port, workers, server)))
    if workers > 1 or server != "uvicorn":
        _serve_workers(config, host, port, workers, server)
        return
    from meet_embed.app import create_app

    _serve(create_app(config), host, port)


def _serving(config: MeetEmbedConfig, host: str, port: int, workers: int, server: str) -> dict[str, Any]:
    authority = f"[{host}]" if ":" in host else host
    base = f"http://{authority}:{port}"
    return {
        "url": f"{base}{config.path}",
        "api": f"{base}{config.api_path}",
        "health": f"{base}{config.path}/health/ready",
        "metrics": f"{base}{config.path}{config.metrics_path}" if config.metrics_path else None,
        "workers": workers,
        "server": server,
        "pid": os.getpid(),
    }


@meet_group.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--no-serve", is_flag=True, help="Seed and print, then exit.")
@json_option
def demo(host: str, port: int, no_serve: bool, as_json: bool) -> None:
    """Seed rooms with real, playable recordings, print what a newcomer needs, and serve."""
    from meet_embed.app import create_app
    from meet_embed.demo import demo_config, seed_demo

    base = _config()
    config = demo_config(base, explicit_data_dir=_explicit_data_dir())
    info = _run(_seeded(config, f"http://{host}:{port}", seed_demo))
    _emit(as_json, info, lambda: click.echo(info.render()))
    if not no_serve:
        _serve(create_app(config), host, port)


def _explicit_data_dir() -> bool:
    root = click.get_current_context().find_root()
    return bool(root.meta.get("meet_embed.data_dir") or os.environ.get("MEET_EMBED_DATA_DIR"))


async def _seeded(config: MeetEmbedConfig, base_url: str, seed: Callable[..., Awaitable[Any]]) -> Any:
    async with _runtime(config, migrate=True) as runtime:
        return await seed(runtime, base_url)


# -- database ------------------------------------------------------------------------------------------


@meet_group.group()
def db() -> None:
    """Database schema (Alembic migrations shipped in the package)."""


@db.command("upgrade")
@click.option("--revision", default="head", show_default=True)
@json_option
def db_upgrade(revision: str, as_json: bool) -> None:
    """Apply migrations up to REVISION (safe to run from several replicas at once)."""
    _migrate("upgrade", revision, as_json)


def _migrate(direction: Literal["upgrade", "downgrade"], revision: str, as_json: bool) -> None:
    config = _config()

    async def go() -> dict[str, Any]:
        async with _runtime(config, migrate=False) as runtime:
            before = await runtime.db.current_revision()
            await getattr(runtime.db, direction)(revision)
            return {"from": before, "to": await runtime.db.current_revision()}

    result = _run(go())
    _emit(
        as_json,
        result,
        lambda: click.echo(f"database at revision {result['to'] or 'base'} (was {result['from'] or 'base'})"),
    )


@db.command("current")
@json_option
def db_current(as_json: bool) -> None:
    """Show the database's revision and the newest one shipped."""
    config = _config()

    async def go() -> dict[str, Any]:
        from meet_embed.db.engine import Database

        async with _runtime(config, migrate=False) as runtime:
            return {"current": await runtime.db.current_revision(), "head": Database.head_revision()}

    result = _run(go())
    _emit(as_json, result, lambda: click.echo(f"current: {result['current']}  head: {result['head']}"))


@db.command("downgrade")
@click.argument("revision")
@json_option
def db_downgrade(revision: str, as_json: bool) -> None:
    """Revert migrations down to REVISION (``base`` removes every meet-embed table)."""
    _migrate("downgrade", revision, as_json)


# -- rooms ---------------------------------------------------------------------------------------------


@meet_group.group()
def rooms() -> None:
    """Create and list rooms."""


@rooms.command("create")
@click.argument("name")
@click.option(
    "--allow-access-to",
    type=click.Choice(["admin", "admin_moderator", "admin_moderator_speaker"]),
    default="admin_moderator_speaker",
    show_default=True,
)
@click.option("--recording-disabled", is_flag=True, help="Create the room with recording disabled.")
@click.option("--base-url", default="http://127.0.0.1:8000", show_default=True, help="For the printed links.")
@json_option
def rooms_create(
    name: str,
    allow_access_to: str,
    recording_disabled: bool,
    base_url: str,
    as_json: bool,
) -> None:
    """Create a room called NAME and print it with its moderator and speaker links."""
    from meet_embed.rooms.schemas import RoomConfigIn, RoomCreate, RoomRecordingConfigIn
    from meet_embed.rooms.service import RoomsService

    config = _config()

    async def go() -> Any:
        async with _runtime(config) as runtime, runtime.db.sessionmaker() as session:
            service = RoomsService(session, runtime)
            recording = RoomRecordingConfigIn(enabled=not recording_disabled, allow_access_to=allow_access_to)  # type: ignore[arg-type]
            room = await service.create(RoomCreate(room_name=name, config=RoomConfigIn(recording=recording)))
            return service.to_wire(room, base_url)

    room = _run(go())
    _emit(
        as_json,
        room,
        lambda: click.echo(
            f"{room.room_id}  {room.room_name}\n"
            f"  moderator: {room.moderator_url}\n  speaker:   {room.speaker_url}"
        ),
    )


@rooms.command("list")
@click.option("--base-url", default="http://127.0.0.1:8000", show_default=True, help="For the printed links.")
@json_option
def rooms_list(base_url: str, as_json: bool) -> None:
    """List every room, newest first."""
    from meet_embed.pagination import MAX_ITEMS_CAP
    from meet_embed.rooms.service import RoomsService

    config = _config()

    async def go() -> list[Any]:
        out: list[Any] = []
        async with _runtime(config) as runtime, runtime.db.sessionmaker() as session:
            service = RoomsService(session, runtime)
            token = None
            while True:
                rows, token = await service.list_rooms(MAX_ITEMS_CAP, token, None)
                out += [service.to_wire(r, base_url) for r in rows]
                if token is None:
                    return out

    found = _run(go())

    def human() -> None:
        if not found:
            click.echo("no rooms yet: meet-embed rooms create NAME")
        for room in found:
            access = room.config.recording.allow_access_to
            click.echo(f"{room.room_id}  {room.room_name!r}  [{room.status}, recordings: {access}]")

    _emit(as_json, found, human)


# -- import --------------------------------------------------------------------------------------------


@meet_group.command("import")
@click.argument("room_id")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@json_option
def import_command(room_id: str, file: Path, as_json: bool) -> None:
    """Ingest FILE (any audio/video PyAV reads) as a complete recording of ROOM_ID; prints it as JSON."""
    from meet_embed.recordings.ingest import import_file
    from meet_embed.recordings.schemas import to_wire

    config = _config()

    async def go() -> Any:
        async with _runtime(config) as runtime:
            return to_wire(await import_file(runtime, room_id, file))

    recording = _run(go())
    # JSON either way: the recording is the output (--json kept for symmetry with other commands).
    click.echo(json.dumps(msgspec.to_builtins(recording), indent=2 if not as_json else None))


# -- tokens --------------------------------------------------------------------------------------------


@meet_group.command()
@click.argument("room_id")
@click.option("--role", type=click.Choice(["moderator", "speaker"]), required=True)
@click.option("--identity", default=None, help="Participant identity (default: generated).")
@click.option("--name", default=None, help="Participant display name.")
@click.option("--ttl", type=click.IntRange(min=1), default=None, help="Lifetime in seconds.")
@json_option
def token(
    room_id: str,
    role: str,
    identity: str | None,
    name: str | None,
    ttl: int | None,
    as_json: bool,
) -> None:
    """Mint a member token for ROOM_ID and print it."""
    from meet_embed.rooms.models import RoomModel

    config = _config()

    async def go() -> dict[str, Any]:
        async with _runtime(config) as runtime, runtime.db.sessionmaker() as session:
            if await session.get(RoomModel, room_id) is None:
                raise click.ClickException(f"Room '{room_id}' does not exist")
            value = runtime.tokens.mint(room_id, role, identity=identity, name=name, ttl=ttl)
            claims = runtime.tokens.verify_sync(value)
            return {
                "token": value,
                "roomId": room_id,
                "role": role,
                "identity": claims.identity,
                "expiresAt": claims.expires_at * 1000,
            }

    result = _run(go())
    _emit(as_json, result, lambda: click.echo(result["token"]))


# -- retention -----------------------------------------------------------------------------------------


@meet_group.command()
@click.option("--dry-run", is_flag=True, help="List what would be deleted, delete nothing.")
@json_option
def retention(dry_run: bool, as_json: bool) -> None:
    """Delete recordings older than their room's retention (or the global default) now."""
    from meet_embed.ops.retention import RetentionBusy, run_retention

    config = _config()

    async def go() -> Any:
        async with _runtime(config) as runtime:
            return await run_retention(runtime, dry_run=dry_run)

    try:
        report = _run(go())
    except RetentionBusy as exc:
        raise click.ClickException(f"{exc}; try again once it is done") from exc

    def human() -> None:
        verb = "would delete" if dry_run else "deleted"
        click.echo(f"{verb} {len(report.recordings)} recording(s)")
        for run in report.recordings:
            click.echo(f"  {run.recording_id}  (room {run.room_id}, kept {run.retention_days} day(s))")

    _emit(as_json, report, human)


# -- config --------------------------------------------------------------------------------------------


@meet_group.command("config")
@json_option
def show_config(as_json: bool) -> None:
    """Show the effective configuration (secrets masked)."""
    described = _config().describe()

    def human() -> None:
        for key, value in described.items():
            click.echo(f"{key}: {value}")

    _emit(as_json, described, human)


def main() -> None:
    """Console script entry point."""
    meet_group.name = "meet-embed"
    meet_group(prog_name="meet-embed")


if __name__ == "__main__":  # pragma: no cover
    main()
