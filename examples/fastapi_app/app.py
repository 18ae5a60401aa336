"""A FastAPI host app that mounts meet-embed's ASGI app at ``/meet``.

- its own login: two users in memory, the user name kept in Starlette's signed session cookie
  (``SessionMiddleware``);
- meet-embed runs as a mounted sub-application (``app.mount("/meet", create_app(config))``) with
  ``path=""``: the mount already adds ``/meet``, and meet-embed reads its mount point from the ASGI
  ``root_path``. Mounted apps get no lifespan events from Starlette, so FastAPI's lifespan enters
  meet-embed's (database, migrations, sweeper, event channels);
- the ``is_admin`` hook gets meet-embed's (Litestar) connection. ``SessionMiddleware`` wraps the whole
  FastAPI app, mounts included, and puts the decoded session into the ASGI scope, which the mounted app
  shares: the hook reads ``connection.scope["session"]``, no second cookie and no second signature check;
- ``/recordings`` embeds ``<meet-recordings>`` with a member token minted here (moderator for the
  administrator, speaker for everyone else); ``/meeting`` embeds meet-embed's room page in an iframe.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, FastAPI, Form, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.middleware.sessions import SessionMiddleware
from werkzeug.security import check_password_hash, generate_password_hash

from examples.common import Seeded, host_secret
from meet_embed import MeetEmbedConfig, create_app, mint_member_token

__all__ = ("USERS", "User", "create_host_app")


@dataclass(frozen=True)
class User:
    username: str
    name: str
    password_hash: str
    admin: bool

    @property
    def role(self) -> Literal["moderator", "speaker"]:
        """The role this user gets in the example room."""
        return "moderator" if self.admin else "speaker"


USERS = {
    u.username: u
    for u in (
        User("ada", "Ada Lovelace", generate_password_hash("ada-password"), admin=True),
        User("bob", "Bob Martin", generate_password_hash("bob-password"), admin=False),
    )
}


def user_from_session(session: dict[str, Any] | None) -> User | None:
    return USERS.get((session or {}).get("user") or "")


# -- the hooks meet-embed calls with its own (Litestar) connection -----------------------------------------


def is_admin(connection: Any) -> bool | str:
    user = user_from_session(connection.scope.get("session"))
    return user.username if user is not None and user.admin else False


def is_user(connection: Any) -> bool | str:
    user = user_from_session(connection.scope.get("session"))
    return user.username if user is not None else False


# -- the host's pages -------------------------------------------------------------------------------------

templates = Jinja2Templates(directory=Path(__file__).parent / "templates")
router = APIRouter()


def current_user(request: Request) -> User | None:
    return user_from_session(request.session)


def _safe_next(target: str) -> str:
    return target if target.startswith("/") and not target.startswith("//") and "\\" not in target else "/"


def _to_login(request: Request) -> RedirectResponse:
    return RedirectResponse(f"/login?next={quote(request.url.path, safe='')}", status_code=303)


@router.get("/")
async def home(request: Request) -> Response:
    return templates.TemplateResponse(request, "home.html", {"user": current_user(request)})


@router.get("/login")
async def login_page(request: Request, next: str = "/") -> Response:
    context = {"user": current_user(request), "next": _safe_next(next), "error": None}
    return templates.TemplateResponse(request, "login.html", context)


@router.post("/login")
async def login(
    request: Request,
    username: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/",
) -> Response:
    user = USERS.get(username.strip())
    if user is None or not check_password_hash(user.password_hash, password):
        context = {"user": None, "next": _safe_next(next), "error": "Wrong user name or password."}
        return templates.TemplateResponse(request, "login.html", context, status_code=401)
    request.session.clear()
    request.session["user"] = user.username
    return RedirectResponse(_safe_next(next), status_code=303)


@router.post("/logout")
async def logout(request: Request) -> Response:
    request.session.clear()
    return RedirectResponse("/login", status_code=303)


@router.get("/recordings")
async def recordings(request: Request) -> Response:
    user = current_user(request)
    if user is None:
        return _to_login(request)
    room = request.app.state.seeded.room
    # A member token for this user in the example room, minted with meet-embed's own configuration.
    token = mint_member_token(
        request.app.state.meet_config, room.room_id, user.role, identity=user.username, name=user.name
    )
    context = {"user": user, "room": room, "role": user.role, "token": token}
    return templates.TemplateResponse(request, "recordings.html", context)


@router.get("/meeting")
async def meeting(request: Request) -> Response:
    user = current_user(request)
    if user is None:
        return _to_login(request)
    room = request.app.state.seeded.room
    # The room page exchanges a room link's secret for a member token of that role.
    context = {"user": user, "room": room, "secret": room.secret_for(user.role)}
    return templates.TemplateResponse(request, "meeting.html", context)


def create_host_app(data_dir: Path) -> FastAPI:
    meet_config = MeetEmbedConfig(
        path="",  # the mount point below is the prefix
        data_dir=data_dir / "meet",
        is_admin=is_admin,
        is_user=is_user,
    )
    seeded = Seeded()
    meet = create_app(meet_config, on_startup=[seeded.on_startup])

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with meet.lifespan():  # meet-embed's start-up and shutdown, then the example room's seed
            yield

    app = FastAPI(lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None)
    app.state.meet_config = meet_config
    app.state.seeded = seeded
    app.add_middleware(SessionMiddleware, secret_key=host_secret(data_dir), same_site="lax")
    app.include_router(router)
    app.mount("/meet", meet)  # type: ignore[arg-type]  # any ASGI app
    return app
