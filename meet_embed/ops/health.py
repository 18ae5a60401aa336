"""Liveness and readiness: is the process up, and can it reach its database and its object store?"""

from __future__ import annotations

import asyncio

from litestar import Controller, Response, get
from litestar.di import NamedDependency

from meet_embed.runtime import MeetRuntime

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
        summary="Readiness: the database and the object store answer",
        description="200 when both answer within 3 s, else 503 naming what failed.",
        security=[],
    )
    async def ready(self, meet: NamedDependency[MeetRuntime]) -> Response[dict[str, object]]:
        async def check(coro: object) -> str:
            try:
                await asyncio.wait_for(coro, CHECK_TIMEOUT)  # type: ignore[arg-type]
            except TimeoutError:
                return "timeout"
            except Exception as exc:
                return f"error: {type(exc).__name__}"
            return "ok"

        database, store = await asyncio.gather(check(meet.db.ping()), check(meet.store.check()))
        checks = {"database": database, "store": store}
        healthy = all(v == "ok" for v in checks.values())
        return Response(
            {"status": "ok" if healthy else "unavailable", "checks": checks},
            status_code=200 if healthy else 503,
            headers={"Cache-Control": "no-store"},
        )
