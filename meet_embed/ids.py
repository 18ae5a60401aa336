"""Identifiers and secrets: how they are made and what an acceptable one looks like.

Room ids never contain ``--``, which makes recording ids (``{roomId}--EG_{egress}--{uid}``, the reference's
format) unambiguous to split. Everything that reaches a storage key or a query passes one of these
patterns first, so path tricks (``..``, ``/``, NUL, absurd lengths) end as a 422 here.
"""

from __future__ import annotations

import re
import secrets
import string

__all__ = (
    "RECORDING_ID_MAX",
    "ROOM_ID_MAX",
    "is_recording_id",
    "is_room_id",
    "is_secret",
    "new_egress_id",
    "new_recording_id",
    "new_room_id",
    "new_secret",
    "room_of_recording",
    "sanitize_room_prefix",
)

ROOM_ID_MAX = 100
RECORDING_ID_MAX = 200
_ALNUM = string.ascii_lowercase + string.digits

_ROOM_ID = re.compile(r"[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*")
_RECORDING_ID = re.compile(
    r"(?P<room>[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*)--(?P<egress>EG_[A-Za-z0-9]+)--(?P<uid>[A-Za-z0-9]+)"
)
_SECRET = re.compile(r"[A-Za-z0-9_-]{8,128}")


def _uid(n: int) -> str:
    return "".join(secrets.choice(_ALNUM) for _ in range(n))


def sanitize_room_prefix(name: str) -> str:
    """The readable part of a room id: the name's letters, digits, ``_`` and single hyphens."""
    cleaned = re.sub(r"[^A-Za-z0-9_-]", "", name)
    cleaned = re.sub(r"-{2,}", "-", cleaned).strip("-_")
    return cleaned[:50].strip("-") or "room"


def new_room_id(room_name: str) -> str:
    return f"{sanitize_room_prefix(room_name)}-{_uid(15)}"


def new_egress_id() -> str:
    return "EG_" + secrets.token_hex(6)


def new_recording_id(room_id: str, egress_id: str | None = None) -> str:
    return f"{room_id}--{egress_id or new_egress_id()}--{_uid(10)}"


def new_secret() -> str:
    """An unguessable link secret (192 bits)."""
    return secrets.token_urlsafe(24)


def is_room_id(value: str) -> bool:
    return len(value) <= ROOM_ID_MAX and _ROOM_ID.fullmatch(value) is not None


def is_recording_id(value: str) -> bool:
    return len(value) <= RECORDING_ID_MAX and _RECORDING_ID.fullmatch(value) is not None


def is_secret(value: str) -> bool:
    return _SECRET.fullmatch(value) is not None


def room_of_recording(recording_id: str) -> str:
    return recording_id.split("--", 1)[0]
