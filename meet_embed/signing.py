"""Tamper-proof tokens of our own: page tokens, signed media URLs, session cookies.

A token is ``base64url(json).base64url(hmac)``; the HMAC key is derived per purpose from the configured
secret key, so a token minted for one purpose is worthless for another.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from typing import Any

import msgspec

__all__ = ("BadSignature", "Signer")


class BadSignature(ValueError):
    """The token is malformed, was tampered with, or was made for another purpose."""


def _b64e(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _b64d(data: str) -> bytes:
    return base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))


class Signer:
    def __init__(self, secret_key: str) -> None:
        self._root = hashlib.sha256(b"meet-embed/v1:" + secret_key.encode()).digest()
        self._keys: dict[str, bytes] = {}

    def key(self, purpose: str) -> bytes:
        try:
            return self._keys[purpose]
        except KeyError:
            key = self._keys[purpose] = hmac.new(self._root, purpose.encode(), hashlib.sha256).digest()
            return key

    def mac(self, purpose: str, message: bytes, length: int = 18) -> str:
        return _b64e(hmac.new(self.key(purpose), message, hashlib.sha256).digest()[:length])

    def verify_mac(self, purpose: str, message: bytes, mac: str, length: int = 18) -> bool:
        return hmac.compare_digest(
            self.mac(purpose, message, length).encode(), mac.encode("utf-8", "replace")
        )

    def dumps(self, purpose: str, value: Any) -> str:
        body = _b64e(msgspec.json.encode(value))
        return f"{body}.{self.mac(purpose, body.encode())}"

    def loads(self, purpose: str, token: str, max_length: int = 2048) -> Any:
        if not token or len(token) > max_length or not token.isascii() or token.count(".") != 1:
            raise BadSignature("malformed token")
        body, mac = token.split(".")
        if not self.verify_mac(purpose, body.encode(), mac):
            raise BadSignature("bad signature")
        try:
            return msgspec.json.decode(_b64d(body))
        except (ValueError, msgspec.DecodeError) as exc:  # pragma: no cover - a valid MAC over junk
            raise BadSignature("malformed token") from exc
