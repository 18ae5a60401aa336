"""A Flask (WSGI) host app that mounts meet-embed's ASGI app at ``/meet`` through a2wsgi.

- its own login: two users in memory, the user name kept in Flask's signed session cookie;
- a2wsgi runs meet-embed on an event loop of its own (in a thread); :class:`~.bridge.WSGIBridge` adds
  what a2wsgi lacks (meet-embed's lifespan, no hop-by-hop headers, closed streams ended), and werkzeug's
  ``DispatcherMiddleware`` sends ``/meet/…`` there (``SCRIPT_NAME=/meet``, which a2wsgi hands on as the
  ASGI ``root_path``; hence ``path=""``);
- the ``is_admin`` hook gets meet-embed's (Litestar) connection, so it decodes Flask's session cookie with
  Flask's own session serializer (same secret key, same salt, same expiry): the cookie is the only thing
  both sides share;
- ``/recordings`` embeds ``<meet-recordings>`` with a member token minted here (moderator for the
  administrator, speaker for everyone else); ``/meeting`` embeds meet-embed's room page in an iframe.

Each open Server-Sent Events stream (the recording indicator) holds one WSGI worker thread: run it on a
threaded server (werkzeug's, waitress, gunicorn ``--threads``), never on one-request-at-a-time workers.
"""

from __future__ import annotations

import atexit
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote

from flask import Flask, redirect, render_template, request, session
from itsdangerous import BadSignature
from werkzeug.middleware.dispatcher import DispatcherMiddleware
from werkzeug.security import check_password_hash, generate_password_hash
from werkzeug.wrappers import Response

from examples.common import Seeded, host_secret
from meet_embed import MeetEmbedConfig, create_app, mint_member_token
from meet_embed.wsgi import WSGIBridge

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


def user_from_session_cookie(app: Flask, cookie: str | None) -> User | None:
    """The user of a Flask session cookie, read the way Flask reads it."""
    serializer = app.session_interface.get_signing_serializer(app)  # type: ignore[attr-defined]
    if not cookie or serializer is None:
        return None
    try:
        data = serializer.loads(cookie, max_age=int(app.permanent_session_lifetime.total_seconds()))
    except BadSignature:
        return None
    return USERS.get(data.get("user") or "")


def create_host_app(data_dir: Path) -> Flask:
    app = Flask(__name__)
    app.secret_key = host_secret(data_dir)
    app.config.update(SESSION_COOKIE_SAMESITE="Lax", SESSION_COOKIE_HTTPONLY=True)

    # -- the hooks meet-embed calls with its own (Litestar) connection ------------------------------------

    def current_user_of(connection: Any) -> User | None:
        return user_from_session_cookie(app, connection.cookies.get(app.config["SESSION_COOKIE_NAME"]))

    def is_admin(connection: Any) -> bool | str:
        user = current_user_of(connection)
        return user.username if user is not None and user.admin else False

    def is_user(connection: Any) -> bool | str:
        user = current_user_of(connection)
        return user.username if user is not None else False

    meet_config = MeetEmbedConfig(
        path="",  # the dispatcher's mount point is the prefix
        data_dir=data_dir / "meet",
        is_admin=is_admin,
        is_user=is_user,
    )
    seeded = Seeded()
    meet = create_app(meet_config, on_startup=[seeded.on_startup])
    meet_wsgi = WSGIBridge(meet)  # starts meet-embed (and seeds the example room) on the bridge's loop
    atexit.register(meet_wsgi.close)
    app.wsgi_app = DispatcherMiddleware(app.wsgi_app, {"/meet": meet_wsgi})  # type: ignore[method-assign]
    app.extensions["meet_embed"] = meet_wsgi

    # -- the host's pages ---------------------------------------------------------------------------------

    def current_user() -> User | None:
        return USERS.get(session.get("user") or "")

    def safe_next(target: str) -> str:
        return (
            target if target.startswith("/") and not target.startswith("//") and "\\" not in target else "/"
        )

    def to_login() -> Response:
        return redirect(f"/login?next={quote(request.path, safe='')}", code=303)

    @app.get("/")
    def home() -> str:
        return render_template("home.html", user=current_user())

    @app.get("/login")
    def login_page() -> str:
        return render_template(
            "login.html", user=current_user(), next=safe_next(request.args.get("next", "/")), error=None
        )

    @app.post("/login")
    def login() -> Any:
        target = safe_next(request.form.get("next", "/"))
        user = USERS.get(request.form.get("username", "").strip())
        if user is None or not check_password_hash(user.password_hash, request.form.get("password", "")):
            page = render_template("login.html", user=None, next=target, error="Wrong user name or password.")
            return page, 401
        session.clear()
        session["user"] = user.username
        return redirect(target, code=303)

    @app.post("/logout")
    def logout() -> Response:
        session.clear()
        return redirect("/login", code=303)

    @app.get("/recordings")
    def recordings() -> Any:
        user = current_user()
        if user is None:
            return to_login()
        room = seeded.room
        # A member token for this user in the example room, minted with meet-embed's own configuration.
        token = mint_member_token(
            meet_config, room.room_id, user.role, identity=user.username, name=user.name
        )
        return render_template("recordings.html", user=user, room=room, role=user.role, token=token)

    @app.get("/meeting")
    def meeting() -> Any:
        user = current_user()
        if user is None:
            return to_login()
        room = seeded.room
        # The room page exchanges a room link's secret for a member token of that role.
        return render_template("meeting.html", user=user, room=room, secret=room.secret_for(user.role))

    return app
