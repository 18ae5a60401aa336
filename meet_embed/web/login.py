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

from meet_embed.auth.resolver import call_hook, forged_elsewhere, runtime_of
from meet_embed.config import AccessHook
from meet_embed.signing import BadSignature
from meet_embed.web.security import page_headers
from meet_embed.web.templates import render
from meet_embed.web.urls import page_prefix

__all__ = ("ADMIN_COOKIE", "LoginController", "with_admin_session")

ADMIN_COOKIE = "meet_admin"
# Set with the login form, with the session cookie's attributes: when it does not come back with the form,
# the session cookie would not stick either (a frame on another site over plain HTTP, blocked cookies).
CHECK_COOKIE = "meet_login_check"
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
        if forged_elsewhere(connection):  # call_hook checks this for the host's hook
            return False
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


def _session_cookie_attributes(request: Request[Any, Any, Any]) -> dict[str, Any]:
    """``SameSite=None; Secure`` over HTTPS, so a frame on an allowed origin (``frame_ancestors``) keeps the
    session; on plain HTTP browsers refuse ``SameSite=None``, so ``Strict`` (the console then works framed
    by the same site only, and the login page says so)."""
    public_url = runtime_of(request).config.public_url or ""
    if request.url.scheme == "https" or public_url.startswith("https://"):
        return {"samesite": "none", "secure": True}
    return {"samesite": "strict", "secure": False}


def _check_cookie(request: Request[Any, Any, Any], prefix: str) -> Cookie:
    return Cookie(
        key=CHECK_COOKIE,
        value="1",
        path=prefix or "/",
        httponly=True,
        max_age=SESSION_SECONDS,
        **_session_cookie_attributes(request),
    )


class LoginController(Controller):
    path = "/"
    include_in_schema = False

    @get("/login", media_type=MediaType.HTML)
    async def login_page(
        self, request: Request[Any, Any, Any], next_page: Annotated[str, QueryParameter(name="next")] = ""
    ) -> Response[str]:
        runtime = runtime_of(request)
        prefix = page_prefix(request)
        html = render("login.html", prefix=prefix, next=_safe_next(prefix, next_page), error=None, lost=False)
        return Response(
            html,
            media_type=MediaType.HTML,
            headers=page_headers(runtime.config.frame_ancestors),
            cookies=[_check_cookie(request, prefix)],
        )

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
            html = render(
                "login.html", prefix=prefix, next=target, error="Wrong user name or password.", lost=False
            )
            return Response(
                html,
                status_code=401,
                media_type=MediaType.HTML,
                headers=page_headers(runtime.config.frame_ancestors),
            )
        if not request.cookies.get(CHECK_COOKIE) and request.headers.get("sec-fetch-dest") == "iframe":
            # Framed, and the browser did not keep the form's cookie: it would not keep the session either,
            # and the console would send us back here. Say so instead (a client that is no browser, or did
            # not show the form first, is not held up).
            html = render("login.html", prefix=prefix, next=target, error=None, lost=True)
            return Response(
                html,
                status_code=400,
                media_type=MediaType.HTML,
                headers=page_headers(runtime.config.frame_ancestors),
                cookies=[_check_cookie(request, prefix)],
            )
        session = runtime.signer.dumps(
            "admin-session", [ADMIN_USER, int(time.time()) + SESSION_SECONDS, _fingerprint(password)]
        )
        cookie = Cookie(
            key=ADMIN_COOKIE,
            value=session,
            path=prefix or "/",
            httponly=True,
            max_age=SESSION_SECONDS,
            **_session_cookie_attributes(request),
        )
        return Redirect(target, status_code=303, cookies=[cookie])

    @post("/logout", status_code=303)
    async def logout(self, request: Request[Any, Any, Any]) -> Response[str]:
        prefix = page_prefix(request)
        return Redirect(
            f"{prefix}/login",
            status_code=303,
            # With the session's attributes: a browser keeps no cookie it would refuse in this context,
            # the emptied one included.
            cookies=[
                Cookie(
                    key=ADMIN_COOKIE,
                    value="",
                    path=prefix or "/",
                    max_age=0,
                    httponly=True,
                    **_session_cookie_attributes(request),
                )
            ],
        )
