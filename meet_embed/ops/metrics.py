"""Prometheus metrics: Litestar's request metrics for meet-embed's routes plus its own.

prometheus_client keeps metrics per process; these are created once and shared by every app in it.
"""

from __future__ import annotations

from litestar.plugins.prometheus import PrometheusConfig, PrometheusController
from prometheus_client import Counter, Gauge, Histogram

__all__ = (
    "ACTIVE_RECORDINGS",
    "FINALIZE_SECONDS",
    "MEDIA_BYTES",
    "WEBHOOK_FAILURES",
    "metrics_controller",
    "prometheus_config",
)

MEDIA_BYTES = Counter("meet_embed_media_bytes_sent", "Bytes of recordings' media sent to clients", ["kind"])
ACTIVE_RECORDINGS = Gauge("meet_embed_active_recordings", "Recordings starting, active or ending")
FINALIZE_SECONDS = Histogram(
    "meet_embed_finalize_seconds",
    "Time to finalize a recording (assemble, remux, poster, upload)",
    buckets=(0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 900),
)
WEBHOOK_FAILURES = Counter("meet_embed_webhook_failures", "Webhooks given up on after every retry")


def prometheus_config(app_name: str = "meet_embed") -> PrometheusConfig:
    return PrometheusConfig(app_name=app_name, prefix="meet_embed", group_path=True)


def metrics_controller(path: str) -> type[PrometheusController]:
    class MeetMetricsController(PrometheusController):
        pass

    MeetMetricsController.path = path
    MeetMetricsController.include_in_schema = False
    return MeetMetricsController
