"""A Litestar host app with meet-embed added as a plugin.

- its own login: two users in memory, the user name kept in Litestar's (encrypted, client-side) session;
- meet-embed's administrators are decided by the ``is_admin`` hook, which reads that same session: the
  plugin's routes are routes of this app, so the session middleware runs for them too;
- ``/recordings`` embeds ``<meet-recordings>`` with a member token minted here (moderator for the
  administrator, speaker for everyone else); ``/meeting`` embeds meet-embed's room page in an iframe.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import quote

from litestar import Litestar, Request, Response, get, post
from litestar.connection import ASGIConnection
from litestar.datastructures import State
from litestar.enums import RequestEncodingType
from litestar.middleware.session.client_side import CookieBackendConfig
from litestar.params import Body
from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.response import Redirect, Template
from litestar.template.config import TemplateConfig
from werkzeug.security import check_password_hash, generate_password_hash

from examples.common import Seeded, host_secret
from meet_embed import MeetEmbedConfig, MeetEmbedPlugin, mint_member_token

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


def current_user(connection: ASGIConnection[Any, Any, Any, Any]) -> User | None:
    return USERS.get(connection.session.get("user") or "")


# -- the hooks meet-embed calls with its connection (here: a connection of this very app) ----------------


def is_admin(connection: ASGIConnection[Any, Any, Any, Any]) -> bool | str:
    user = current_user(connection)
    return user.username if user is not None and user.admin else False


def is_user(connection: ASGIConnection[Any, Any, Any, Any]) -> bool | str:
    user = current_user(connection)
    return user.username if user is not None else False


# -- the host's pages -------------------------------------------------------------------------------------


@dataclass
class LoginForm:
    username: str = ""
    password: str = ""
    next: str = "/"


def _safe_next(target: str) -> str:
    return target if target.startswith("/") and not target.startswith("//") and "\\" not in target else "/"


def _to_login(request: Request[Any, Any, Any]) -> Redirect:
    return Redirect(f"/login?next={quote(request.url.path, safe='')}", status_code=303)


@get("/")
async def home(request: Request[Any, Any, Any]) -> Template:
    return Template("home.html", context={"user": current_user(request)})


@get("/login")
async def login_page(request: Request[Any, Any, Any]) -> Template:
    target = _safe_next(request.query_params.get("next", "/"))
    return Template("login.html", context={"user": current_user(request), "next": target, "error": None})


@post("/login", status_code=303)
async def login(
    request: Request[Any, Any, Any],
    data: Annotated[LoginForm, Body(media_type=RequestEncodingType.URL_ENCODED)],
) -> Response[Any]:
    user = USERS.get(data.username.strip())
    if user is None or not check_password_hash(user.password_hash, data.password):
        context = {"user": None, "next": _safe_next(data.next), "error": "Wrong user name or password."}
        return Template("login.html", context=context, status_code=401)
    request.set_session({"user": user.username})
    return Redirect(_safe_next(data.next), status_code=303)


@post("/logout", status_code=303)
async def logout(request: Request[Any, Any, Any]) -> Redirect:
    request.clear_session()
    return Redirect("/login", status_code=303)


@get("/recordings")
async def recordings(request: Request[Any, Any, Any]) -> Response[Any]:
    user = current_user(request)
    if user is None:
        return _to_login(request)
    room = request.app.state.seeded.room
    # A member token for this user in the example room, minted with meet-embed's own configuration.
    token = mint_member_token(
        request.app.state.meet_config, room.room_id, user.role, identity=user.username, name=user.name
    )
    return Template(
        "recordings.html", context={"user": user, "room": room, "role": user.role, "token": token}
    )


@get("/meeting")
async def meeting(request: Request[Any, Any, Any]) -> Response[Any]:
    user = current_user(request)
    if user is None:
        return _to_login(request)
    room = request.app.state.seeded.room
    # The room page exchanges a room link's secret for a member token of that role.
    context = {"user": user, "room": room, "secret": room.secret_for(user.role)}
    return Template("meeting.html", context=context)


def create_host_app(data_dir: Path) -> Litestar:
    meet_config = MeetEmbedConfig(
        path="/meet",
        data_dir=data_dir / "meet",
        is_admin=is_admin,
        is_user=is_user,
    )
    seeded = Seeded()
    return Litestar(
        route_handlers=[home, login_page, login, logout, recordings, meeting],
        plugins=[MeetEmbedPlugin(meet_config)],
        middleware=[
            CookieBackendConfig(secret=bytes.fromhex(host_secret(data_dir)), samesite="lax").middleware
        ],
        template_config=TemplateConfig(
            directory=Path(__file__).parent / "templates", engine=JinjaTemplateEngine
        ),
        # meet-embed's own start-up (part of the plugin) runs first; then the example room is seeded.
        on_startup=[seeded.on_startup],
        state=State({"meet_config": meet_config, "seeded": seeded}),
    )
