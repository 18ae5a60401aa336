"""The example host apps (examples/), each started for real with its documented command on loopback, driven
over HTTP: the host's own login, its page with ``<meet-recordings>`` and a token of the right role, the
meet-embed API under ``/meet`` for that token (list, ranged media, SSE, share, ZIP), the administrator
hook, and the iframe page. Plus the static page's CORS and framing, and links under a host's mount point.

The frameworks come from ``examples/requirements.txt``; an example whose framework is missing is skipped
(under ``CI=true`` it fails instead).
"""

from __future__ import annotations

import base64
import contextlib
import html
import io
import json
import re
import time
import zipfile
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from examples.harness import RunningExample
from tests.backends import needs_modules

# name, extra arguments, modules it needs
EXAMPLES: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "litestar": ("litestar_app", (), ()),
    "fastapi": ("fastapi_app", (), ("fastapi", "python_multipart")),
    "django": ("django_app", (), ("django",)),
    "flask": ("flask_app", (), ("flask", "a2wsgi")),
    "flask-waitress": ("flask_app", ("--server", "waitress"), ("flask", "a2wsgi", "waitress")),
}
USERS = {"ada": ("ada-password", "moderator"), "bob": ("bob-password", "speaker")}
API = "/meet/api/v1"


def needs(*modules: str) -> None:
    needs_modules(*modules, install="pip install -r examples/requirements.txt")


def claims_of(token: str) -> dict[str, Any]:
    payload = token.split(".")[1]
    decoded: dict[str, Any] = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    return decoded


@dataclass
class Host:
    running: RunningExample

    @property
    def base_url(self) -> str:
        return self.running.base_url

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.base_url, timeout=15)

    @contextlib.contextmanager
    def login(self, username: str, *, next_page: str = "/") -> Iterator[httpx.Client]:
        """A client signed in through the host's own login form."""
        with self.client() as client:
            response = self.post_login(client, username, USERS[username][0], next_page)
            assert response.status_code == 303, response.text
            assert response.headers["location"].endswith(next_page)
            yield client

    def post_login(
        self, client: httpx.Client, username: str, password: str, next_page: str = "/"
    ) -> httpx.Response:
        form = {"username": username, "password": password, "next": next_page}
        page = client.get("/login")
        assert page.status_code == 200
        csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)  # Django's
        if csrf:
            form["csrfmiddlewaretoken"] = csrf.group(1)
        return client.post("/login", data=form)

    def component_page(self, client: httpx.Client) -> tuple[str, str, str]:
        """``/recordings`` of a signed-in client: (page, room id, token)."""
        page = client.get("/recordings")
        assert page.status_code == 200, page.text
        tag = re.search(r"<meet-recordings ([^>]*)>", page.text)
        assert tag is not None, page.text
        attributes = dict(re.findall(r'([\w-]+)="([^"]*)"', tag.group(1)))
        return page.text, attributes["room-id"], attributes["token"]

    def token_of(self, username: str) -> tuple[str, str]:
        with self.login(username) as client:
            _, room_id, token = self.component_page(client)
        return room_id, token


@pytest.fixture(scope="module", params=list(EXAMPLES))
def host(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Host]:
    module, extra, modules = EXAMPLES[request.param]
    needs(*modules)
    running = RunningExample(module, tmp_path_factory.mktemp(request.param) / "data", *extra)
    with running:
        yield Host(running)
    # A graceful stop: Ctrl-C ends the server and meet-embed's lifespan without a traceback.
    assert running.process is not None
    assert running.process.returncode in (0, -2, 130), running.log()[-3000:]
    assert "Traceback" not in running.log(), running.log()[-3000:]


def member(token: str) -> dict[str, str]:
    return {"X-Room-Member-Token": token}


# -- the host's own login -----------------------------------------------------------------------------------


@pytest.mark.slow
def test_pages_need_the_hosts_login(host: Host) -> None:
    with host.client() as client:
        for page in ("/recordings", "/meeting"):
            answer = client.get(page)
            assert answer.status_code == 303
            assert answer.headers["location"] == f"/login?next=%2F{page[1:]}"
        assert client.get("/").status_code == 200


@pytest.mark.slow
def test_wrong_password_is_refused(host: Host) -> None:
    with host.client() as client:
        answer = host.post_login(client, "ada", "not-the-password")
        assert answer.status_code == 401
        assert "Wrong user name or password." in answer.text
        assert client.get("/recordings").status_code == 303
        assert client.get(f"{API}/me").status_code == 401


@pytest.mark.slow
@pytest.mark.parametrize("username", list(USERS))
def test_component_page_carries_a_token_of_the_users_role(host: Host, username: str) -> None:
    with host.login(username, next_page="/recordings") as client:
        page, room_id, token = host.component_page(client)
        assert '<script type="module" src="/meet/static/meet-embed.js"></script>' in page
        claims = claims_of(token)
        assert claims["role"] == USERS[username][1]
        assert claims["roomId"] == room_id
        assert claims["sub"] == username
        module = client.get("/meet/static/meet-embed.js")
        assert module.status_code == 200
        assert module.headers["content-type"].startswith("text/javascript")
        assert "customElements.define" in module.text
        # meet-embed answers that token under /meet: its room, its role.
        me = client.get(f"{API}/me", headers=member(token))
        assert me.status_code == 200
        assert me.json()["principal"] == {
            "kind": "member",
            "name": username,
            "displayName": {"ada": "Ada Lovelace", "bob": "Bob Martin"}[username],
            "roomId": room_id,
            "role": USERS[username][1],
        }


# -- the meet-embed API under /meet, with the host's token ---------------------------------------------------


@pytest.mark.slow
def test_list_and_ranged_media_with_the_hosts_token(host: Host) -> None:
    room_id, token = host.token_of("bob")
    with host.client() as client:
        listing = client.get(f"{API}/recordings", headers=member(token))
        assert listing.status_code == 200, listing.text
        seeded = [r for r in listing.json()["recordings"] if r["status"] == "complete"]
        assert len(seeded) == 1
        recording = seeded[0]
        assert recording["roomId"] == room_id
        media = f"{API}/recordings/{recording['recordingId']}/media"
        whole = client.get(media, headers=member(token))
        assert whole.status_code == 200
        assert whole.headers["content-type"] == "video/mp4"
        assert len(whole.content) == recording["size"]
        assert whole.content[4:8] == b"ftyp"

        part = client.get(media, headers={**member(token), "Range": "bytes=1000-5095"})
        assert part.status_code == 206
        assert part.headers["content-range"] == f"bytes 1000-5095/{recording['size']}"
        assert part.content == whole.content[1000:5096]
        tail = client.get(media, headers={**member(token), "Range": "bytes=-100"})
        assert tail.status_code == 206
        assert tail.content == whole.content[-100:]

        # What <video> plays: a signed link, built on the host's origin and mount point.
        link = client.get(f"{API}/recordings/{recording['recordingId']}/media-url", headers=member(token))
        assert link.status_code == 200
        url = link.json()["url"]
        assert url.startswith(f"{host.base_url}/meet/api/v1/recordings/")
        played = httpx.get(url, headers={"Range": "bytes=0-1023"})
        assert played.status_code == 206
        assert played.content == whole.content[:1024]


@pytest.mark.slow
def test_the_admin_session_is_a_meet_embed_administrator(host: Host) -> None:
    with host.login("ada") as client:
        me = client.get(f"{API}/me")
        assert me.status_code == 200
        assert me.json()["principal"] == {"kind": "admin", "name": "ada"}
        # Every room's recordings, without any token: the hook read the host's session.
        everything = client.get(f"{API}/recordings")
        assert everything.status_code == 200
        assert len(everything.json()["recordings"]) >= 1
        console = client.get("/meet/console")
        assert console.status_code == 200
        assert '<meet-recordings mode="console"' in console.text
        assert "Signed in as <strong>ada</strong>" in console.text
        assert re.search(r'src="/meet/static/meet-embed\.js\?v=\w+"', console.text)


@pytest.mark.slow
def test_a_normal_user_is_not_an_administrator(host: Host) -> None:
    with host.login("bob") as client:
        assert client.get("/recordings").status_code == 200  # signed in to the host
        assert client.get(f"{API}/me").status_code == 401
        assert client.get(f"{API}/recordings").status_code == 401
        console = client.get("/meet/console")
        assert console.status_code == 403
        assert "Administrators only" in console.text
    with host.client() as anonymous:
        assert anonymous.get("/meet/console").status_code == 403


@pytest.mark.slow
def test_signing_out_of_the_host_ends_meet_embed_administration(host: Host) -> None:
    with host.login("ada") as client:
        assert client.get(f"{API}/me").status_code == 200
        form = {}
        csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', client.get("/").text)
        if csrf:
            form["csrfmiddlewaretoken"] = csrf.group(1)
        assert client.post("/logout", data=form).status_code == 303
        assert client.get(f"{API}/me").status_code == 401
        assert client.get("/meet/console").status_code == 403


@pytest.mark.slow
@pytest.mark.parametrize(("username", "role_name"), [("ada", "Moderator"), ("bob", "Speaker")])
def test_iframe_page(host: Host, username: str, role_name: str) -> None:
    with host.login(username) as client:
        page = client.get("/meeting")
        assert page.status_code == 200
        src = re.search(r'<iframe src="([^"]+)"', page.text)
        assert src is not None
        src_url = html.unescape(src.group(1))
        assert re.fullmatch(r"/meet/room/[\w-]+\?secret=[\w-]+", src_url), src_url
    # The framed page works on its own (no host session needed: the secret is the credential).
    with host.client() as client:
        framed = client.get(src_url)
        assert framed.status_code == 200
        assert f'<span class="chip {role_name.lower()}">{role_name}</span>' in framed.text
        assert re.search(r'src="/meet/static/meet-embed\.js\?v=\w+"', framed.text)
        assert "frame-ancestors 'self'" in framed.headers["content-security-policy"]


@pytest.mark.slow
def test_event_stream_through_the_host(host: Host) -> None:
    """The first ``state`` event, then live events as the moderator starts a recording."""
    room_id, token = host.token_of("ada")
    events = f"{host.base_url}{API}/rooms/{room_id}/recording/events"
    timeout = httpx.Timeout(10, read=10)
    with (
        httpx.Client(timeout=timeout) as client,
        client.stream("GET", events, headers=member(token)) as stream,
    ):
        assert stream.status_code == 200
        assert stream.headers["content-type"].startswith("text/event-stream")
        lines = stream.iter_lines()
        assert next_event(lines) == ("state", {"roomId": room_id, "recording": None})
        started = client.post(
            f"{host.base_url}{API}/recordings", json={"roomId": room_id}, headers=member(token)
        )
        assert started.status_code == 201, started.text
        recording_id = started.json()["recordingId"]
        name, data = next_event(lines)
        assert name == "recordingStarting"
        assert data["recording"]["recordingId"] == recording_id
        # No media ever comes: stopping it ends it as failed, which the stream tells too.
        client.post(f"{host.base_url}{API}/recordings/{recording_id}/stop", headers=member(token))
        name, data = next_event(lines)
        assert name in ("recordingStopping", "recordingFailed", "recordingStopped")
    # Leave the room as it was for the other tests.
    deadline = time.monotonic() + 20
    with host.client() as client:
        while True:
            status = client.get(f"{API}/recordings/{recording_id}", headers=member(token)).json()["status"]
            if status in ("failed", "aborted", "complete") or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        assert client.delete(f"{API}/recordings/{recording_id}", headers=member(token)).status_code == 200


def next_event(lines: Iterator[str]) -> tuple[str, Any]:
    name, data = "message", list[str]()
    for line in lines:
        if line == "":
            if data:
                return name, json.loads("\n".join(data))
            name = "message"
        elif line.startswith("event:"):
            name = line[6:].strip()
        elif line.startswith("data:"):
            data.append(line[5:].strip())
    raise AssertionError("the event stream ended")


@pytest.mark.slow
def test_share_link_and_zip(host: Host) -> None:
    _, token = host.token_of("ada")
    with host.client() as client:
        recording = client.get(f"{API}/recordings", headers=member(token)).json()["recordings"][0]
        rid = recording["recordingId"]
        share = client.get(f"{API}/recordings/{rid}/url", headers=member(token))
        assert share.status_code == 200
        url = share.json()["url"]
        assert url.startswith(f"{host.base_url}/meet/recording/{rid}?secret=")
        shared = httpx.get(url)
        assert shared.status_code == 200
        assert "<meet-recording-player" in shared.text

        link = client.get(
            f"{API}/recordings/download-url", params={"recordingIds": rid}, headers=member(token)
        )
        assert link.status_code == 200
        archive = httpx.get(link.json()["url"], timeout=30)
        assert archive.status_code == 200
        assert archive.headers["content-type"] == "application/zip"
        with zipfile.ZipFile(io.BytesIO(archive.content)) as zf:
            (entry,) = zf.infolist()
            assert entry.file_size == recording["size"]
            assert zf.testzip() is None
    # A speaker may not share (docs/decisions.md).
    _, speaker = host.token_of("bob")
    assert httpx.get(f"{host.base_url}{API}/recordings/{rid}/url", headers=member(speaker)).status_code == 403


# -- Flask: what the bridge adds to a2wsgi -------------------------------------------------------------------


@pytest.mark.slow
def test_flask_bridge_ends_closed_event_streams(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A WSGI server notices a gone client only when it writes (meet-embed's keep-alive, made 0.2 s here);
    the stream's ASGI task must then end. Plain a2wsgi 1.10 leaves it (and its subscription) forever."""
    needs("flask", "a2wsgi")
    import asyncio
    import gc
    import threading

    from werkzeug.serving import make_server

    from examples.flask_app.app import create_host_app

    monkeypatch.setattr("meet_embed.events.routes.HEARTBEAT_SECONDS", 0.2)
    app = create_host_app(tmp_path)
    bridge = app.extensions["meet_embed"]
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    async def stream_tasks() -> int:
        gc.collect()  # what is left of a cancelled generator goes with the next collection
        await asyncio.sleep(0.05)
        names = [t.get_coro().__qualname__ for t in asyncio.all_tasks()]  # type: ignore[union-attr]
        return sum(name in ("Litestar.__call__", "_events.<locals>.pump") for name in names)

    def count() -> int:
        return asyncio.run_coroutine_threadsafe(stream_tasks(), bridge.loop).result(10)

    try:
        base = f"http://127.0.0.1:{server.server_port}"
        with httpx.Client(base_url=base) as client:
            client.post("/login", data={"username": "bob", "password": "bob-password"})
            page = client.get("/recordings").text
        token = re.search(r'token="([^"]+)"', page).group(1)  # type: ignore[union-attr]
        room_id = re.search(r'room-id="([^"]+)"', page).group(1)  # type: ignore[union-attr]
        assert count() == 0
        for _ in range(3):
            url = f"{base}{API}/rooms/{room_id}/recording/events"
            with httpx.stream("GET", url, headers=member(token), timeout=10) as stream:
                assert next_event(stream.iter_lines())[0] == "state"
                assert stream.headers.get("connection") != "keep-alive"  # hop-by-hop: dropped
        deadline = time.monotonic() + 10
        while (left := count()) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert left == 0
    finally:
        server.shutdown()
        bridge.close()


# -- the static page on another origin -----------------------------------------------------------------------


@pytest.fixture(scope="module", params=["allowed", "refused"])
def static_site(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RunningExample]:
    extra = ("--no-cors",) if request.param == "refused" else ()
    with RunningExample(
        "static_html", tmp_path_factory.mktemp(f"static-{request.param}") / "data", *extra
    ) as ex:
        yield ex


@pytest.mark.slow
def test_static_page_cors_and_framing(static_site: RunningExample) -> None:
    allowed = "--no-cors" not in static_site.args
    origin = static_site.page_url
    page = httpx.get(origin + "/")
    assert page.status_code == 200
    assert "<meet-recordings" in page.text
    printed = re.search(r"speaker: (\S+)", static_site.log())
    assert printed is not None, static_site.log()
    fragment = dict(pair.split("=", 1) for pair in urlsplit(printed.group(1)).fragment.split("&"))
    room_id, token, secret = fragment["room"], fragment["token"], fragment["secret"]

    module = httpx.get(static_site.url("/meet/static/meet-embed.js"), headers={"Origin": origin})
    assert module.status_code == 200
    preflight = httpx.options(
        static_site.url(f"{API}/recordings"),
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "x-room-member-token",
        },
    )
    listing = httpx.get(static_site.url(f"{API}/recordings"), headers={"Origin": origin, **member(token)})
    assert listing.status_code == 200
    room_page = httpx.get(static_site.url(f"/meet/room/{room_id}"), params={"secret": secret})
    assert room_page.status_code == 200
    csp = room_page.headers["content-security-policy"]
    if allowed:
        assert module.headers["access-control-allow-origin"] == origin
        assert preflight.status_code in (200, 204)
        assert preflight.headers["access-control-allow-origin"] == origin
        assert "x-room-member-token" in preflight.headers["access-control-allow-headers"].lower()
        assert listing.headers["access-control-allow-origin"] == origin
        assert "content-range" in listing.headers["access-control-expose-headers"].lower()
        assert f"frame-ancestors 'self' {origin}" in csp
    else:
        assert "access-control-allow-origin" not in module.headers
        assert "access-control-allow-origin" not in preflight.headers
        assert "access-control-allow-origin" not in listing.headers
        assert "frame-ancestors 'self';" in csp + ";"


# -- what meet_embed needs to mount cleanly under a prefix --------------------------------------------------


@contextlib.asynccontextmanager
async def mounted_at_meet(
    tmp_path: Path, root_path: str = "", **config: Any
) -> AsyncIterator[httpx.AsyncClient]:
    """meet-embed's app mounted at /meet (``path=""``) in a Starlette app, as the FastAPI example does,
    with that app served under ``root_path`` (as ``uvicorn --root-path /app`` behind a proxy does)."""
    from starlette.applications import Starlette
    from starlette.routing import Mount

    from meet_embed import MeetEmbedConfig, create_app

    meet = create_app(MeetEmbedConfig(path="", data_dir=tmp_path / "meet", **config))
    outer = Starlette(routes=[Mount("/meet", app=meet)])  # type: ignore[arg-type]  # any ASGI app
    transport = httpx.ASGITransport(app=outer, root_path=root_path)
    async with meet.lifespan(), httpx.AsyncClient(transport=transport, base_url="http://host.test") as client:
        yield client


async def _mounted_room_page(tmp_path: Path, root_path: str) -> tuple[str, str]:
    key = "mounted-key-0123456789"
    async with mounted_at_meet(tmp_path, root_path, api_keys=[key]) as client:
        created = await client.post(
            f"{root_path}/meet/api/v1/rooms", json={"roomName": "Mounted"}, headers={"X-API-KEY": key}
        )
        assert created.status_code == 201, created.text
        moderator_url = created.json()["moderatorUrl"]
        # Requested where the page really is, whatever the link says.
        room_and_query = moderator_url.split("/room/", 1)[1]
        page = await client.get(f"{root_path}/meet/room/{room_and_query}")
        assert page.status_code == 200, page.text
    return moderator_url, page.text


async def test_links_keep_the_mount_point_behind_a_root_path(tmp_path: Path) -> None:
    moderator_url, page = await _mounted_room_page(tmp_path, "/app")
    assert moderator_url.startswith("http://host.test/app/meet/room/"), moderator_url
    assert 'src="/app/meet/static/meet-embed.js' in page


async def test_links_keep_the_mount_point_without_a_root_path(tmp_path: Path) -> None:
    """The same mount with the host at the root of its origin works (what the examples do)."""
    moderator_url, page = await _mounted_room_page(tmp_path, "")
    assert moderator_url.startswith("http://host.test/meet/room/"), moderator_url
    assert 'src="/meet/static/meet-embed.js' in page


async def test_builtin_login_under_a_mount(tmp_path: Path) -> None:
    async with mounted_at_meet(tmp_path, admin_password="mounted-admin-pw") as client:
        console = await client.get("/meet/console")
        login = await client.get(console.headers["location"])
        signed_in = await client.post(
            "/meet/login", data={"username": "admin", "password": "mounted-admin-pw", "next": "/meet/console"}
        )
    assert console.status_code == 303
    assert console.headers["location"].startswith("/meet/login?next=")
    assert login.status_code == 200
    assert 'action="/meet/login"' in login.text
    assert 'href="/meet/static/pages.css' in login.text
    assert signed_in.status_code == 303
    assert signed_in.headers["location"] == "/meet/console"
    assert "Path=/meet" in signed_in.headers["set-cookie"]
