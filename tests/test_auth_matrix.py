"""The authorization matrix: every endpoint, every principal and every ``allowAccessTo``, exact status codes.

One app (one config: HS256 + RS256 with a public key, a required issuer and audience, host hooks for
administrators and logged-in users) is built once for the module; each of the three access settings gets
its own rooms A and B and recordings R, R_other (both of A) and R2 (of B). Endpoints that change state
(delete, bulk delete, rotate, room config, room delete) work on a fresh recording or room when the call is
expected to succeed, and on a standing "victim" when it is expected to be refused (the victim must come out
unchanged), so every case sees the same world.

Direct database work (importing recordings, expiring a share link) runs on the app's own event loop: the
test client runs the app in a portal thread, and asyncpg connections belong to their loop.

The expected status of a case is computed from the rules of the specification (``expected`` below); each
allowed call also checks something a user would notice (the bytes of a range, the recording in the list,
that a deleted recording is gone, that a refused delete left it there…).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import io
import json
import time
import zipfile
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import parse_qs, urlsplit

import anyio
import httpx
import jwt
import pytest
import pytest_asyncio
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import update

from meet_embed import MeetEmbedConfig, create_app
from meet_embed.auth.access import MediaGrant
from meet_embed.recordings.ingest import import_file
from meet_embed.recordings.models import RecordingSecretModel
from meet_embed.runtime import MeetRuntime
from tests.backends import BackendSelection
from tests.conftest import API_KEY, OTHER_API_KEY, SECRET_KEY

pytestmark = pytest.mark.asyncio(loop_scope="module")

API = "/meet/api/v1"
ACCESS = ("admin", "admin_moderator", "admin_moderator_speaker")
JWT_SECRET = "auth-matrix-jwt-secret-0123456789abcdef"
FOREIGN_JWT_SECRET = "somebody-elses-jwt-secret-0123456789abcdef"
ISSUER = "https://idp.matrix.test"
AUDIENCE = "meet-embed-matrix"
WRONG_API_KEY = "wrong-api-key-0123456789"
RANGE = (1000, 1999)


# -- the world ---------------------------------------------------------------------------------------


@dataclass
class AccessWorld:
    """Rooms, recordings, secrets and links for one ``allowAccessTo`` value."""

    access: str
    room_a: str
    room_b: str
    room_a_name: str
    moderator_secret_a: str
    speaker_secret_a: str
    moderator_secret_b: str
    rec: str
    rec_other: str
    rec_b: str
    public_secret: str
    private_secret: str
    rotated_secret: str
    expired_secret: str
    media_link: str
    media_link_other: str
    media_link_expired: str
    media_link_tampered: str
    victim_rec: str = ""
    """A recording of A that the calls expected to be refused try to delete or rotate."""
    victim_secret: str = ""
    victim_room: str = ""
    """A room (with one recording, ``victim_room_rec``) that refused calls try to reconfigure or delete."""
    victim_room_rec: str = ""


@dataclass
class World:
    app: Litestar
    client: AsyncTestClient[Litestar]
    runtime: MeetRuntime
    media_path: Path
    media: bytes
    rsa_private_pem: bytes
    rsa_public_pem: bytes
    by_access: dict[str, AccessWorld] = field(default_factory=dict)


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def rsa_key_pair() -> tuple[bytes, bytes]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    public = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return private, public


def secret_of(url: str) -> str:
    return parse_qs(urlsplit(url).query)["secret"][0]


def media_token_of(url: str) -> str:
    return parse_qs(urlsplit(url).query)["mediaToken"][0]


def api_path(url: str) -> str:
    """``http://testserver.local/meet/api/v1/x?y`` → ``/meet/api/v1/x?y`` (for the test client)."""
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


ADMIN_HEADERS = {"X-API-KEY": API_KEY}

T = TypeVar("T")


async def on_app_loop(world: World, fn: Callable[..., Awaitable[T]], *args: Any) -> T:
    """Run ``fn`` on the app's event loop: the test client runs the app in a portal on another thread,
    and the database engine's connections (asyncpg's at least) belong to that loop."""
    portal = world.client.blocking_portal
    return await anyio.to_thread.run_sync(lambda: portal.call(fn, *args))


async def new_recording(world: World, room: str) -> str:
    """A complete recording of ``room`` (a real MP4 with its poster), through the importer."""
    row = await on_app_loop(world, import_file, world.runtime, room, world.media_path)
    return row.recording_id


async def expire_secret(world: World, secret: str) -> None:
    async def run() -> None:
        async with world.runtime.db.sessionmaker() as session:
            await session.execute(
                update(RecordingSecretModel)
                .where(RecordingSecretModel.secret == secret)
                .values(expires_at=int(time.time() * 1000) - 60_000)
            )
            await session.commit()

    await on_app_loop(world, run)


async def create_room(client: AsyncTestClient[Litestar], name: str, access: str) -> dict[str, Any]:
    response = await client.post(
        f"{API}/rooms",
        json={"roomName": name, "config": {"recording": {"allowAccessTo": access}}},
        headers=ADMIN_HEADERS,
    )
    assert response.status_code == 201, response.text
    room: dict[str, Any] = response.json()
    assert room["config"]["recording"]["allowAccessTo"] == access
    return room


async def share_secret(client: AsyncTestClient[Litestar], rec: str, **params: str) -> str:
    response = await client.get(f"{API}/recordings/{rec}/url", params=params, headers=ADMIN_HEADERS)
    assert response.status_code == 200, response.text
    return secret_of(response.json()["url"])


async def media_link(client: AsyncTestClient[Litestar], rec: str, headers: dict[str, str]) -> str:
    response = await client.get(f"{API}/recordings/{rec}/media-url", headers=headers)
    assert response.status_code == 200, response.text
    return media_token_of(response.json()["url"])


def tamper(token: str) -> str:
    """The same signed media link with its payload edited (a later expiry) and the old MAC kept."""
    body, mac = token.split(".")
    payload = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    payload[1] += 86_400
    return f"{b64url(json.dumps(payload, separators=(',', ':')).encode())}.{mac}"


async def build_access_world(world: World, access: str) -> AccessWorld:
    client, runtime = world.client, world.runtime
    name = f"matrix-A ({access})"
    room_a = await create_room(client, name, access)
    room_b = await create_room(client, f"matrix-B-{access}", access)
    a, b = room_a["roomId"], room_b["roomId"]
    rec = await new_recording(world, a)
    rec_other = await new_recording(world, a)
    rec_b = await new_recording(world, b)

    rotated = await share_secret(client, rec)
    response = await client.post(f"{API}/recordings/{rec}/secrets/rotate", headers=ADMIN_HEADERS)
    assert response.status_code == 200, response.text
    public = await share_secret(client, rec)
    assert public == secret_of(response.json()["publicUrl"])
    assert public != rotated
    private = await share_secret(client, rec, privateAccess="true")
    expired = await share_secret(client, rec, expiresIn="60")
    await expire_secret(world, expired)

    link = await media_link(client, rec, ADMIN_HEADERS)
    expired_link = MediaGrant(
        target=rec, expires=int(time.time()) - 60, kind="api_key", name="host", room_id=None, role=None
    ).dumps(runtime)
    aw = AccessWorld(
        access=access,
        room_a=a,
        room_b=b,
        room_a_name=name,
        moderator_secret_a=secret_of(room_a["moderatorUrl"]),
        speaker_secret_a=secret_of(room_a["speakerUrl"]),
        moderator_secret_b=secret_of(room_b["moderatorUrl"]),
        rec=rec,
        rec_other=rec_other,
        rec_b=rec_b,
        public_secret=public,
        private_secret=private,
        rotated_secret=rotated,
        expired_secret=expired,
        media_link=link,
        media_link_other=await media_link(client, rec_other, ADMIN_HEADERS),
        media_link_expired=expired_link,
        media_link_tampered=tamper(link),
    )
    await make_victims(world, aw)
    return aw


async def make_victims(world: World, aw: AccessWorld) -> None:
    """(Re)make the victims: also after a failed case destroyed one, so later cases still mean something."""
    if not aw.victim_rec or not await exists(world, aw.victim_rec):
        aw.victim_rec = await new_recording(world, aw.room_a)
        aw.victim_secret = await share_secret(world.client, aw.victim_rec)
    if not aw.victim_room or await room_access(world, aw.victim_room) is None:
        aw.victim_room = (await create_room(world.client, f"matrix-victim-{aw.access}", aw.access))["roomId"]
        aw.victim_room_rec = await new_recording(world, aw.victim_room)
    elif await room_access(world, aw.victim_room) != aw.access:
        response = await world.client.put(
            f"{API}/rooms/{aw.victim_room}/config",
            json={"config": {"recording": {"allowAccessTo": aw.access}}},
            headers=ADMIN_HEADERS,
        )
        assert response.status_code == 200, response.text


@dataclass
class MatrixConfig:
    config: MeetEmbedConfig
    media_path: Path
    rsa_private_pem: bytes
    rsa_public_pem: bytes


@pytest.fixture(scope="module")
def matrix_config(
    backends: BackendSelection, tmp_path_factory: pytest.TempPathFactory, media_files: dict[str, Path]
) -> Iterator[MatrixConfig]:
    """What ``config_factory`` does, at module scope (the world is built once for ~2000 cases). A plain
    fixture: the PostgreSQL backend makes its schema with ``asyncio.run``, outside any event loop."""
    tmp = tmp_path_factory.mktemp("auth-matrix")
    media_path = tmp / "r.mp4"
    media_path.write_bytes(media_files["mp4_3s"].read_bytes())
    private_pem, public_pem = rsa_key_pair()
    try:
        config = MeetEmbedConfig(
            data_dir=tmp / "data",
            api_keys=[f"host={API_KEY}", f"ops={OTHER_API_KEY}"],
            secret_key=SECRET_KEY,
            jwt_secret=JWT_SECRET,
            jwt_algorithms=["HS256", "RS256"],
            jwt_public_keys=[public_pem.decode()],
            jwt_issuer=ISSUER,
            jwt_audience=AUDIENCE,
            is_admin=lambda conn: conn.headers.get("x-test-admin") == "yes",
            is_user=lambda conn: conn.headers.get("x-test-user") == "yes",
            # Thousands of requests from one client address: the rate limits are not what is tested here.
            rate_limit_tokens=1_000_000,
            rate_limit_secrets=1_000_000,
            **backends.config_values(tmp),
        )
        yield MatrixConfig(config, media_path, private_pem, public_pem)
    finally:
        backends.cleanup()


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def world(matrix_config: MatrixConfig) -> AsyncIterator[World]:
    app = create_app(matrix_config.config)
    async with AsyncTestClient(app, base_url="http://testserver.local") as client:
        w = World(
            app=app,
            client=client,
            runtime=app.state["meet_embed"],
            media_path=matrix_config.media_path,
            media=matrix_config.media_path.read_bytes(),
            rsa_private_pem=matrix_config.rsa_private_pem,
            rsa_public_pem=matrix_config.rsa_public_pem,
        )
        for access in ACCESS:
            w.by_access[access] = await build_access_world(w, access)
        yield w


# -- tokens --------------------------------------------------------------------------------------------


def claims(room_id: str, role: str, **changes: Any) -> dict[str, Any]:
    """Claims of a member token that this deployment accepts; ``changes`` edit (or, with None, drop) some."""
    now = int(time.time())
    values: dict[str, Any] = {
        "sub": f"{role}-matrix",
        "roomId": room_id,
        "role": role,
        "iat": now,
        "nbf": now,
        "exp": now + 600,
        "iss": ISSUER,
        "aud": AUDIENCE,
    }
    values.update(changes)
    return {k: v for k, v in values.items() if v is not None}


def hs256(payload: dict[str, Any], key: str | bytes = JWT_SECRET) -> str:
    return jwt.encode(payload, key, algorithm="HS256")


def hand_signed(payload: dict[str, Any], alg: str, key: bytes | None) -> str:
    """A JWT assembled by hand: for ``alg: none`` (no signature) and HMAC over a key PyJWT refuses."""
    header = b64url(json.dumps({"alg": alg, "typ": "JWT"}).encode())
    body = b64url(json.dumps(payload).encode())
    if key is None:
        return f"{header}.{body}."
    mac = hmac.new(key, f"{header}.{body}".encode(), hashlib.sha256).digest()
    return f"{header}.{body}.{b64url(mac)}"


# -- principals ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Who:
    """A principal: how it presents itself, given the world and the case's room A."""

    kind: str
    """none | invalid | privileged | member | other_room | secret:<…> | link:<…>"""
    role: str | None = None
    make: Callable[[World, AccessWorld, str], tuple[dict[str, str], dict[str, str]]] | None = None


def header(name: str, value: Callable[[World, AccessWorld, str], str]) -> Callable[..., Any]:
    return lambda w, aw, room: ({name: value(w, aw, room)}, {})


def member_header(value: Callable[[World, AccessWorld, str], str]) -> Callable[..., Any]:
    return header("X-Room-Member-Token", value)


def query(name: str, value: Callable[[World, AccessWorld, str], str]) -> Callable[..., Any]:
    return lambda w, aw, room: ({}, {name: value(w, aw, room)})


def minted(role: str) -> Callable[[World, AccessWorld, str], str]:
    return lambda w, aw, room: w.runtime.tokens.mint(room, role, identity=f"{role}-of-{room}")  # type: ignore[arg-type]


PRINCIPALS: dict[str, Who] = {
    "none": Who("none", make=lambda w, aw, room: ({}, {})),
    # Present but invalid: refused with 401 even where a valid one would be refused with 403.
    "token-malformed": Who("invalid", make=member_header(lambda w, aw, room: "not-a.jwt-at.all")),
    "token-expired": Who(
        "invalid",
        make=member_header(
            lambda w, aw, room: hs256(
                claims(room, "moderator", iat=int(time.time()) - 7200, nbf=int(time.time()) - 7200)
                | {"exp": int(time.time()) - 60}
            )
        ),
    ),
    "token-not-yet-valid": Who(
        "invalid",
        make=member_header(lambda w, aw, room: hs256(claims(room, "moderator", nbf=int(time.time()) + 60))),
    ),
    "token-alg-none": Who(
        "invalid",
        make=member_header(lambda w, aw, room: hand_signed(claims(room, "moderator"), "none", None)),
    ),
    "token-hs-rs-confusion": Who(
        "invalid",
        make=member_header(
            lambda w, aw, room: hand_signed(claims(room, "moderator"), "HS256", w.rsa_public_pem)
        ),
    ),
    "token-wrong-issuer": Who(
        "invalid",
        make=member_header(lambda w, aw, room: hs256(claims(room, "moderator", iss="https://evil.test"))),
    ),
    "token-no-issuer": Who(
        "invalid", make=member_header(lambda w, aw, room: hs256(claims(room, "moderator", iss=None)))
    ),
    "token-wrong-audience": Who(
        "invalid", make=member_header(lambda w, aw, room: hs256(claims(room, "moderator", aud="elsewhere")))
    ),
    "token-no-audience": Who(
        "invalid", make=member_header(lambda w, aw, room: hs256(claims(room, "moderator", aud=None)))
    ),
    "token-foreign-secret": Who(
        "invalid",
        make=member_header(lambda w, aw, room: hs256(claims(room, "moderator"), FOREIGN_JWT_SECRET)),
    ),
    "api-key-wrong": Who("invalid", make=lambda w, aw, room: ({"X-API-KEY": WRONG_API_KEY}, {})),
    # Members of room A (the case's room).
    "speaker": Who("member", "speaker", make=member_header(minted("speaker"))),
    "speaker-bearer": Who(
        "member",
        "speaker",
        make=header("Authorization", lambda w, aw, room: f"Bearer {minted('speaker')(w, aw, room)}"),
    ),
    "speaker-hand-made": Who(
        "member", "speaker", make=member_header(lambda w, aw, room: hs256(claims(room, "speaker")))
    ),
    "moderator": Who("member", "moderator", make=member_header(minted("moderator"))),
    "moderator-bearer": Who(
        "member",
        "moderator",
        make=header("Authorization", lambda w, aw, room: f"Bearer {minted('moderator')(w, aw, room)}"),
    ),
    "moderator-prefixed-header": Who(
        "member",
        "moderator",
        make=member_header(lambda w, aw, room: f"Bearer {minted('moderator')(w, aw, room)}"),
    ),
    "moderator-rs256": Who(
        "member",
        "moderator",
        make=member_header(
            lambda w, aw, room: jwt.encode(claims(room, "moderator"), w.rsa_private_pem, algorithm="RS256")
        ),
    ),
    # A moderator of room B (whose allowAccessTo is the case's too).
    "token-room-b": Who(
        "other_room",
        "moderator",
        make=member_header(
            lambda w, aw, room: w.runtime.tokens.mint(aw.room_b, "moderator", identity="mod-b")
        ),
    ),
    "admin": Who("privileged", make=lambda w, aw, room: ({"X-Test-Admin": "yes"}, {})),
    "api-key": Who("privileged", make=lambda w, aw, room: ({"X-API-KEY": API_KEY}, {})),
    "api-key-ops": Who("privileged", make=lambda w, aw, room: ({"X-API-KEY": OTHER_API_KEY}, {})),
    # Share secrets of R.
    "secret-public": Who("secret:ok", make=query("secret", lambda w, aw, room: aw.public_secret)),
    "secret-private-no-user": Who(
        "secret:needs-user", make=query("secret", lambda w, aw, room: aw.private_secret)
    ),
    "secret-private-user": Who(
        "secret:ok",
        make=lambda w, aw, room: ({"X-Test-User": "yes"}, {"secret": aw.private_secret}),
    ),
    "secret-rotated": Who("secret:bad", make=query("secret", lambda w, aw, room: aw.rotated_secret)),
    "secret-expired": Who("secret:bad", make=query("secret", lambda w, aw, room: aw.expired_secret)),
    "secret-unknown": Who(
        "secret:bad", make=query("secret", lambda w, aw, room: "Unknown_secret-0123456789abcdef")
    ),
    # Signed media links.
    "media-link": Who("link:ok", make=query("mediaToken", lambda w, aw, room: aw.media_link)),
    "media-link-other-recording": Who(
        "link:other", make=query("mediaToken", lambda w, aw, room: aw.media_link_other)
    ),
    "media-link-expired": Who(
        "link:bad", make=query("mediaToken", lambda w, aw, room: aw.media_link_expired)
    ),
    "media-link-tampered": Who(
        "link:bad", make=query("mediaToken", lambda w, aw, room: aw.media_link_tampered)
    ),
}


# -- endpoints -----------------------------------------------------------------------------------------


@dataclass
class Target:
    """What a case acts on: room A and recording R, or fresh ones for the endpoints that change state."""

    room: str
    rec: str


@dataclass(frozen=True)
class Endpoint:
    method: str
    path: str
    """With ``{room}`` and ``{rec}``."""
    ok: int
    group: str
    """retrieve | delete | share | rooms | token"""
    params: Callable[[AccessWorld, Target], dict[str, str]] = lambda aw, t: {}
    body: Callable[[AccessWorld, Target], Any] = lambda aw, t: None
    headers: tuple[tuple[str, str], ...] = ()
    fresh: str | None = None
    """What the call may destroy: ``recording`` (of A), ``room`` or ``room+recording``. Calls expected to
    succeed get a fresh one; calls expected to be refused get the access world's victim."""
    secrets: bool = False
    """A share secret (``?secret=``) stands in for credentials."""
    links: str | None = None
    """``recording`` or ``zip``: which signed media links it takes (``?mediaToken=``)."""
    single: bool = False
    """Acts on one recording named in the path."""


def _other_access(aw: AccessWorld, t: Target) -> dict[str, Any]:
    new = "admin_moderator_speaker" if aw.access == "admin" else "admin"
    return {"config": {"recording": {"allowAccessTo": new}}}


ENDPOINTS: dict[str, Endpoint] = {
    "list": Endpoint(
        "GET", "/recordings", 200, "retrieve", params=lambda aw, t: {"roomId": t.room, "maxItems": "100"}
    ),
    "get": Endpoint("GET", "/recordings/{rec}", 200, "retrieve", secrets=True, single=True),
    "delete": Endpoint("DELETE", "/recordings/{rec}", 200, "delete", fresh="recording", single=True),
    "bulk-delete": Endpoint(
        "DELETE",
        "/recordings",
        200,
        "delete",
        params=lambda aw, t: {"recordingIds": t.rec},
        fresh="recording",
    ),
    "zip": Endpoint(
        "GET",
        "/recordings/download",
        200,
        "retrieve",
        params=lambda aw, t: {"recordingIds": t.rec},
        links="zip",
    ),
    "zip-url": Endpoint(
        "GET", "/recordings/download-url", 200, "retrieve", params=lambda aw, t: {"recordingIds": t.rec}
    ),
    "media": Endpoint(
        "GET", "/recordings/{rec}/media", 200, "retrieve", secrets=True, links="recording", single=True
    ),
    "media-range": Endpoint(
        "GET",
        "/recordings/{rec}/media",
        206,
        "retrieve",
        headers=(("Range", f"bytes={RANGE[0]}-{RANGE[1]}"),),
        secrets=True,
        links="recording",
        single=True,
    ),
    "media-head": Endpoint(
        "HEAD", "/recordings/{rec}/media", 200, "retrieve", secrets=True, links="recording", single=True
    ),
    "media-url": Endpoint("GET", "/recordings/{rec}/media-url", 200, "retrieve", single=True),
    "poster": Endpoint(
        "GET", "/recordings/{rec}/poster", 200, "retrieve", secrets=True, links="recording", single=True
    ),
    "share-url": Endpoint("GET", "/recordings/{rec}/url", 200, "share", single=True),
    "share-url-private": Endpoint(
        "GET",
        "/recordings/{rec}/url",
        200,
        "share",
        params=lambda aw, t: {"privateAccess": "true"},
        single=True,
    ),
    "rotate": Endpoint(
        "POST", "/recordings/{rec}/secrets/rotate", 200, "share", fresh="recording", single=True
    ),
    "room-create": Endpoint(
        "POST", "/rooms", 201, "rooms", body=lambda aw, t: {"roomName": "matrix-created"}
    ),
    "room-list": Endpoint("GET", "/rooms", 200, "rooms", params=lambda aw, t: {"roomName": aw.room_a_name}),
    "room-get": Endpoint("GET", "/rooms/{room}", 200, "rooms"),
    "room-config": Endpoint("PUT", "/rooms/{room}/config", 200, "rooms", body=_other_access, fresh="room"),
    "room-delete": Endpoint(
        "DELETE",
        "/rooms/{room}",
        200,
        "rooms",
        params=lambda aw, t: {"withRecordings": "force"},
        fresh="room+recording",
    ),
    "room-token": Endpoint(
        "POST", "/rooms/{room}/token", 200, "token", body=lambda aw, t: {"secret": aw.moderator_secret_a}
    ),
}

RETRIEVE = frozenset(n for n, e in ENDPOINTS.items() if e.group == "retrieve")
DELETE = frozenset(n for n, e in ENDPOINTS.items() if e.group == "delete")
SHARE = frozenset(n for n, e in ENDPOINTS.items() if e.group == "share")

MEMBER_RIGHTS: dict[tuple[str, str], frozenset[str]] = {
    ("moderator", "admin"): frozenset(),
    ("moderator", "admin_moderator"): RETRIEVE | DELETE | SHARE,
    ("moderator", "admin_moderator_speaker"): RETRIEVE | DELETE | SHARE,
    ("speaker", "admin"): frozenset(),
    ("speaker", "admin_moderator"): frozenset(),
    ("speaker", "admin_moderator_speaker"): RETRIEVE,
}
"""Which recording endpoints a member of the recording's room may use, by role and ``allowAccessTo``."""

OTHER_ROOM_ALLOWED = {"list": 200, "bulk-delete": 400, "zip": 400, "zip-url": 400}
"""A member of room B asking about R (of room A), when B's own setting gives it the right: the listing
shows room B only, a bulk delete reports R as not of its room, a ZIP of R (or a link to one) has nothing
to put in."""


def expected(endpoint: str, principal: str, access: str) -> int:
    ep, who = ENDPOINTS[endpoint], PRINCIPALS[principal]
    if who.kind == "invalid":
        return 401  # even on the public token endpoint: a present but invalid credential is refused
    if ep.group == "token":
        return 200  # public: the room link secret in the body is what counts
    if who.kind == "none":
        return 401
    if who.kind == "privileged":
        return ep.ok
    if who.kind == "member":
        if ep.group == "rooms":
            return 403
        return ep.ok if endpoint in MEMBER_RIGHTS[(who.role or "", access)] else 403
    if who.kind == "other_room":
        if ep.group == "rooms" or ep.single:
            return 403
        if endpoint not in MEMBER_RIGHTS[("moderator", access)]:
            return 403
        return OTHER_ROOM_ALLOWED[endpoint]
    if who.kind.startswith("secret:"):
        if not ep.secrets:
            return 401
        return {"secret:ok": ep.ok, "secret:needs-user": 401, "secret:bad": 400}[who.kind]
    if who.kind.startswith("link:"):
        if ep.links is None:
            return 401
        if who.kind == "link:bad":
            return 401
        if who.kind == "link:ok" and ep.links == "recording":
            return ep.ok
        return 403  # a link made for another recording (or for one recording, not a ZIP)
    raise AssertionError(who)


# Cells where the code is known to differ from the specification (see the report in the commit message).
KNOWN_BUGS: dict[tuple[str | None, str, str], str] = {}


def _marks(access: str, principal: str, endpoint: str) -> list[pytest.MarkDecorator]:
    reason = KNOWN_BUGS.get((access, principal, endpoint)) or KNOWN_BUGS.get((None, principal, endpoint))
    return [pytest.mark.xfail(strict=True, reason=reason)] if reason else []


CASES = [
    pytest.param(
        access,
        principal,
        endpoint,
        id=f"{access}|{principal}|{endpoint}",
        marks=_marks(access, principal, endpoint),
    )
    for access in ACCESS
    for principal in PRINCIPALS
    for endpoint in ENDPOINTS
]


# -- running a case ------------------------------------------------------------------------------------


async def target_for(w: World, aw: AccessWorld, ep: Endpoint, status: int) -> Target:
    if ep.fresh is None:
        return Target(aw.room_a, aw.rec)
    if status >= 300:
        if ep.fresh == "recording":
            return Target(aw.room_a, aw.victim_rec)
        return Target(aw.victim_room, aw.victim_room_rec)
    if ep.fresh == "recording":
        return Target(aw.room_a, await new_recording(w, aw.room_a))
    room = (await create_room(w.client, f"matrix-fresh-{aw.access}", aw.access))["roomId"]
    if ep.fresh == "room+recording":
        return Target(room, await new_recording(w, room))
    return Target(room, "")


async def cleanup(w: World, aw: AccessWorld, ep: Endpoint, target: Target) -> None:
    if target.rec == aw.victim_rec or target.room == aw.victim_room:
        return
    if ep.fresh == "recording":
        await w.client.delete(f"{API}/recordings/{target.rec}", headers=ADMIN_HEADERS)
    elif ep.fresh is not None:
        await w.client.delete(f"{API}/rooms/{target.room}?withRecordings=force", headers=ADMIN_HEADERS)


async def call(w: World, aw: AccessWorld, target: Target, endpoint: str, principal: str) -> httpx.Response:
    ep, who = ENDPOINTS[endpoint], PRINCIPALS[principal]
    assert who.make is not None
    headers, params = who.make(w, aw, target.room)
    headers = {**dict(ep.headers), **headers}
    params = {**ep.params(aw, target), **params}
    body = ep.body(aw, target)
    path = API + ep.path.format(room=target.room, rec=target.rec)
    return await w.client.request(
        ep.method, path, params=params, headers=headers, json=body if body is not None else None
    )


def assert_error(response: httpx.Response, status: int, error: str, method: str = "GET") -> dict[str, Any]:
    assert response.status_code == status, (response.status_code, response.text)
    if method == "HEAD":
        assert response.content == b""
        return {}
    body: dict[str, Any] = response.json()
    assert body["error"] == error, body
    assert isinstance(body["message"], str), body
    assert body["message"], body
    return body


ERROR_NAMES = {401: "Authentication Error", 403: "Authorization Error", 400: "Recording Error"}


async def exists(w: World, rec: str) -> bool:
    response = await w.client.get(f"{API}/recordings/{rec}", headers=ADMIN_HEADERS)
    assert response.status_code in (200, 404), response.text
    return response.status_code == 200


async def room_access(w: World, room: str) -> str | None:
    response = await w.client.get(f"{API}/rooms/{room}", headers=ADMIN_HEADERS)
    if response.status_code == 404:
        return None
    assert response.status_code == 200, response.text
    value: str = response.json()["config"]["recording"]["allowAccessTo"]
    return value


async def check_ok(
    w: World, aw: AccessWorld, target: Target, endpoint: str, principal: str, response: httpx.Response
) -> None:
    """What a user would notice when the call succeeded."""
    who = PRINCIPALS[principal]
    client = w.client
    size = len(w.media)
    if endpoint == "list":
        items = response.json()["recordings"]
        ids = {r["recordingId"] for r in items}
        if who.kind == "other_room":  # asked for roomId=A, shown room B only
            assert {r["roomId"] for r in items} == {aw.room_b}, items
            assert ids == {aw.rec_b}
        else:
            assert {r["roomId"] for r in items} == {aw.room_a}, items
            assert {aw.rec, aw.rec_other} <= ids
    elif endpoint == "get":
        body = response.json()
        assert body["recordingId"] == target.rec
        assert body["status"] == "complete"
        assert body["size"] == size
    elif endpoint == "delete":
        assert response.json() == {"message": f"Recording '{target.rec}' deleted successfully"}
        assert not await exists(w, target.rec)
    elif endpoint == "bulk-delete":
        body = response.json()
        if who.kind == "other_room":
            assert body["deleted"] == []
            assert body["failed"][0]["recordingId"] == target.rec
            assert "does not belong to room" in body["failed"][0]["error"]
            assert await exists(w, target.rec)
        else:
            assert body["deleted"] == [target.rec]
            assert not await exists(w, target.rec)
    elif endpoint == "zip":
        if who.kind == "other_room":
            assert_error(response, 400, "Recording Error")
            return
        assert response.headers["content-type"] == "application/zip"
        assert 'filename="recordings.zip"' in response.headers["content-disposition"]
        with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
            names = archive.namelist()
            assert len(names) == 1
            assert archive.read(names[0]) == w.media
    elif endpoint == "zip-url":
        if who.kind == "other_room":  # nothing of its room to put in: refused before a link is made
            assert_error(response, 400, "Recording Error")
            return
        url = response.json()["url"]
        assert urlsplit(url).path == f"{API}/recordings/download"
        followed = await client.get(api_path(url))  # no credentials: the link is the credential
        assert followed.status_code == 200, followed.text
        with zipfile.ZipFile(io.BytesIO(followed.content)) as archive:
            assert [archive.read(n) for n in archive.namelist()] == [w.media]
    elif endpoint == "media":
        assert response.headers["content-type"].startswith("video/mp4")
        assert response.content == w.media
    elif endpoint == "media-range":
        start, end = RANGE
        assert response.headers["content-range"] == f"bytes {start}-{end}/{size}"
        assert response.content == w.media[start : end + 1]
    elif endpoint == "media-head":
        assert response.headers["content-length"] == str(size)
        assert response.headers["accept-ranges"] == "bytes"
        assert response.content == b""
    elif endpoint == "media-url":
        body = response.json()
        media = await client.get(api_path(body["url"]), headers={"Range": "bytes=0-99"})
        assert media.status_code == 206, media.text
        assert media.content == w.media[:100]
        poster = await client.get(api_path(body["posterUrl"]))
        assert poster.status_code == 200, poster.text
        assert poster.content[:2] == b"\xff\xd8"
    elif endpoint == "poster":
        assert response.headers["content-type"] == "image/jpeg"
        assert response.content[:3] == b"\xff\xd8\xff"
    elif endpoint in ("share-url", "share-url-private"):
        url = response.json()["url"]
        assert urlsplit(url).path == f"/meet/recording/{target.rec}"
        private = endpoint == "share-url-private"
        assert secret_of(url) == (aw.private_secret if private else aw.public_secret)
        opened = await client.get(f"{API}/recordings/{target.rec}", params={"secret": secret_of(url)})
        assert opened.status_code == (401 if private else 200), opened.text
    elif endpoint == "rotate":
        body = response.json()
        public, private = secret_of(body["publicUrl"]), secret_of(body["privateUrl"])
        assert public != private
        opened = await client.get(f"{API}/recordings/{target.rec}/poster", params={"secret": public})
        assert opened.status_code == 200, opened.text
    elif endpoint == "room-create":
        body = response.json()
        assert body["roomName"] == "matrix-created"
        assert response.headers["location"].endswith(f"/rooms/{body['roomId']}")
        await client.delete(f"{API}/rooms/{body['roomId']}", headers=ADMIN_HEADERS)
    elif endpoint == "room-list":
        assert aw.room_a in [r["roomId"] for r in response.json()["rooms"]]
    elif endpoint == "room-get":
        body = response.json()
        assert body["roomId"] == aw.room_a
        assert body["config"]["recording"]["allowAccessTo"] == aw.access
    elif endpoint == "room-config":
        new = _other_access(aw, target)["config"]["recording"]["allowAccessTo"]
        assert response.json()["config"]["recording"]["allowAccessTo"] == new
        assert await room_access(w, target.room) == new
    elif endpoint == "room-delete":
        assert response.json()["message"] == f"Room '{target.room}' deleted successfully"
        assert await room_access(w, target.room) is None
        assert not await exists(w, target.rec)
    elif endpoint == "room-token":
        body = response.json()
        assert body["role"] == "moderator"
        assert body["roomId"] == aw.room_a
        verified = w.runtime.tokens.verify_sync(body["token"])
        assert (verified.room_id, verified.role) == (aw.room_a, "moderator")
    else:  # pragma: no cover
        raise AssertionError(endpoint)


async def check_refused(
    w: World, aw: AccessWorld, target: Target, endpoint: str, response: httpx.Response
) -> None:
    """A refused call changed nothing."""
    try:
        if endpoint in ("delete", "bulk-delete", "rotate"):
            assert await exists(w, target.rec)
            opened = await w.client.get(f"{API}/recordings/{target.rec}", params={"secret": aw.victim_secret})
            assert opened.status_code == 200, opened.text  # its share link was not rotated away
        elif endpoint == "room-config":
            assert await room_access(w, target.room) == aw.access
        elif endpoint == "room-delete":
            assert await room_access(w, target.room) == aw.access
            assert await exists(w, target.rec)
    except AssertionError:
        await make_victims(w, aw)
        raise


@pytest.mark.parametrize(("access", "principal", "endpoint"), CASES)
async def test_matrix(world: World, access: str, principal: str, endpoint: str) -> None:
    aw = world.by_access[access]
    ep = ENDPOINTS[endpoint]
    status = expected(endpoint, principal, access)
    target = await target_for(world, aw, ep, status)
    try:
        response = await call(world, aw, target, endpoint, principal)
        assert response.status_code == status, (response.status_code, response.text[:500])
        if status < 300 or (status == 400 and PRINCIPALS[principal].kind == "other_room"):
            await check_ok(world, aw, target, endpoint, principal, response)
        else:
            assert_error(response, status, ERROR_NAMES[status], ep.method)
            await check_refused(world, aw, target, endpoint, response)
    finally:
        await cleanup(world, aw, ep, target)


# -- several credentials at once -----------------------------------------------------------------------


def _with(
    principal: str, *extra: str
) -> Callable[[World, AccessWorld], tuple[dict[str, str], dict[str, str]]]:
    """The credentials of several principals sent together (room A of the world)."""

    def make(w: World, aw: AccessWorld) -> tuple[dict[str, str], dict[str, str]]:
        headers: dict[str, str] = {}
        params: dict[str, str] = {}
        for name in (principal, *extra):
            who = PRINCIPALS[name]
            assert who.make is not None
            h, p = who.make(w, aw, aw.room_a)
            headers.update(h)
            params.update(p)
        return headers, params

    return make


MIXED = [
    # (id, credentials, endpoint, expected status, known bug)
    ("wrong-api-key+moderator", _with("api-key-wrong", "moderator"), "get", 401, None),
    ("wrong-api-key+admin", _with("api-key-wrong", "admin"), "get", 401, None),
    ("expired-token+admin", _with("token-expired", "admin"), "get", 401, None),
    ("malformed-token+admin", _with("token-malformed", "admin"), "room-list", 401, None),
    ("expired-token+moderator-bearer", _with("token-expired", "moderator-bearer"), "get", 401, None),
    ("api-key+malformed-token", _with("api-key", "token-malformed"), "get", 401, None),
    ("api-key+expired-token", _with("api-key", "token-expired"), "list", 401, None),
    ("wrong-api-key+public-secret", _with("api-key-wrong", "secret-public"), "get", 401, None),
    ("expired-token+public-secret", _with("token-expired", "secret-public"), "media-range", 401, None),
    ("wrong-api-key+media-link", _with("api-key-wrong", "media-link"), "media-range", 401, None),
    ("alg-none-token+media-link", _with("token-alg-none", "media-link"), "poster", 401, None),
    # Valid credentials together: the share secret decides on the endpoints that take one.
    ("api-key+unknown-secret", _with("api-key", "secret-unknown"), "get", 400, None),
    ("moderator+public-secret", _with("moderator", "secret-public"), "get", 200, None),
]


@pytest.mark.parametrize(
    ("make", "endpoint", "status"),
    [
        pytest.param(*c[1:4], id=c[0], marks=[pytest.mark.xfail(strict=True, reason=c[4])] if c[4] else [])
        for c in MIXED
    ],
)
async def test_mixed_credentials(world: World, make: Any, endpoint: str, status: int) -> None:
    """A credential that is present but invalid ends the request with 401, whatever else comes with it."""
    aw = world.by_access["admin_moderator_speaker"]
    ep = ENDPOINTS[endpoint]
    headers, params = make(world, aw)
    response = await world.client.request(
        ep.method,
        API + ep.path.format(room=aw.room_a, rec=aw.rec),
        params={**ep.params(aw, Target(aw.room_a, aw.rec)), **params},
        headers={**dict(ep.headers), **headers},
    )
    assert response.status_code == status, response.text[:300]
    if status >= 400:
        assert_error(response, status, ERROR_NAMES[status], ep.method)


# -- room link secret → member token -------------------------------------------------------------------


async def test_room_token_moderator_and_speaker_secrets(world: World) -> None:
    aw = world.by_access["admin_moderator_speaker"]
    client = world.client
    for secret, role in ((aw.moderator_secret_a, "moderator"), (aw.speaker_secret_a, "speaker")):
        response = await client.post(
            f"{API}/rooms/{aw.room_a}/token", json={"secret": secret, "participantName": "Ada"}
        )
        assert response.status_code == 200, response.text
        body = response.json()
        assert (body["role"], body["roomId"]) == (role, aw.room_a)
        claims_ = jwt.decode(
            body["token"], JWT_SECRET, algorithms=["HS256"], audience=AUDIENCE, issuer=ISSUER
        )
        assert (claims_["role"], claims_["roomId"], claims_["name"]) == (role, aw.room_a, "Ada")
        assert body["expiresAt"] == claims_["exp"] * 1000
        # The token works as that role: both may play under admin_moderator_speaker, only a moderator shares.
        token = {"X-Room-Member-Token": body["token"]}
        got = await client.get(f"{API}/recordings/{aw.rec}", headers=token)
        assert got.status_code == 200, got.text
        shared = await client.get(f"{API}/recordings/{aw.rec}/url", headers=token)
        assert shared.status_code == (200 if role == "moderator" else 403), shared.text


@pytest.mark.parametrize(
    ("case", "status", "error"),
    [
        ("wrong-secret", 400, "Room Error"),
        ("secret-of-room-b", 400, "Room Error"),
        ("speaker-secret-of-room-b", 400, "Room Error"),
        ("unknown-room", 404, "Room Error"),
        ("unknown-room-with-secret-of-a", 404, "Room Error"),
        ("empty-secret", 422, "Unprocessable Entity"),  # the reference: "Secret is required"
        ("no-body", 422, "Unprocessable Entity"),
    ],
)
async def test_room_token_refusals(world: World, case: str, status: int, error: str) -> None:
    aw = world.by_access["admin_moderator_speaker"]
    room, body = aw.room_a, {"secret": "Wrong_secret-0123456789abcdef"}
    room_b_speaker = secret_of(
        (await world.client.get(f"{API}/rooms/{aw.room_b}", headers=ADMIN_HEADERS)).json()["speakerUrl"]
    )
    if case == "secret-of-room-b":
        body = {"secret": aw.moderator_secret_b}
    elif case == "speaker-secret-of-room-b":
        body = {"secret": room_b_speaker}
    elif case == "unknown-room":
        room = "no-such-room-0123"
    elif case == "unknown-room-with-secret-of-a":
        room, body = "no-such-room-0123", {"secret": aw.moderator_secret_a}
    elif case == "empty-secret":
        body = {"secret": ""}
    response = await world.client.post(
        f"{API}/rooms/{room}/token", **({} if case == "no-body" else {"json": body})
    )
    assert_error(response, status, error)


# -- share secrets and media links of one recording only ------------------------------------------------


@pytest.mark.parametrize("endpoint", ["get", "media", "media-range", "media-head", "poster"])
@pytest.mark.parametrize("kind", ["public", "private"])
async def test_secret_of_another_recording(world: World, endpoint: str, kind: str) -> None:
    """R's secret opens R only: on R2 (room B) and on R_other (room A) it is not recognized."""
    aw = world.by_access["admin_moderator"]
    ep = ENDPOINTS[endpoint]
    secret = aw.public_secret if kind == "public" else aw.private_secret
    for rec in (aw.rec_b, aw.rec_other):
        response = await world.client.request(
            ep.method,
            API + ep.path.format(room=aw.room_a, rec=rec),
            params={"secret": secret},
            headers={**dict(ep.headers), "X-Test-User": "yes"},
        )
        assert_error(response, 400, "Recording Error", ep.method)


# -- a changed allowAccessTo applies to what was issued before -----------------------------------------


async def fresh_room(w: World, access: str) -> tuple[str, str]:
    room = (await create_room(w.client, f"matrix-dynamic-{access}", access))["roomId"]
    return room, await new_recording(w, room)


async def set_access(w: World, room: str, access: str) -> None:
    response = await w.client.put(
        f"{API}/rooms/{room}/config",
        json={"config": {"recording": {"allowAccessTo": access}}},
        headers={"X-Test-Admin": "yes"},
    )
    assert response.status_code == 200, response.text
    assert response.json()["config"]["recording"]["allowAccessTo"] == access


def may_retrieve(role: str, access: str) -> bool:
    return "get" in MEMBER_RIGHTS[(role, access)]


@pytest.mark.parametrize("role", ["moderator", "speaker"])
@pytest.mark.parametrize(("before", "after"), [(a, b) for a in ACCESS for b in ACCESS if a != b])
async def test_access_change_applies_to_issued_tokens(
    world: World, role: str, before: str, after: str
) -> None:
    room, rec = await fresh_room(world, before)
    token = {"X-Room-Member-Token": world.runtime.tokens.mint(room, role, identity="long-lived")}  # type: ignore[arg-type]

    async def statuses() -> tuple[int, int, int]:
        got = await world.client.get(f"{API}/recordings/{rec}", headers=token)
        listed = await world.client.get(f"{API}/recordings", headers=token)
        shared = await world.client.get(f"{API}/recordings/{rec}/url", headers=token)
        return got.status_code, listed.status_code, shared.status_code

    def want(access: str) -> tuple[int, int, int]:
        rights = MEMBER_RIGHTS[(role, access)]
        return tuple(200 if e in rights else 403 for e in ("get", "list", "share-url"))  # type: ignore[return-value]

    assert await statuses() == want(before)
    await set_access(world, room, after)
    assert await statuses() == want(after)
    await set_access(world, room, before)
    assert await statuses() == want(before)


@pytest.mark.parametrize(
    ("role", "allowed", "revoked"),
    [
        ("speaker", "admin_moderator_speaker", "admin_moderator"),
        ("speaker", "admin_moderator_speaker", "admin"),
        ("moderator", "admin_moderator", "admin"),
    ],
)
async def test_member_media_links_follow_access_changes(
    world: World, role: str, allowed: str, revoked: str
) -> None:
    """A member's signed links (media, poster, ZIP) are checked against the room's current setting."""
    client = world.client
    room, rec = await fresh_room(world, allowed)
    token = {"X-Room-Member-Token": world.runtime.tokens.mint(room, role)}  # type: ignore[arg-type]
    links = (await client.get(f"{API}/recordings/{rec}/media-url", headers=token)).json()
    zip_link = (
        await client.get(f"{API}/recordings/download-url", params={"recordingIds": rec}, headers=token)
    ).json()
    urls = [api_path(links["url"]), api_path(links["posterUrl"]), api_path(zip_link["url"])]

    async def statuses() -> list[int]:
        return [(await client.get(u, headers={"Range": "bytes=0-9"})).status_code for u in urls]

    assert await statuses() == [206, 200, 200]
    await set_access(world, room, revoked)
    refused = [await client.get(u) for u in urls]
    for response in refused:
        assert_error(response, 403, "Authorization Error")
    await set_access(world, room, allowed)
    assert await statuses() == [206, 200, 200]


# -- hostile input: always a 4xx, never a 5xx ----------------------------------------------------------


def assert_4xx(response: httpx.Response, method: str = "GET") -> None:
    """A client error, answered in JSON. (Only the status and the media type: at commit 99f1452 a path that a
    ``%2F`` makes unknown below ``/recordings/`` gets Litestar's own 404 body, not ``{error, message}``.)"""
    assert 400 <= response.status_code < 500, (response.status_code, response.text[:300])
    if method != "HEAD":
        assert response.headers["content-type"].startswith("application/json"), response.headers
        assert isinstance(response.json(), dict)


HOSTILE_RECORDING_IDS = {
    "encoded-slash": "x%2Fy",
    "traversal": "{rec}%2F..%2F..%2F..%2Fetc%2Fpasswd",
    "dot-dot": "%2E%2E",
    "nul": "{rec}%00",
    "nul-only": "%00",
    "long": "a" * 10_000,
    "long-valid-shape": "{room}--EG_1--" + "b" * 10_000,
    "unicode": "r%C3%A9cording--EG_1--%C3%BC",
    "fullwidth": "{room}--EG_%EF%BC%91--x",
    "emoji": "%F0%9F%92%A5",
    "other-room-shape": "{room}x--EG_1--x",
}
PATH_ENDPOINTS = [n for n, e in ENDPOINTS.items() if "{rec}" in e.path and e.fresh is None] + [
    "delete",
    "rotate",
]


@pytest.mark.parametrize("principal", ["api-key", "moderator", "secret-public", "media-link"])
@pytest.mark.parametrize("endpoint", PATH_ENDPOINTS)
@pytest.mark.parametrize("hostile", HOSTILE_RECORDING_IDS)
async def test_hostile_recording_ids(world: World, hostile: str, endpoint: str, principal: str) -> None:
    aw = world.by_access["admin_moderator_speaker"]
    ep, who = ENDPOINTS[endpoint], PRINCIPALS[principal]
    assert who.make is not None
    headers, params = who.make(world, aw, aw.room_a)
    rec = HOSTILE_RECORDING_IDS[hostile].format(rec=aw.rec, room=aw.room_a)
    response = await world.client.request(
        ep.method,
        API + ep.path.format(rec=rec, room=aw.room_a),
        params={**ep.params(aw, Target(aw.room_a, rec)), **params},
        headers={**dict(ep.headers), **headers},
    )
    assert_4xx(response, ep.method)
    assert await exists(world, aw.rec)


@pytest.mark.parametrize("principal", ["api-key", "moderator"])
@pytest.mark.parametrize("endpoint", ["bulk-delete", "zip", "zip-url"])
@pytest.mark.parametrize(
    "ids",
    [
        "x/y",
        "../../etc/passwd",
        "..",
        "\x00",
        "{rec}\x00",
        "a" * 10_000,
        "récording--EG_1--ü",
        "💥",
        ",,,",
        "{rec}," + "x" * 60_000,
    ],
)
async def test_hostile_recording_id_lists(world: World, ids: str, endpoint: str, principal: str) -> None:
    aw = world.by_access["admin_moderator_speaker"]
    ep, who = ENDPOINTS[endpoint], PRINCIPALS[principal]
    assert who.make is not None
    headers, _ = who.make(world, aw, aw.room_a)
    response = await world.client.request(
        ep.method, API + ep.path, params={"recordingIds": ids.format(rec=aw.rec)}, headers=headers
    )
    assert_4xx(response)
    assert await exists(world, aw.rec)


HOSTILE_ROOM_IDS = {
    "encoded-slash": "x%2Fy",
    "traversal": "{room}%2F..%2F..%2Fx",
    "dot-dot": "%2E%2E",
    "nul": "{room}%00",
    "long": "r" * 10_000,
    "unicode": "r%C3%BCm",
    "double-hyphen": "a--b",
}


@pytest.mark.parametrize("endpoint", ["room-get", "room-config", "room-delete", "room-token"])
@pytest.mark.parametrize("hostile", HOSTILE_ROOM_IDS)
async def test_hostile_room_ids(world: World, hostile: str, endpoint: str) -> None:
    aw = world.by_access["admin_moderator_speaker"]
    ep = ENDPOINTS[endpoint]
    room = HOSTILE_ROOM_IDS[hostile].format(room=aw.room_a)
    target = Target(room, aw.rec)
    response = await world.client.request(
        ep.method,
        API + ep.path.format(room=room, rec=aw.rec),
        params=ep.params(aw, target),
        json=ep.body(aw, target),
        headers=ADMIN_HEADERS,
    )
    assert_4xx(response, ep.method)
    assert await room_access(world, aw.room_a) == aw.access


@pytest.mark.parametrize("room_id", ["x/y", "..", "\x00", "r" * 10_000, "rüm", "a--b"])
async def test_hostile_room_id_filter(world: World, room_id: str) -> None:
    response = await world.client.get(f"{API}/recordings", params={"roomId": room_id}, headers=ADMIN_HEADERS)
    assert_4xx(response)


HOSTILE_SECRETS = {
    "long": "s" * 10_000,
    "nul": "abcdefgh\x00ijklmnop",
    "newline": "abcdefgh\nijklmnop",
    "crlf-header": "abcdefgh\r\nX-API-KEY: " + API_KEY,
    "unicode": "sécret-0123456789",
    "empty": "",
}


@pytest.mark.parametrize("endpoint", ["get", "media", "media-head", "poster"])
@pytest.mark.parametrize("hostile", HOSTILE_SECRETS)
async def test_hostile_share_secrets(world: World, hostile: str, endpoint: str) -> None:
    aw = world.by_access["admin_moderator_speaker"]
    ep = ENDPOINTS[endpoint]
    response = await world.client.request(
        ep.method,
        API + ep.path.format(rec=aw.rec, room=aw.room_a),
        params={"secret": HOSTILE_SECRETS[hostile]},
    )
    assert_error(response, 400, "Recording Error", ep.method)


@pytest.mark.parametrize("hostile", HOSTILE_SECRETS)
async def test_hostile_room_link_secrets(world: World, hostile: str) -> None:
    aw = world.by_access["admin_moderator_speaker"]
    response = await world.client.post(
        f"{API}/rooms/{aw.room_a}/token", json={"secret": HOSTILE_SECRETS[hostile]}
    )
    assert_4xx(response)


def _token(world: World, aw: AccessWorld) -> str:
    return world.runtime.tokens.mint(aw.room_a, "moderator")


HOSTILE_CREDENTIALS: dict[str, Callable[[World, AccessWorld], tuple[dict[str, str], dict[str, str]]]] = {
    "token-long": lambda w, aw: ({"X-Room-Member-Token": "a" * 10_000}, {}),
    "token-long-valid-prefix": lambda w, aw: ({"X-Room-Member-Token": _token(w, aw) + "a" * 10_000}, {}),
    "token-nul": lambda w, aw: ({"X-Room-Member-Token": _token(w, aw) + "\x00"}, {}),
    "token-nul-inside": lambda w, aw: ({"X-Room-Member-Token": _token(w, aw).replace(".", ".\x00", 1)}, {}),
    "token-newline": lambda w, aw: ({"X-Room-Member-Token": _token(w, aw).replace(".", ".\n", 1)}, {}),
    "token-unicode": lambda w, aw: ({"X-Room-Member-Token": "tökén.ü.ß".encode()}, {}),  # type: ignore[dict-item]
    "bearer-long": lambda w, aw: ({"Authorization": "Bearer " + "b" * 10_000}, {}),
    "bearer-empty": lambda w, aw: ({"Authorization": "Bearer "}, {}),
    "bearer-nul": lambda w, aw: ({"Authorization": "Bearer \x00" + _token(w, aw)}, {}),
    "token-empty": lambda w, aw: ({"X-Room-Member-Token": ""}, {}),
    "api-key-long": lambda w, aw: ({"X-API-KEY": "k" * 10_000}, {}),
    "api-key-nul": lambda w, aw: ({"X-API-KEY": API_KEY + "\x00"}, {}),
    "api-key-newline": lambda w, aw: ({"X-API-KEY": API_KEY + "\nx"}, {}),
    "api-key-empty": lambda w, aw: ({"X-API-KEY": ""}, {}),
    "media-token-long": lambda w, aw: ({}, {"mediaToken": "m" * 10_000}),
    "media-token-nul": lambda w, aw: ({}, {"mediaToken": aw.media_link + "\x00"}),
    "media-token-newline": lambda w, aw: ({}, {"mediaToken": aw.media_link.replace(".", "\n.")}),
    "media-token-empty": lambda w, aw: ({}, {"mediaToken": ""}),
}


@pytest.mark.parametrize(
    "endpoint", ["list", "get", "media-range", "media-head", "poster", "zip", "room-list"]
)
@pytest.mark.parametrize("hostile", HOSTILE_CREDENTIALS)
async def test_hostile_credentials(world: World, hostile: str, endpoint: str) -> None:
    aw = world.by_access["admin_moderator_speaker"]
    ep = ENDPOINTS[endpoint]
    headers, params = HOSTILE_CREDENTIALS[hostile](world, aw)
    target = Target(aw.room_a, aw.rec)
    response = await world.client.request(
        ep.method,
        API + ep.path.format(rec=aw.rec, room=aw.room_a),
        params={**ep.params(aw, target), **params},
        headers={**dict(ep.headers), **headers},
    )
    assert_error(response, 401, "Authentication Error", ep.method)


GARBAGE_RANGES: list[str | bytes] = [
    "bytes=abc",
    "bytes=5-1",
    "bytes=0-1,5-9",
    "items=0-10",
    "bytes=-0",
    "bytes=999999999-",
    "bytes=" + "9" * 10_000 + "-",
    "bytes=--1",
    "bytes=0-\x00",
    "bytes=\uff10-\uff11".encode(),
    "bytes",
    "=",
    "bytes=1-2\n",
    "x" * 10_000,
]


@pytest.mark.parametrize("method", ["GET", "HEAD"])
@pytest.mark.parametrize("principal", ["api-key", "secret-public", "media-link"])
@pytest.mark.parametrize("value", GARBAGE_RANGES, ids=lambda v: repr(v)[:30])
async def test_garbage_range_headers(world: World, value: str | bytes, principal: str, method: str) -> None:
    aw = world.by_access["admin_moderator_speaker"]
    who = PRINCIPALS[principal]
    assert who.make is not None
    headers, params = who.make(world, aw, aw.room_a)
    response = await world.client.request(
        method,
        f"{API}/recordings/{aw.rec}/media",
        params=params,
        headers={**headers, "Range": value},  # type: ignore[dict-item]
    )
    assert response.status_code in (416, 422), (response.status_code, response.text[:300])
    assert_4xx(response, method)


async def test_other_room_member_with_ids_of_both_rooms(world: World) -> None:
    """A member of room B naming recordings of A and B: the ZIP holds B's only; a bulk delete deletes B's
    and reports A's as not of its room (400), leaving it in place."""
    aw = world.by_access["admin_moderator"]
    client = world.client
    token = {"X-Room-Member-Token": world.runtime.tokens.mint(aw.room_b, "moderator")}
    response = await client.get(
        f"{API}/recordings/download", params={"recordingIds": f"{aw.rec},{aw.rec_b}"}, headers=token
    )
    assert response.status_code == 200, response.text
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        names = archive.namelist()
        assert len(names) == 1
        assert names[0].startswith(f"{aw.room_b}--")  # room B's recording, by its filename
        assert archive.read(names[0]) == world.media

    mine = await new_recording(world, aw.room_b)
    theirs = await new_recording(world, aw.room_a)
    try:
        response = await client.delete(
            f"{API}/recordings", params={"recordingIds": f"{theirs},{mine}"}, headers=token
        )
        assert response.status_code == 400, response.text
        body = response.json()
        assert body["deleted"] == [mine]
        assert [f["recordingId"] for f in body["failed"]] == [theirs]
        assert f"does not belong to room '{aw.room_b}'" in body["failed"][0]["error"]
        assert not await exists(world, mine)
        assert await exists(world, theirs)
    finally:
        await client.delete(f"{API}/recordings/{theirs}", headers=ADMIN_HEADERS)
        await client.delete(f"{API}/recordings/{mine}", headers=ADMIN_HEADERS)
