"""meet-embed inside the Django project: its configuration, its ASGI app and the admin hook.

The hook gets meet-embed's (Litestar) connection, not a Django request. It reads Django's own session
cookie with Django's own session engine (``SESSION_ENGINE``): the user who signed in to Django is the
user meet-embed sees, with nothing shared but the cookie Django already sets. With a database-backed
engine this is one session lookup, made through Django's async session API.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from django.conf import settings

from examples.common import Seeded
from examples.django_app.users import SESSION_KEY, USERS, User
from meet_embed import MeetEmbedConfig, create_app

__all__ = ("config", "meet_app", "seeded")


async def session_user(connection: Any) -> User | None:
    session_key = connection.cookies.get(settings.SESSION_COOKIE_NAME)
    if not session_key:
        return None
    session = import_module(settings.SESSION_ENGINE).SessionStore(session_key=session_key)
    return USERS.get(await session.aget(SESSION_KEY) or "")


async def is_admin(connection: Any) -> bool | str:
    user = await session_user(connection)
    return user.username if user is not None and user.admin else False


async def is_user(connection: Any) -> bool | str:
    user = await session_user(connection)
    return user.username if user is not None else False


config = MeetEmbedConfig(
    path=settings.MEET_EMBED_PATH,
    data_dir=settings.DATA_DIR / "meet",
    is_admin=is_admin,
    is_user=is_user,
)
seeded = Seeded()
meet_app = create_app(config, on_startup=[seeded.on_startup])
