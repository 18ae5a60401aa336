"""Room member tokens: JWTs that carry a room, a role and a participant, minted by us or by the host's
identity provider.

Claims: ``sub`` (participant identity), ``name``, ``roomId``, ``role`` (``moderator`` | ``speaker``),
``iat``, ``nbf``, ``exp`` and, when configured, ``iss`` and ``aud``.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import json
import re
import secrets
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import jwt
from cryptography.hazmat.primitives.serialization import load_pem_public_key
from jwt import PyJWKClient

from meet_embed.auth.principal import MemberRole
from meet_embed.config import MeetEmbedConfig
from meet_embed.ids import is_room_id

__all__ = (
    "InvalidToken",
    "KeysUnavailable",
    "MemberClaims",
    "MemberTokens",
    "member_tokens_for",
    "mint_member_token",
)

_HMAC_ALGS = frozenset({"HS256", "HS384", "HS512"})
_ASYMMETRIC_ALGS = frozenset(
    {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"}
)
_MAX_TOKEN_LENGTH = 8192
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_LEEWAY = 5  # seconds of clock skew tolerated between the minting host and us
_VERIFIED_CACHE_SIZE = 4096


class InvalidToken(Exception):
    """The token cannot be trusted; the reason is for logs, never for the client."""


class KeysUnavailable(Exception):
    """The identity provider's JWKS could not be fetched or read: not the client's fault (a 503)."""


@dataclass(frozen=True, slots=True)
class MemberClaims:
    room_id: str
    role: MemberRole
    identity: str
    name: str | None
    expires_at: int


class MemberTokens:
    """Mints and verifies member tokens with an explicit algorithm allow-list."""

    def __init__(
        self,
        *,
        secret: str,
        algorithms: Sequence[str] = ("HS256",),
        public_keys: Sequence[str] = (),
        jwks_url: str | None = None,
        issuer: str | None = None,
        audience: str | None = None,
        default_ttl: int = 7200,
    ) -> None:
        unknown = set(algorithms) - _HMAC_ALGS - _ASYMMETRIC_ALGS
        if unknown:
            raise ValueError(f"unsupported JWT algorithms: {', '.join(sorted(unknown))}")
        self._secret = secret
        self._algorithms = tuple(algorithms)
        # Parsed once here: PyJWT would otherwise parse the PEM again on every request.
        self._public_keys = [load_pem_public_key(k.encode()) for k in public_keys]
        self._jwks = PyJWKClient(jwks_url, cache_keys=True, lifespan=300, timeout=5) if jwks_url else None
        self._issuer = issuer
        self._audience = audience
        self.default_ttl = default_ttl
        self._verified: dict[str, MemberClaims] = {}
        # We mint with the first allowed HMAC algorithm; with none allowed, only the host's IdP mints.
        self._mint_alg = next((a for a in self._algorithms if a in _HMAC_ALGS), None)

    @property
    def can_mint(self) -> bool:
        return self._mint_alg is not None

    def mint(
        self,
        room_id: str,
        role: MemberRole,
        *,
        identity: str | None = None,
        name: str | None = None,
        ttl: int | None = None,
    ) -> str:
        if self._mint_alg is None:
            raise RuntimeError("no HMAC algorithm is allowed, so meet-embed cannot mint member tokens")
        if role not in ("moderator", "speaker"):
            raise ValueError("role must be 'moderator' or 'speaker'")
        if not is_room_id(room_id):
            raise ValueError("not a valid room id")
        if identity is not None and (not identity or len(identity) > 200 or _CONTROL.search(identity)):
            raise ValueError("identity must be 1 to 200 characters without control characters")
        now = int(time.time())
        claims: dict[str, Any] = {
            "sub": identity or f"{role}-{secrets.token_hex(5)}",
            "jti": secrets.token_urlsafe(9),  # two tokens minted in the same second still differ
            "roomId": room_id,
            "role": role,
            "iat": now,
            "nbf": now,
            "exp": now + (ttl if ttl is not None else self.default_ttl),
        }
        if name:
            claims["name"] = name
        if self._issuer:
            claims["iss"] = self._issuer
        if self._audience:
            claims["aud"] = self._audience
        return jwt.encode(claims, self._secret, algorithm=self._mint_alg)

    async def verify(self, token: str) -> MemberClaims:
        """Verify a token; JWKS keys are fetched off the event loop and cached."""
        known = self._seen(token)
        if known is not None:
            return known
        alg = self._check_header(token)
        key: Any
        if alg in _HMAC_ALGS:
            key = self._secret
        elif self._jwks is not None:
            key = await asyncio.to_thread(self._jwks_key, token)
        else:
            return self._remember(token, self._decode_with_any(token, alg))
        return self._remember(token, self._decode(token, key, alg))

    def verify_sync(self, token: str) -> MemberClaims:
        known = self._seen(token)
        if known is not None:
            return known
        alg = self._check_header(token)
        if alg in _HMAC_ALGS:
            claims = self._decode(token, self._secret, alg)
        elif self._jwks is not None:
            claims = self._decode(token, self._jwks_key(token), alg)
        else:
            claims = self._decode_with_any(token, alg)
        return self._remember(token, claims)

    # A player or a list sends the same token with every request: its signature and claims are checked
    # once, then only its expiry. Keyed by the whole token, signature included, so a token that differs in
    # any byte is verified from scratch.
    def _seen(self, token: str) -> MemberClaims | None:
        claims = self._verified.get(token)
        if claims is None:
            return None
        if claims.expires_at <= time.time() - _LEEWAY:
            self._verified.pop(token, None)
            return None
        return claims

    def _remember(self, token: str, claims: MemberClaims) -> MemberClaims:
        if len(self._verified) >= _VERIFIED_CACHE_SIZE:
            self._verified.clear()
        self._verified[token] = claims
        return claims

    def _jwks_key(self, token: str) -> Any:
        assert self._jwks is not None
        try:
            return self._jwks.get_signing_key_from_jwt(token).key
        except (jwt.PyJWKClientConnectionError, jwt.PyJWKSetError, ValueError) as exc:
            # Unreachable, not JSON, or no usable key at all: the provider is down or misconfigured.
            raise KeysUnavailable(str(exc)) from exc
        except jwt.PyJWTError as exc:  # e.g. no key with the token's kid: the token is the odd one
            raise InvalidToken(f"no JWKS key: {exc}") from exc

    def _check_header(self, token: str) -> str:
        if len(token) > _MAX_TOKEN_LENGTH:
            raise InvalidToken("token too long")
        # Only to pick the key: PyJWT's decode parses the header again, strictly. (PyJWT's own
        # get_unverified_header costs a third of a whole verification.)
        head, dot, _ = token.partition(".")
        try:
            header = json.loads(base64.urlsafe_b64decode(head + "=" * (-len(head) % 4))) if dot else None
        except (ValueError, binascii.Error) as exc:
            raise InvalidToken(f"malformed header: {exc}") from exc
        if not isinstance(header, dict):
            raise InvalidToken("malformed header")
        alg = header.get("alg")
        # The key is chosen by algorithm family, so an HS256 token "signed" with an RSA public key never
        # meets that key, and 'none' never reaches PyJWT's decode.
        if not isinstance(alg, str) or alg not in self._algorithms:
            raise InvalidToken(f"algorithm {alg!r} not allowed")
        if alg in _ASYMMETRIC_ALGS and not (self._public_keys or self._jwks):
            raise InvalidToken("no public key configured")
        return alg

    def _decode_with_any(self, token: str, alg: str) -> MemberClaims:
        last: Exception | None = None
        for key in self._public_keys:
            try:
                return self._decode(token, key, alg)
            except InvalidToken as exc:
                last = exc
        raise InvalidToken(str(last) if last else "no public key configured")

    def _decode(self, token: str, key: Any, alg: str) -> MemberClaims:
        try:
            claims = jwt.decode(
                token,
                key,
                algorithms=[alg],
                issuer=self._issuer,
                audience=self._audience,
                leeway=_LEEWAY,
                options={"require": ["exp", "iat", "sub"], "verify_aud": self._audience is not None},
            )
        except (jwt.InvalidTokenError, jwt.InvalidKeyError, ValueError, TypeError) as exc:
            raise InvalidToken(str(exc)) from exc
        room_id, role, identity = claims.get("roomId"), claims.get("role"), claims.get("sub")
        if not isinstance(room_id, str) or not is_room_id(room_id):
            raise InvalidToken("missing or invalid roomId claim")
        if role not in ("moderator", "speaker"):
            raise InvalidToken("missing or invalid role claim")
        if not isinstance(identity, str) or not identity or len(identity) > 200 or _CONTROL.search(identity):
            raise InvalidToken("missing or invalid sub claim")
        name = claims.get("name")
        if isinstance(name, str) and _CONTROL.search(name):
            name = _CONTROL.sub("", name)
        return MemberClaims(
            room_id=room_id,
            role=role,
            identity=identity,
            name=name[:200] if isinstance(name, str) else None,
            expires_at=int(claims["exp"]),
        )


def member_tokens_for(config: MeetEmbedConfig) -> MemberTokens:
    """The token issuer/verifier a config describes (what the running app uses too)."""
    return MemberTokens(
        secret=config.resolved_jwt_secret(),
        algorithms=config.jwt_algorithms,
        public_keys=config.jwt_public_keys,
        jwks_url=config.jwks_url,
        issuer=config.jwt_issuer,
        audience=config.jwt_audience,
        default_ttl=config.member_token_ttl,
    )


def mint_member_token(
    config: MeetEmbedConfig,
    room_id: str,
    role: MemberRole,
    *,
    identity: str | None = None,
    name: str | None = None,
    ttl: int | None = None,
) -> str:
    """Mint a member token for a user of the host app, e.g. when it renders its meeting page::

    token = mint_member_token(config, room_id, "moderator", identity=user.id, name=user.name)
    """
    return member_tokens_for(config).mint(room_id, role, identity=identity, name=name, ttl=ttl)
