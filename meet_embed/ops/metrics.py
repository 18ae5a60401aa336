"""Prometheus metrics: Litestar's request metrics for meet-embed's routes plus its own.

prometheus_client has one registry per process, and Litestar's Prometheus middleware keeps its metrics on
its class, told apart by an ``app_name`` label. meet-embed's own metrics follow the same rule: every series
carries ``app_name`` (``MeetEmbedConfig.resolved_metrics_app_name``), so the series of two meet-embed apps
in one process, or of a host's own Litestar metrics, never add up.

The code that counts (media bytes, finalizations, webhooks, the active gauge) is told nothing about the
app; the app's name reaches it through a context variable, set by the router's middleware for requests and
by :meth:`MeetRuntime.spawn` for background tasks. A context variable holds a value per task, not per
process, so two apps serving at once each see their own.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections.abc import Callable
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

from litestar import Controller, Response, get
from litestar.di import NamedDependency
from litestar.plugins.prometheus import PrometheusConfig
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)
from sqlalchemy import func, select

from meet_embed.recordings.models import IN_PROGRESS_CONDITION, RecordingModel
from meet_embed.runtime import MeetRuntime

if TYPE_CHECKING:
    from litestar.types import ASGIApp, Receive, Scope, Send

__all__ = (
    "ACTIVE_RECORDINGS",
    "DEFAULT_APP_NAME",
    "FINALIZE_SECONDS",
    "MEDIA_BYTES",
    "WEBHOOK_FAILURES",
    "app_name_middleware",
    "count_in_progress",
    "current_app_name",
    "metrics_controller",
    "prometheus_config",
    "use_app_name",
)

logger = logging.getLogger("meet_embed.metrics")

DEFAULT_APP_NAME = "meet_embed"
APP_LABEL = "app_name"
"""The label Litestar's middleware puts on its request metrics; meet-embed's own carry the same one."""

_app_name: ContextVar[str] = ContextVar("meet_embed_metrics_app_name", default=DEFAULT_APP_NAME)


def current_app_name() -> str:
    """The ``app_name`` of the app the running request or task belongs to (the default outside any, as in
    CLI commands)."""
    return _app_name.get()


def use_app_name(app_name: str) -> None:
    """Label what the current task (and the tasks it starts) counts with ``app_name``."""
    _app_name.set(app_name)


class AppCounter:
    """A counter whose every series is labelled with the current app's name."""

    def __init__(self, name: str, documentation: str, labelnames: tuple[str, ...] = ()) -> None:
        self.metric = Counter(name, documentation, [APP_LABEL, *labelnames])

    def labels(self, *values: str) -> Counter:
        return self.metric.labels(current_app_name(), *values)

    def inc(self, amount: float = 1) -> None:
        self.labels().inc(amount)


class AppGauge:
    """A gauge whose every series is labelled with the current app's name."""

    def __init__(self, name: str, documentation: str) -> None:
        # With PROMETHEUS_MULTIPROC_DIR each worker keeps its own value; the one written last is the count
        # the scraped worker has just read from the database.
        self.metric = Gauge(name, documentation, [APP_LABEL], multiprocess_mode="mostrecent")

    def labels(self, app_name: str | None = None) -> Gauge:
        return self.metric.labels(app_name or current_app_name())

    def set(self, value: float) -> None:
        self.labels().set(value)

    def forget(self, app_name: str) -> None:
        """Drop the app's series: no value is better than a wrong one."""
        with contextlib.suppress(KeyError):
            self.metric.remove(app_name)


class AppHistogram:
    """A histogram whose every series is labelled with the current app's name."""

    def __init__(self, name: str, documentation: str, buckets: tuple[float, ...]) -> None:
        self.metric = Histogram(name, documentation, [APP_LABEL], buckets=buckets)

    def labels(self) -> Histogram:
        return self.metric.labels(current_app_name())

    def observe(self, amount: float) -> None:
        self.labels().observe(amount)

    def time(self) -> Any:
        return self.labels().time()


MEDIA_BYTES = AppCounter(
    "meet_embed_media_bytes_sent", "Bytes of recordings' media sent to clients", ("kind",)
)
ACTIVE_RECORDINGS = AppGauge(
    "meet_embed_active_recordings",
    "Recordings starting, active or ending (every replica's, counted in the database at scrape time)",
)
FINALIZE_SECONDS = AppHistogram(
    "meet_embed_finalize_seconds",
    "Time to finalize a recording (assemble, remux, poster, upload)",
    buckets=(0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 900),
)
WEBHOOK_FAILURES = AppCounter("meet_embed_webhook_failures", "Webhooks given up on after every retry")

SCRAPE_COUNT_TIMEOUT = 2.0
"""Seconds the scrape waits for the database's count before it answers without the gauge."""


def prometheus_config(app_name: str = DEFAULT_APP_NAME) -> PrometheusConfig:
    return PrometheusConfig(app_name=app_name, prefix="meet_embed", group_path=True)


def app_name_middleware(app_name: str) -> Callable[[ASGIApp], ASGIApp]:
    """Middleware of meet-embed's router: what a request counts is labelled with this app's name."""

    def factory(app: ASGIApp) -> ASGIApp:
        async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
            token = _app_name.set(app_name)
            try:
                await app(scope, receive, send)
            finally:
                _app_name.reset(token)

        return middleware

    return factory


async def count_in_progress(runtime: MeetRuntime) -> int:
    """Recordings in progress in the whole deployment: one COUNT whose condition is the one of the partial
    index ``uq_meet_recordings_one_active_per_room``, so the database answers it from that small index."""
    async with runtime.db.sessionmaker() as session:
        count = await session.scalar(
            select(func.count()).select_from(RecordingModel).where(IN_PROGRESS_CONDITION)
        )
    return int(count or 0)


async def refresh_active_recordings(runtime: MeetRuntime) -> None:
    """Set the gauge from the database: what this replica last changed says nothing about the others, nor
    about what ran before a restart."""
    app_name = runtime.config.resolved_metrics_app_name
    try:
        count = await asyncio.wait_for(count_in_progress(runtime), SCRAPE_COUNT_TIMEOUT)
    except Exception:
        logger.warning("could not count the recordings in progress for the metrics", exc_info=True)
        ACTIVE_RECORDINGS.forget(app_name)
        return
    ACTIVE_RECORDINGS.labels(app_name).set(count)


def _exposition() -> bytes:
    registry: Any = REGISTRY
    if "prometheus_multiproc_dir" in os.environ or "PROMETHEUS_MULTIPROC_DIR" in os.environ:
        # Several worker processes: each writes its values to files there; a scrape reads them all.
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
    data: bytes = generate_latest(registry)
    return data


class MeetMetricsController(Controller):
    """Prometheus' text format, as Litestar's ``PrometheusController`` serves it (also in multiprocess
    mode), after refreshing what only the database knows."""

    include_in_schema = False

    @get("/")
    async def metrics(self, meet: NamedDependency[MeetRuntime]) -> Response[bytes]:
        await refresh_active_recordings(meet)
        return Response(_exposition(), status_code=200, headers={"Content-Type": CONTENT_TYPE_LATEST})


def metrics_controller(path: str) -> type[Controller]:
    return type("MeetMetricsController", (MeetMetricsController,), {"path": path})
