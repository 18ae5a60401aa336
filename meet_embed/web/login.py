"""The built-in administrator login of the standalone app (``admin_password``), on top of the admin hook."""

from __future__ import annotations

import hashlib
import hmac
import time
from typing import Annotated, Any

from litestar import Controller, Request, Response, get, post
from litestar.connection import ASGIConnection
from litestar.datastructures import Cookie
from litestar.enums import MediaType, RequestEncodingType
from litestar.params import Body, QueryParameter
from litestar.response import Redirect
from msgspec import Struct

from meet_embed.auth.resolver import call_hook, runtime_of
from meet_embed.config import AccessHook
from meet_embed.signing import BadSignature
from meet_embed.web.security import page_headers
from meet_embed.web.templates import render
from meet_embed.web.urls import page_prefix

__all__ = ("ADMIN_COOKIE", "LoginController", "with_admin_session")

ADMIN_COOKIE = "meet_admin"
ADMIN_USER = "admin"
SESSION_SECONDS = 12 * 3600


class LoginForm(Struct):
    username: str = ""
    password: str = ""
    next: str = ""


def _fingerprint(password: str) -> str:
    # Part of the session, so changing the password ends every session made with the old one.
    return hashlib.sha256(b"meet-embed-admin:" + password.encode()).hexdigest()[:16]


def _safe_next(prefix: str, target: str) -> str:
    """Only paths of our own pages: never an absolute URL, a scheme-relative ``//host`` or a backslash."""
    default = f"{prefix}/console"
    if not target.startswith(f"{prefix}/") or target.startswith("//") or "\\" in target or "\n" in target:
        return default
    return target


def with_admin_session(host_hook: AccessHook | None) -> AccessHook:
    """The host's hook, or else a valid admin session cookie."""

    async def is_admin(connection: ASGIConnection[Any, Any, Any, Any]) -> bool | str:
        if host_hook is not None:
            answer = await call_hook(host_hook, connection)
            if answer:
                return answer
        runtime = runtime_of(connection)
        raw = connection.cookies.get(ADMIN_COOKIE)
        password = runtime.config.admin_password
        if not raw or not password:
            return False
        try:
            name, expires, fingerprint = runtime.signer.loads("admin-session", raw)
        except (BadSignature, ValueError, TypeError):
            return False
        if not isinstance(expires, int) or expires < time.time() or fingerprint != _fingerprint(password):
            return False
        return str(name)

    return is_admin


class LoginController(Controller):
    path = "/"
    include_in_schema = False

    @get("/login", media_type=MediaType.HTML)
    async def login_page(
        self, request: Request[Any, Any, Any], next_page: Annotated[str, QueryParameter(name="next")] = ""
    ) -> Response[str]:
        runtime = runtime_of(request)
        prefix = page_prefix(request)
        html = render("login.html", prefix=prefix, next=_safe_next(prefix, next_page), error=None)
        return Response(html, media_type=MediaType.HTML, headers=page_headers(runtime.config.frame_ancestors))

    @post("/login", media_type=MediaType.HTML, status_code=303)
    async def login(
        self,
        request: Request[Any, Any, Any],
        data: Annotated[LoginForm, Body(media_type=RequestEncodingType.URL_ENCODED)],
    ) -> Response[str]:
        runtime = runtime_of(request)
        prefix = page_prefix(request)
        password = runtime.config.admin_password or ""
        ok = bool(password) and hmac.compare_digest(
            hashlib.sha256(data.password.encode()).digest(), hashlib.sha256(password.encode()).digest()
        )
        ok = ok and hmac.compare_digest(data.username.encode(), ADMIN_USER.encode())
        target = _safe_next(prefix, data.next)
        if not ok:
            html = render("login.html", prefix=prefix, next=target, error="Wrong user name or password.")
            return Response(
                html,
                status_code=401,
                media_type=MediaType.HTML,
                headers=page_headers(runtime.config.frame_ancestors),
            )
        session = runtime.signer.dumps(
            "admin-session", [ADMIN_USER, int(time.time()) + SESSION_SECONDS, _fingerprint(password)]
        )
        cookie = Cookie(
            key=ADMIN_COOKIE,
            value=session,
            path=prefix or "/",
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
            max_age=SESSION_SECONDS,
        )
        return Redirect(target, status_code=303, cookies=[cookie])

    @post("/logout", status_code=303)
    async def logout(self, request: Request[Any, Any, Any]) -> Response[str]:
        prefix = page_prefix(request)
        return Redirect(
            f"{prefix}/login",
            status_code=303,
            cookies=[Cookie(key=ADMIN_COOKIE, value="", path=prefix or "/", max_age=0)],
        )
