"""Liveness and readiness: is the process up, and can it reach its database and its object store?"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any

from litestar import Controller, Response, get
from litestar.di import NamedDependency

from meet_embed.runtime import MeetRuntime, SchemaBehind

__all__ = ("HealthController",)

CHECK_TIMEOUT = 3.0


class HealthController(Controller):
    path = "/health"
    tags = ["Operations"]

    @get("/live", summary="Liveness: the process answers", security=[])
    async def live(self) -> dict[str, str]:
        return {"status": "ok"}

    @get(
        "/ready",
        summary="Readiness: the database (migrated), the object store and Redis (when configured) answer",
        description="200 when every check passes within 3 s, else 503 naming what failed. A database "
        "schema newer than this version (a rolling deploy migrated first) is ready, with a `warnings` entry.",
        security=[],
    )
    async def ready(self, meet: NamedDependency[MeetRuntime]) -> Response[dict[str, object]]:
        warnings: dict[str, str] = {}

        async def check(name: str, coro: Coroutine[Any, Any, str | None]) -> str:
            try:
                warning = await asyncio.wait_for(coro, CHECK_TIMEOUT)
            except TimeoutError:
                return "timeout"
            except SchemaBehind as exc:
                return f"error: {exc}"
            except Exception as exc:
                return f"error: {type(exc).__name__}"
            if warning:
                warnings[name] = warning
            return "ok"

        checks: dict[str, Coroutine[Any, Any, str | None]] = {
            "database": meet.db_ready(),
            "store": meet.store.check(),
        }
        if meet.config.redis_url:
            checks["redis"] = meet.redis_ping()
        answers = await asyncio.gather(*(check(name, c) for name, c in checks.items()))
        results = dict(zip(checks, answers, strict=True))
        healthy = all(v == "ok" for v in results.values())
        body: dict[str, object] = {"status": "ok" if healthy else "unavailable", "checks": results}
        if warnings:
            body["warnings"] = warnings
        return Response(body, status_code=200 if healthy else 503, headers={"Cache-Control": "no-store"})
