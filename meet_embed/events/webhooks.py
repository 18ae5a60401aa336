"""Signed webhooks to the host application, as OpenVidu Meet sends them (reference section 9).

``POST {webhook_url}`` with ``{"event", "creationDate", "data"}``, headers ``X-Timestamp`` and
``X-Signature: hex(HMAC-SHA256(secret, "{timestamp}.{body}"))``; the timestamp is when the change happened,
not when it is sent. Sent in the background (a request never waits for the host), one recording's in the
order of its changes, 5 s per try, retried 5 times with back-off from 300 ms.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import time
from typing import Any

import httpx
import msgspec

__all__ = ("WebhookSender", "sign_webhook", "verify_webhook")

logger = logging.getLogger("meet_embed.webhooks")

RETRIES = 5
FIRST_BACKOFF = 0.3
TIMEOUT = 5.0


def sign_webhook(secret: str, timestamp: str, body: bytes) -> str:
    return hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()


def verify_webhook(secret: str, headers: dict[str, str], body: bytes, max_age: float = 300) -> bool:
    """For hosts (and our tests): is this webhook from meet-embed, and recent?"""
    lowered = {k.lower(): v for k, v in headers.items()}
    timestamp, signature = lowered.get("x-timestamp", ""), lowered.get("x-signature", "")
    if not timestamp.isdigit() or abs(time.time() * 1000 - int(timestamp)) > max_age * 1000:
        return False
    return hmac.compare_digest(sign_webhook(secret, timestamp, body), signature)


class WebhookSender:
    def __init__(
        self, url: str, secret: str, *, retries: int = RETRIES, first_backoff: float = FIRST_BACKOFF
    ) -> None:
        self.url = url
        self._secret = secret
        self._retries = retries
        self._backoff = first_backoff
        self._client = httpx.AsyncClient(timeout=TIMEOUT, follow_redirects=False)
        self.failures = 0
        """Webhooks given up on after every retry (exported as a metric)."""

    async def close(self) -> None:
        await self._client.aclose()

    def body(self, event: str, data: Any, created: int | None = None) -> tuple[str, bytes]:
        if created is None:
            created = int(time.time() * 1000)
        return str(created), msgspec.json.encode({"event": event, "creationDate": created, "data": data})

    async def deliver(self, event: str, data: Any, *, created: int | None = None) -> bool:
        """Send one webhook; ``created`` (ms) is when its change happened. ``False`` once given up."""
        timestamp, body = self.body(event, data, created)
        headers = {
            "Content-Type": "application/json",
            "X-Timestamp": timestamp,
            "X-Signature": sign_webhook(self._secret, timestamp, body),
        }
        delay = self._backoff
        for attempt in range(1, self._retries + 2):
            try:
                response = await self._client.post(self.url, content=body, headers=headers)
                if response.status_code < 300:
                    return True
                problem = f"HTTP {response.status_code}"
            except httpx.HTTPError as exc:
                problem = f"{type(exc).__name__}: {exc}"
            if attempt > self._retries:
                break
            logger.info(
                "webhook %s attempt %d failed (%s); retrying in %.1fs", event, attempt, problem, delay
            )
            await asyncio.sleep(delay)
            delay *= 2
        self.failures += 1
        from meet_embed.ops.metrics import WEBHOOK_FAILURES

        WEBHOOK_FAILURES.inc()
        logger.warning(
            "webhook %s to %s failed after %d attempts: %s", event, self.url, self._retries + 1, problem
        )
        return False
