"""The example's user table: two users in memory (a real app would use django.contrib.auth)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from django.contrib.auth.hashers import make_password

SESSION_KEY = "example_user"


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
        User("ada", "Ada Lovelace", make_password("ada-password"), admin=True),
        User("bob", "Bob Martin", make_password("bob-password"), admin=False),
    )
}
