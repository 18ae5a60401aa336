"""The server-rendered pages that host the web components (usable in an iframe as well):

- ``{path}/room/{roomId}?secret=…``: what a room link opens (the rooms API's ``moderatorUrl`` and
  ``speakerUrl``): the secret is exchanged for a member token here, and the page shows the recording
  controls and the room's recordings with it;
- ``{path}/recording/{recordingId}?secret=…``: a shared recording (a share link);
- ``{path}/console``: the administrators' console: every room's recordings, the rooms and their recording
  settings (``?view=rooms``), the audit trail (``?view=activity``, filtered by ``roomId``, ``recordingId``,
  ``action`` and ``actorKind``).

Pages render with meet-embed's own Jinja environment and carry a strict CSP (no inline script or style:
the behaviour is in the static ES module). Errors are pages too, with the right status, never JSON.
"""

from __future__ import annotations

import logging
import re
from typing import Annotated, Any
from urllib.parse import quote

from litestar import Controller, Request, Response, get
from litestar.di import NamedDependency
from litestar.enums import MediaType
from litestar.exceptions import HTTPException, ValidationException
from litestar.params import FromPath, QueryParameter
from litestar.response import Redirect

from meet_embed.audit.service import RequestAudit
from meet_embed.auth.access import ACCESS_KEY, RecordingAccess, recording_guard
from meet_embed.auth.resolver import call_hook, runtime_of
from meet_embed.errors import MeetError, NotFoundError
from meet_embed.errors import exception_handlers as api_exception_handlers
from meet_embed.ids import is_room_id, is_secret
from meet_embed.rooms.service import RoomError, RoomsService
from meet_embed.web.login import ADMIN_COOKIE
from meet_embed.web.security import page_headers
from meet_embed.web.templates import render
from meet_embed.web.urls import page_prefix

__all__ = ("PageError", "PagesController", "page_prefix")

logger = logging.getLogger("meet_embed.web")

ROLE_NAMES = {"moderator": "Moderator", "speaker": "Speaker"}

# The console's views: (tab label, icon path); the first one is the default, at the bare /console.
CONSOLE_VIEWS: dict[str, tuple[str, str]] = {
    "recordings": (
        "Recordings",
        "M4 6H2v14a2 2 0 0 0 2 2h14v-2H4V6zm16-4H8a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h12"
        "a2 2 0 0 0 2-2V4a2 2 0 0 0-2-2zm-8 12.5v-9l6 4.5-6 4.5z",
    ),
    "rooms": (
        "Rooms",
        "M16 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zm-8 0a3 3 0 1 0 0-6 3 3 0 0 0 0 6zm0 2c-2.33 0-7 1.17-7 3.5"
        "V19h14v-2.5C15 14.17 10.33 13 8 13zm8 0c-.29 0-.62.02-.97.05A4.22 4.22 0 0 1 17 16.5V19h6v-2.5"
        "c0-2.33-4.67-3.5-7-3.5z",
    ),
    "activity": (
        "Activity",
        "M13 3a9 9 0 0 0-9 9H1l3.89 3.89.07.14L9 12H6a7 7 0 1 1 2.05 4.95l-1.42 1.42A8.95 8.95 0 0 0"
        " 13 21a9 9 0 0 0 0-18zm-1 5v5l4.28 2.54.72-1.21-3.5-2.08V8H12z",
    ),
}
# Query parameters of the activity view, as the element's attributes name them.
ACTIVITY_FILTERS = {
    "roomId": "room-id",
    "recordingId": "recording-id",
    "action": "action",
    "actorKind": "actor-kind",
}
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")

_STATUS_TEXTS: dict[int, tuple[str, str]] = {
    400: ("This link does not work", "The link is not valid, or it has expired. Ask for a new one."),
    401: ("Sign-in needed", "Sign in to see this page."),
    403: ("Not allowed", "You do not have access to this page."),
    404: ("Not found", "This page does not exist, or what it showed was deleted."),
    409: ("Not available right now", "Try again in a moment."),
    429: ("Too many attempts", "Wait a minute, then try again."),
}
_FALLBACK = ("Something went wrong", "An error occurred on our side. Try again in a moment.")


class PageError(Exception):
    """An error shown as a page: a status, a title, a sentence, and maybe a way forward."""

    def __init__(
        self, status: int, title: str, message: str, *, action_url: str = "", action_label: str = ""
    ) -> None:
        super().__init__(message)
        self.status = status
        self.title = title
        self.message = message
        self.action_url = action_url
        self.action_label = action_label


def _page(request: Request[Any, Any, Any], template: str, status: int = 200, **context: Any) -> Response[str]:
    runtime = runtime_of(request)
    html = render(template, prefix=page_prefix(request), **context)
    return Response(
        html,
        status_code=status,
        media_type=MediaType.HTML,
        headers=page_headers(runtime.config.frame_ancestors),
    )


def _sign_in_url(request: Request[Any, Any, Any]) -> str:
    """The built-in login with a way back here, when the standalone login is enabled."""
    if not runtime_of(request).config.admin_password:
        return ""
    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return f"{page_prefix(request)}/login?next={quote(here, safe='')}"


def _private_viewers(request: Request[Any, Any, Any]) -> str:
    """Who can open a private share link, for the share dialog's words: the host's users when it has an
    ``is_user`` hook, else only those its admin hook (or the built-in login) lets in."""
    return "users" if callable(runtime_of(request).config.is_user) else "admins"


def _is_recording_page(request: Request[Any, Any, Any]) -> bool:
    return request.url.path.startswith(f"{page_prefix(request)}/recording/")


def _error_page(request: Request[Any, Any, Any], exc: Exception) -> Response[str]:
    if isinstance(exc, PageError):
        error = exc
    else:
        if isinstance(exc, MeetError):
            status = exc.status_code
        elif isinstance(exc, ValidationException):
            status = 400
        elif isinstance(exc, HTTPException):
            status = exc.status_code
        else:
            status = 500
        if status >= 500:
            logger.exception("unhandled error on page %s", request.url.path, exc_info=exc)
        title, message = _STATUS_TEXTS.get(status, _FALLBACK)
        error = PageError(status, title, message)
        if status == 401:
            sign_in = _sign_in_url(request)
            if _is_recording_page(request) and not request.query_params.get("secret"):
                # A share link always has its secret: without one it was cut short (signing in is only
                # for those who manage the recordings, so it comes second).
                title = "This link is incomplete"
                message = "The link is missing its secret part. Copy the whole link and open it again."
                label = "Sign in as an administrator" if sign_in else ""
            else:
                title = "Sign-in needed"
                message = (
                    "This is a private link: sign in to see it." if sign_in else "Sign in to see this page."
                )
                label = "Sign in" if sign_in else ""
            error = PageError(401, title, message, action_url=sign_in, action_label=label)
    return _page(request, "error.html", status=error.status, error=error, title=error.title)


class PagesController(Controller):
    path = "/"
    include_in_schema = False
    # The API's handlers answer JSON; on pages every error is a page.
    exception_handlers = {**dict.fromkeys(api_exception_handlers, _error_page), PageError: _error_page}

    @get("/room/{room_id:str}", media_type=MediaType.HTML)
    async def room_page(
        self,
        request: Request[Any, Any, Any],
        room_id: FromPath[str],
        rooms: NamedDependency[RoomsService],
        audit: NamedDependency[RequestAudit],
        secret: Annotated[str | None, QueryParameter(name="secret", max_length=256)] = None,
    ) -> Response[str]:
        room_id = room_id.strip()
        if not is_room_id(room_id):
            raise PageError(404, "Room not found", "This room does not exist, or it was deleted.")
        if not secret:
            raise PageError(
                400,
                "This room link is incomplete",
                "The link is missing its secret part. Copy the whole link and open it again.",
            )
        if not is_secret(secret):
            raise PageError(400, "This room link does not work", "The link is not valid. Ask for a new one.")
        try:
            role = await rooms.role_for_secret(room_id, secret)
        except NotFoundError:
            raise PageError(404, "Room not found", "This room does not exist, or it was deleted.") from None
        except RoomError:
            raise PageError(
                400, "This room link does not work", "The link is not valid for this room. Ask for a new one."
            ) from None
        room = await rooms.get(room_id)
        tokens = rooms.runtime.tokens
        if not tokens.can_mint:
            raise PageError(
                501,
                "Room links are not enabled",
                "This deployment signs in its members through its own identity provider.",
            )
        token = tokens.mint(room.room_id, role)
        claims = tokens.verify_sync(token)
        await audit(
            "token_issued",
            room_id=room.room_id,
            details={"role": role, "identity": claims.identity, "name": claims.name, "via": "room page"},
        )
        return _page(
            request,
            "room.html",
            title=room.room_name,
            room_id=room.room_id,
            room_name=room.room_name,
            role=role,
            role_name=ROLE_NAMES.get(role, role),
            token=token,
            private_viewers=_private_viewers(request),
        )

    @get(
        "/recording/{recording_id:str}",
        media_type=MediaType.HTML,
        guards=[recording_guard("retrieve", secrets=True)],
    )
    async def recording_page(
        self,
        request: Request[Any, Any, Any],
        recording_id: FromPath[str],
        secret: Annotated[str | None, QueryParameter(name="secret", max_length=256)] = None,
    ) -> Response[str]:
        access: RecordingAccess = request.scope[ACCESS_KEY]  # type: ignore[literal-required]
        recording = access.recording
        return _page(
            request,
            "recording.html",
            title=f"Recording of {recording.room_name}",
            recording_id=recording.recording_id,
            room_name=recording.room_name,
            secret=secret or "",
            sign_in_url=_sign_in_url(request),
        )

    @get("/console", media_type=MediaType.HTML)
    async def console_page(self, request: Request[Any, Any, Any]) -> Response[Any]:
        runtime = runtime_of(request)
        prefix = page_prefix(request)
        admin = await call_hook(runtime.is_admin_hook, request)
        if not admin:
            if runtime.config.admin_password:
                here = f"{prefix}/console" + (f"?{request.url.query}" if request.url.query else "")
                return Redirect(f"{prefix}/login?next={quote(here, safe='')}", status_code=303)
            raise PageError(
                403,
                "Administrators only",
                "The recordings console is for administrators. Sign in to the application as one.",
            )
        query = request.query_params
        view = query.get("view") or "recordings"
        if view not in CONSOLE_VIEWS:
            view = "recordings"
        views = {
            key: {
                "label": label,
                "icon": icon,
                "url": f"{prefix}/console" + ("" if key == "recordings" else f"?view={key}"),
                "title": f"{label} \u2013 Console",
            }
            for key, (label, icon) in CONSOLE_VIEWS.items()
        }
        # The activity's filters, for the element (unknown values are the API's to refuse, visibly).
        activity_filters = {}
        for name, attribute in ACTIVITY_FILTERS.items():
            value = (query.get(name) or "").strip()
            if value and len(value) <= 200 and not _CONTROL.search(value):
                activity_filters[attribute] = value
        return _page(
            request,
            "console.html",
            title=views[view]["title"],
            admin_name=admin if isinstance(admin, str) else "admin",
            can_sign_out=bool(runtime.config.admin_password and request.cookies.get(ADMIN_COOKIE)),
            view=view,
            views=views,
            activity_filters=activity_filters,
            private_viewers=_private_viewers(request),
            # No default retention is "kept forever" (0), which the rooms view says as such.
            default_retention_days=runtime.config.retention_days or 0,
        )
