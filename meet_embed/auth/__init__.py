"""Who may do what: API keys, member tokens, administrators, share secrets and the permission matrix."""

from meet_embed.auth.principal import MemberRole, Permissions, Principal, member_permissions
from meet_embed.auth.tokens import InvalidToken, MemberClaims, MemberTokens

__all__ = (
    "InvalidToken",
    "MemberClaims",
    "MemberRole",
    "MemberTokens",
    "Permissions",
    "Principal",
    "member_permissions",
)
