"""MeetEmbedPlugin inside a host Litestar app that has routes, templates, static files, exception handlers
and an advanced-alchemy database of its own: everything of the host keeps working, meet-embed works too.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from advanced_alchemy.extensions.litestar import SQLAlchemyAsyncConfig, SQLAlchemyPlugin, base
from litestar import Litestar, MediaType, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.exceptions import NotFoundException
from litestar.params import FromPath, JSONBody
from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.response import Template
from litestar.static_files import create_static_files_router
from litestar.template.config import TemplateConfig
from litestar.testing import AsyncTestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from meet_embed import MeetEmbedConfig, MeetEmbedPlugin, create_app
from tests.helpers import ROOMS, assert_422, assert_error, scrape
from tests.recordings_support import RECORDINGS, import_recording

MEDIA_ROUTE = "/meet/api/v1/recordings/{recording_id}/media"

MEET_TABLES = {"meet_rooms", "meet_recordings", "meet_recording_secrets", "meet_pending_deletions"}


# -- the host app -------------------------------------------------------------------------------------------


class HostNote(base.BigIntBase):
    """A model of the host, in advanced-alchemy's shared metadata."""

    __tablename__ = "host_notes"
    text: Mapped[str] = mapped_column()


class HostError(Exception):
    """The host's own exception type."""


def host_error_handler(_: Request[Any, Any, Any], exc: HostError) -> Response[Any]:
    return Response({"hostError": str(exc)}, status_code=418, media_type=MediaType.JSON)


def host_not_found_handler(_: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    return Response("host says: no such page", status_code=404, media_type=MediaType.TEXT)


def host_bad_request_handler(_: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    return Response({"hostBadRequest": True}, status_code=400, media_type=MediaType.JSON)


@get("/", media_type=MediaType.HTML)
async def home() -> Template:
    return Template(template_name="home.html", context={"who": "host"})


@get("/boom")
async def boom() -> None:
    raise HostError("the host's own failure")


@get("/pages/{slug:str}")
async def page(slug: FromPath[str]) -> dict[str, str]:
    if slug != "about":
        raise NotFoundException(f"no page {slug}")
    return {"page": slug}


@post("/notes")
async def add_note(
    data: JSONBody[dict[str, str]], db_session: NamedDependency[AsyncSession]
) -> dict[str, Any]:
    note = HostNote(text=data["text"])
    db_session.add(note)
    await db_session.commit()
    await db_session.refresh(note)
    return {"id": note.id, "text": note.text}


@get("/notes")
async def list_notes(db_session: NamedDependency[AsyncSession]) -> list[str]:
    return list((await db_session.scalars(select(HostNote.text).order_by(HostNote.id))).all())


@dataclass
class Host:
    app: Litestar
    client: AsyncTestClient[Litestar]
    host_db: Path
    meet_config: MeetEmbedConfig
    started: list[str]


def build_host(
    tmp_path: Path, meet_config: MeetEmbedConfig, **litestar: Any
) -> tuple[Litestar, Path, list[str]]:
    templates = tmp_path / "host-templates"
    templates.mkdir(exist_ok=True)
    (templates / "home.html").write_text("<h1>Hello from the {{ who }}</h1>")
    static = tmp_path / "host-static"
    static.mkdir(exist_ok=True)
    (static / "site.css").write_text("body { color: rebeccapurple; }")
    host_db = tmp_path / "host.db"
    started: list[str] = []

    def on_startup() -> None:
        started.append("host")

    app = Litestar(
        route_handlers=[
            home,
            boom,
            page,
            add_note,
            list_notes,
            create_static_files_router(path="/static", directories=[static]),
        ],
        template_config=TemplateConfig(directory=templates, engine=JinjaTemplateEngine),
        exception_handlers={HostError: host_error_handler, 404: host_not_found_handler},
        on_startup=[on_startup],
        plugins=[
            SQLAlchemyPlugin(
                config=SQLAlchemyAsyncConfig(
                    connection_string=f"sqlite+aiosqlite:///{host_db}",
                    create_all=True,
                    session_dependency_key="db_session",
                )
            ),
            MeetEmbedPlugin(meet_config),
        ],
        **litestar,
    )
    return app, host_db, started


@pytest.fixture
async def host(tmp_path: Path, config: MeetEmbedConfig) -> AsyncIterator[Host]:
    app, host_db, started = build_host(tmp_path, config)
    async with AsyncTestClient(app, base_url="http://testserver.local") as client:
        yield Host(app=app, client=client, host_db=host_db, meet_config=config, started=started)


def sqlite_tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


# -- the host keeps working --------------------------------------------------------------------------------


async def test_host_routes_templates_and_static_files_still_work(host: Host) -> None:
    home_page = await host.client.get("/")
    assert home_page.status_code == 200
    assert home_page.text == "<h1>Hello from the host</h1>"
    assert home_page.headers["content-type"].startswith("text/html")

    css = await host.client.get("/static/site.css")
    assert css.status_code == 200
    assert css.text == "body { color: rebeccapurple; }"

    about = await host.client.get("/pages/about")
    assert about.status_code == 200
    assert about.json() == {"page": "about"}
    assert host.started == ["host"]


async def test_host_exception_handlers_still_handle_host_routes(host: Host) -> None:
    failure = await host.client.get("/boom")
    assert failure.status_code == 418
    assert failure.json() == {"hostError": "the host's own failure"}

    for path in ("/pages/contact", "/no/such/host/path", "/static/missing.css", "/meet/no-such-page"):
        missing = await host.client.get(path)
        assert missing.status_code == 404, path
        assert missing.text == "host says: no such page", path


async def test_host_database_works_and_holds_only_host_tables(host: Host) -> None:
    created = await host.client.post("/notes", json={"text": "first"})
    assert created.status_code == 201, created.text
    await host.client.post("/notes", json={"text": "second"})
    assert (await host.client.get("/notes")).json() == ["first", "second"]

    # meet-embed works at the same time, in its own database
    room = await host.client.post(ROOMS, json={"roomName": "Host room"}, headers={"X-API-KEY": api_key(host)})
    assert room.status_code == 201

    host_tables = sqlite_tables(host.host_db)
    assert "host_notes" in host_tables
    assert not {t for t in host_tables if t.startswith("meet_")}
    if host.meet_config.is_sqlite:
        meet_db = Path(host.meet_config.resolved_database_url.removeprefix("sqlite+aiosqlite:///"))
        meet_tables = sqlite_tables(meet_db)
        assert meet_tables >= MEET_TABLES
        assert "host_notes" not in meet_tables
        assert "alembic_version" not in meet_tables


def test_host_metadata_has_no_meet_tables(host: Host) -> None:
    shared = set(base.orm_registry.metadata.tables)
    assert "host_notes" in shared
    assert not {t for t in shared if t.startswith("meet_")}
    plugin = next(p for p in host.app.plugins.init if isinstance(p, SQLAlchemyPlugin))
    for db_config in plugin.config if isinstance(plugin.config, list | tuple) else [plugin.config]:
        metadata = db_config.metadata or base.orm_registry.metadata
        assert not {t for t in metadata.tables if t.startswith("meet_")}


def api_key(host: Host) -> str:
    key = host.meet_config.api_keys[0]
    return key if isinstance(key, str) else key.key


# -- meet-embed inside the host ------------------------------------------------------------------------------


async def test_meet_rooms_api_works_under_meet_api_v1(host: Host) -> None:
    headers = {"X-API-KEY": api_key(host)}
    created = await host.client.post(ROOMS, json={"roomName": "Weekly"}, headers=headers)
    assert created.status_code == 201, created.text
    room = created.json()
    assert created.headers["location"] == f"http://testserver.local{ROOMS}/{room['roomId']}"
    assert room["moderatorUrl"].startswith(f"http://testserver.local/meet/room/{room['roomId']}?secret=")

    fetched = await host.client.get(f"{ROOMS}/{room['roomId']}", headers=headers)
    assert fetched.status_code == 200
    assert fetched.json() | {"status": "open"} == room | {"status": "open"}  # see test_rooms_api


async def test_meet_errors_keep_meet_format_while_host_errors_keep_the_hosts(host: Host) -> None:
    headers = {"X-API-KEY": api_key(host)}
    # meet-embed's 404s, although the host has a 404 handler of its own
    assert_error(await host.client.get(f"{ROOMS}/no_such_room", headers=headers), 404, "Room Error")
    assert_error(await host.client.get("/meet/api/v1/no/such/endpoint", headers=headers), 404)
    # 401 and 422
    assert_error(await host.client.get(ROOMS), 401, "Authentication Error")
    assert_422(await host.client.get(f"{ROOMS}?maxItems=0", headers=headers), "maxItems")
    assert_422(await host.client.post(ROOMS, json={"roomName": 5}, headers=headers), "roomName")
    # ...and the host's formats on the host's paths
    assert (await host.client.get("/no/such/host/path")).text == "host says: no such page"
    assert (await host.client.get("/boom")).json() == {"hostError": "the host's own failure"}


async def test_host_400_handler_does_not_take_over_meet_validation_errors(
    tmp_path: Path, config: MeetEmbedConfig
) -> None:
    app = Litestar(
        route_handlers=[page],
        exception_handlers={400: host_bad_request_handler},
        plugins=[MeetEmbedPlugin(config)],
    )
    async with AsyncTestClient(app, base_url="http://testserver.local") as client:
        key = config.api_keys[0]
        headers = {"X-API-KEY": key if isinstance(key, str) else key.key}
        assert_422(await client.post(ROOMS, json={"roomName": 5}, headers=headers), "roomName")


async def test_openapi_schema_of_the_host_lists_host_and_meet_paths(host: Host) -> None:
    response = await host.client.get("/schema/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    paths = schema["paths"]
    assert "/notes" in paths
    assert "/pages/{slug}" in paths
    assert "/meet/api/v1/rooms" in paths
    assert "/meet/api/v1/rooms/{room_id}" in paths
    assert "/meet/api/v1/rooms/{room_id}/token" in paths
    tag_names = {t["name"] for t in schema.get("tags", [])}
    assert {"Rooms", "Auth"} <= tag_names
    assert "Rooms" in paths["/meet/api/v1/rooms"]["post"]["tags"]
    assert "apiKey" in schema["components"]["securitySchemes"]


async def test_plugin_does_not_leak_into_other_apps_openapi(tmp_path: Path, config: MeetEmbedConfig) -> None:
    Litestar(route_handlers=[page], plugins=[MeetEmbedPlugin(config)])
    plain = Litestar(route_handlers=[page])
    async with AsyncTestClient(plain) as client:
        schema = (await client.get("/schema/openapi.json")).json()
    assert "Rooms" not in {t["name"] for t in schema.get("tags", [])}
    assert "apiKey" not in schema.get("components", {}).get("securitySchemes", {})


@pytest.fixture
def custom_path_config(config_factory: Callable[..., MeetEmbedConfig]) -> MeetEmbedConfig:
    # built outside the test's event loop: with --meet-db=postgres the factory makes a schema with asyncio.run
    return config_factory(path="/recordings-api")


async def test_custom_path_prefix(tmp_path: Path, custom_path_config: MeetEmbedConfig) -> None:
    config = custom_path_config
    app, _, _ = build_host(tmp_path, config)
    async with AsyncTestClient(app, base_url="http://testserver.local") as client:
        headers = {"X-API-KEY": api_key_of(config)}
        created = await client.post(
            "/recordings-api/api/v1/rooms", json={"roomName": "Custom"}, headers=headers
        )
        assert created.status_code == 201, created.text
        room = created.json()
        assert created.headers["location"] == (
            f"http://testserver.local/recordings-api/api/v1/rooms/{room['roomId']}"
        )
        assert room["moderatorUrl"].startswith(
            f"http://testserver.local/recordings-api/room/{room['roomId']}?secret="
        )
        listed = await client.get("/recordings-api/api/v1/rooms", headers=headers)
        assert [r["roomId"] for r in listed.json()["rooms"]] == [room["roomId"]]
        # nothing under the default prefix; the host's 404 answers there
        default = await client.get("/meet/api/v1/rooms", headers=headers)
        assert default.status_code == 404
        assert default.text == "host says: no such page"
        assert (await client.get("/")).status_code == 200
        schema = (await client.get("/schema/openapi.json")).json()
        assert "/recordings-api/api/v1/rooms" in schema["paths"]


def api_key_of(config: MeetEmbedConfig) -> str:
    key = config.api_keys[0]
    return key if isinstance(key, str) else key.key


# -- the standalone app ----------------------------------------------------------------------------------


async def test_create_app_is_a_standalone_asgi_app_with_docs(config: MeetEmbedConfig) -> None:
    app = create_app(config)
    async with AsyncTestClient(app, base_url="http://testserver.local") as client:
        headers = {"X-API-KEY": api_key_of(config)}
        created = await client.post(ROOMS, json={"roomName": "Standalone"}, headers=headers)
        assert created.status_code == 201
        assert (await client.get(ROOMS, headers=headers)).json()["rooms"][0]["roomName"] == "Standalone"

        docs = await client.get("/meet/docs/openapi.json")
        assert docs.status_code == 200
        schema = docs.json()
        assert schema["info"]["title"] == "meet-embed"
        assert "/meet/api/v1/rooms" in schema["paths"]
        assert {"Rooms", "Auth"} <= {t["name"] for t in schema["tags"]}
        assert "apiKey" in schema["components"]["securitySchemes"]

        page = await client.get("/meet/docs")
        assert page.status_code == 200
        assert page.headers["content-type"].startswith("text/html")
        # the standalone app answers its own 404s in its own format
        assert (await client.get("/meet/api/v1/nothing-here", headers=headers)).status_code == 404


@pytest.fixture
def two_configs(
    config_factory: Callable[..., MeetEmbedConfig], tmp_path: Path
) -> tuple[MeetEmbedConfig, MeetEmbedConfig]:
    # Both on the default path: their metrics are told apart only by the names given here.
    tag = uuid.uuid4().hex[:6]
    return (
        config_factory(data_dir=tmp_path / "one", metrics_app_name=f"first-{tag}"),
        config_factory(
            data_dir=tmp_path / "two",
            secret_key="another-secret-key-0123456789",
            metrics_app_name=f"second-{tag}",
        ),
    )


async def test_two_apps_in_one_process_share_nothing(
    two_configs: tuple[MeetEmbedConfig, MeetEmbedConfig], media_files: dict[str, Path]
) -> None:
    first = create_app(two_configs[0])
    second = create_app(two_configs[1])
    first_name, second_name = (c.resolved_metrics_app_name for c in two_configs)
    async with (
        AsyncTestClient(first, base_url="http://testserver.local") as a,
        AsyncTestClient(second, base_url="http://testserver.local") as b,
    ):
        key = {"X-API-KEY": api_key_of(first.plugins.get(MeetEmbedPlugin).config)}
        room = (await a.post(ROOMS, json={"roomName": "Only in one"}, headers=key)).json()
        assert (await a.get(f"{ROOMS}/{room['roomId']}", headers=key)).status_code == 200
        assert_error(await b.get(f"{ROOMS}/{room['roomId']}", headers=key), 404, "Room Error")
        assert first.state["meet_embed"] is not second.state["meet_embed"]

        recording = await import_recording(a, room["roomId"], media_files["mp4_2s_small"])
        played = await a.get(f"{RECORDINGS}/{recording.recording_id}/media", headers=key)
        assert played.status_code == 200
        # prometheus_client has one registry per process (Litestar's middleware keeps its metrics there
        # too), so either app's /metrics shows both apps' series, each under its own app_name.
        for client in (a, b):
            as_first = await scrape(client, app_name=first_name)
            as_second = await scrape(client, app_name=second_name)
            assert as_first.value("meet_embed_media_bytes_sent_total", kind="play") == len(played.content)
            assert as_second.value("meet_embed_media_bytes_sent_total", kind="play") == 0
            assert as_first.total("meet_embed_requests_total", path="/meet/api/v1/rooms", method="POST") == 1
            assert as_first.total("meet_embed_requests_total", path="/meet/api/v1/rooms/{room_id}") == 1
            # The second app answered one request about that room (the 404) and none of the others.
            assert as_second.total("meet_embed_requests_total", path="/meet/api/v1/rooms", method="POST") == 0
            assert as_second.total("meet_embed_requests_total", path="/meet/api/v1/rooms/{room_id}") == 1
            assert as_second.total("meet_embed_requests_total", path=MEDIA_ROUTE) == 0
            assert as_first.total("meet_embed_requests_total", path=MEDIA_ROUTE) == 1


async def test_runtime_is_released_when_the_app_stops(config: MeetEmbedConfig) -> None:
    app = create_app(config)
    async with AsyncTestClient(app) as _:
        assert "meet_embed" in app.state
    assert "meet_embed" not in app.state
