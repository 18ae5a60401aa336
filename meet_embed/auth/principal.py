"""Who is asking: the principal a request resolves to, and what its role may do in a room."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, TypeAlias

__all__ = ("MemberRole", "Permissions", "Principal", "PrincipalKind", "member_permissions")

MemberRole: TypeAlias = Literal["moderator", "speaker"]
PrincipalKind: TypeAlias = Literal["anonymous", "api_key", "admin", "member", "media_link"]


@dataclass(frozen=True, slots=True)
class Principal:
    kind: PrincipalKind
    name: str = ""
    """API key name, administrator name, or the member's participant identity."""
    room_id: str | None = None
    """Set for members (and media links made for a member): the only room they ever reach."""
    role: MemberRole | None = None
    display_name: str | None = None
    recording_id: str | None = None
    """Set for media links: the one recording the link opens."""
    expires_at: int | None = None
    """When the credential stops working (seconds since the epoch), for links made from it."""

    @property
    def is_privileged(self) -> bool:
        """API keys and administrators reach every room with every right."""
        return self.kind in ("api_key", "admin")

    def describe(self) -> str:
        if self.kind == "member":
            return f"{self.role} {self.name!r} of room {self.room_id}"
        return f"{self.kind} {self.name!r}" if self.name else self.kind


ANONYMOUS = Principal(kind="anonymous")


@dataclass(frozen=True, slots=True)
class Permissions:
    """What a principal may do with the recordings of one room, computed when the request arrives."""

    retrieve: bool = False
    """List, get, play, download (single and ZIP)."""
    delete: bool = False
    share: bool = False
    """Get share links, rotate their secrets."""
    record: bool = False
    """Start and stop recordings (also needs the room's recording enabled)."""

    @classmethod
    def everything(cls) -> Permissions:
        return cls(retrieve=True, delete=True, share=True, record=True)


def member_permissions(role: MemberRole | None, allow_access_to: str) -> Permissions:
    """The reference's rule (OpenVidu Meet 3.4-3.7 getRecordingPermissions): moderators retrieve, delete
    and share unless the room is admin-only; speakers only play, and only under
    ``admin_moderator_speaker``; only moderators record, whatever the access setting."""
    moderator_access = role == "moderator" and allow_access_to != "admin"
    return Permissions(
        retrieve=moderator_access or (role == "speaker" and allow_access_to == "admin_moderator_speaker"),
        delete=moderator_access,
        share=moderator_access,
        record=role == "moderator",
    )
