"""Media streaming: one client downloading a 1 GiB recording, and 64 clients doing ranged reads like video
players, through meet-embed on production ASGI servers, against nginx serving the same file (the practical
limit) and Starlette's ``FileResponse`` (what one would write by hand)."""

from __future__ import annotations

import asyncio
import os
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.common import (
    WORK,
    GiB,
    MemorySampler,
    MiB,
    Server,
    asgi_server,
    curl_download,
    free_port,
    median,
    need,
    percentile,
    ranges_script,
    ttfb_probe,
    wrk,
)

API_KEY = "bench-api-key-0123456789"
SECRET = "bench-secret-key-0123456789-0123456789"


@dataclass
class MediaResult:
    server: str
    single_gbps: float
    single_ttfb_ms: float
    ranged_rps: float
    ranged_gbps: float
    ranged_ttfb_p50_ms: float
    ranged_ttfb_p99_ms: float
    latency_p50_ms: float
    latency_p99_ms: float
    errors: int
    peak_rss_mb: float | None


def meet_env(data_dir: Path, **extra: str) -> dict[str, str]:
    return {
        "MEET_EMBED_DATA_DIR": str(data_dir),
        "MEET_EMBED_API_KEYS": f"bench={API_KEY}",
        "MEET_EMBED_SECRET_KEY": SECRET,
        "MEET_EMBED_RATE_LIMIT_SECRETS": "100000000",
        "MEET_EMBED_MEDIA_LINK_TTL": "86400",
        "MEET_EMBED_SWEEP_INTERVAL": "3600",
        **extra,
    }


def make_file(path: Path, size: int) -> Path:
    if path.exists() and path.stat().st_size == size:
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        for _ in range(size // MiB):
            out.write(os.urandom(MiB))
    return path


async def seed_recordings(data_dir: Path, source: Path, count: int = 1) -> list[str]:
    """Recordings whose media is ``source`` (hard-linked), registered as complete."""
    from meet_embed import MeetEmbedConfig
    from meet_embed.db.base import now_ms
    from meet_embed.recordings.models import RecordingModel
    from meet_embed.rooms.schemas import RoomCreate
    from meet_embed.rooms.service import RoomsService
    from meet_embed.runtime import MeetRuntime

    if data_dir.exists():
        shutil.rmtree(data_dir)
    runtime = MeetRuntime.create(MeetEmbedConfig(data_dir=data_dir, secret_key=SECRET, api_keys=[API_KEY]))
    await runtime.startup(background=False)
    ids = []
    async with runtime.db.sessionmaker() as session:
        room = await RoomsService(session, runtime).create(RoomCreate(room_name="Benchmark"))
    for n in range(count):
        uid = f"bench{n:05d}"
        key = f"recordings/{room.room_id}/{room.room_id}--{uid}.mp4"
        dest = data_dir / "media" / key
        dest.parent.mkdir(parents=True, exist_ok=True)
        os.link(source, dest)
        rid = f"{room.room_id}--EG_bench{n}--{uid}"
        async with runtime.db.sessionmaker() as session, session.begin():
            session.add(
                RecordingModel(
                    recording_id=rid,
                    room_id=room.room_id,
                    room_name=room.room_name,
                    status="complete",
                    filename=dest.name,
                    start_date=now_ms() - n * 1000,
                    end_date=now_ms(),
                    duration=3600.0,
                    size=source.stat().st_size,
                    media_key=key,
                    content_type="video/mp4",
                    crc32=_crc(source),
                    backend="import",
                )
            )
        ids.append(rid)
    await runtime.shutdown()
    return ids


_CRC: dict[str, int] = {}


def _crc(path: Path) -> int:
    import zlib

    key = f"{path}:{path.stat().st_mtime_ns}"
    if key not in _CRC:
        crc = 0
        with path.open("rb") as f:
            while chunk := f.read(8 * MiB):
                crc = zlib.crc32(chunk, crc)
        _CRC[key] = crc
    return _CRC[key]


def media_link(base: str, recording_id: str) -> str:
    import httpx

    r = httpx.get(f"{base}/meet/api/v1/recordings/{recording_id}/media-url", headers={"X-API-KEY": API_KEY})
    r.raise_for_status()
    return str(r.json()["url"])


def nginx_server(root: Path, port: int, workers: int) -> Server:
    conf = WORK / "nginx.conf"
    conf.write_text(
        f"""
worker_processes {workers};
pid {WORK}/nginx.pid;
error_log {WORK}/nginx-error.log;
daemon off;
events {{ worker_connections 4096; }}
http {{
  access_log off;
  sendfile on; tcp_nopush on;
  server {{ listen 127.0.0.1:{port}; root {root}; location / {{ }} }}
}}
"""
    )
    return Server("nginx", [need("nginx"), "-c", str(conf)], port, ready_path="/")


def measure(
    server: Server, url: str, size: int, *, seconds: int, headers: tuple[str, ...] = ()
) -> MediaResult:
    chunk = MiB
    assert server.process is not None
    with MemorySampler(server.process.pid) as memory:
        singles = [curl_download(url, headers) for _ in range(3)]
        probe: list[float] = []
        thread = threading.Thread(
            target=lambda: probe.extend(
                ttfb_probe(url, clients=4, requests=4 * 40, size=size, chunk=chunk, headers=headers)
            )
        )
        thread.start()
        result = wrk(url, connections=60, seconds=seconds, script=ranges_script(size, chunk), headers=headers)
        thread.join()
    single_seconds = median([s[0] for s in singles])
    return MediaResult(
        server=server.name,
        single_gbps=size / single_seconds / 1e9,
        single_ttfb_ms=median([s[1] for s in singles]) * 1000,
        ranged_rps=result.requests_per_second,
        ranged_gbps=result.bytes_per_second / 1e9,
        ranged_ttfb_p50_ms=percentile(probe, 0.5),
        ranged_ttfb_p99_ms=percentile(probe, 0.99),
        latency_p50_ms=result.latency_p50_ms,
        latency_p99_ms=result.latency_p99_ms,
        errors=result.errors,
        peak_rss_mb=memory.peak / MiB if server.name != "nginx" else None,
    )


def run(*, size: int = GiB, seconds: int = 15, workers: int | None = None) -> dict[str, Any]:
    need("wrk")
    need("curl")
    workers = workers or os.cpu_count() or 1
    WORK.mkdir(parents=True, exist_ok=True)
    source = make_file(WORK / "media-src" / "recording.mp4", size)
    data_dir = WORK / "media-data"
    (recording_id,) = asyncio.run(seed_recordings(data_dir, source))
    env = meet_env(data_dir)
    results: list[MediaResult] = []

    # (server, path measured on it; empty: meet-embed's signed media link)
    servers: list[tuple[Server, str]] = [
        (nginx_server(source.parent, free_port(), workers), "/recording.mp4")
    ]
    meet = "bench.apps:meet_app"
    file_env = {"BENCH_FILE": str(source)}
    servers += [
        (asgi_server("meet-embed (Granian)", meet, workers=workers, env=env), ""),
        (
            asgi_server(
                "meet-embed (Granian, pathsend)",
                meet,
                workers=workers,
                env={**env, "MEET_EMBED_MEDIA_PATHSEND": "true"},
            ),
            "",
        ),
        (asgi_server("meet-embed (uvicorn)", meet, server="uvicorn", workers=workers, env=env), ""),
        (
            asgi_server(
                "minimal ASGI app (Granian)",
                "bench.apps:minimal_app",
                workers=workers,
                env=file_env,
                ready_path="/",
            ),
            "/media",
        ),
        (
            asgi_server(
                "Starlette FileResponse (uvicorn)",
                "bench.apps:starlette_app",
                server="uvicorn",
                workers=workers,
                env=file_env,
                ready_path="/media",
            ),
            "/media",
        ),
    ]
    for server, url in servers:
        with server.running():
            target = server.base + url if url else media_link(server.base, recording_id)
            print(f"  {server.name}: {target[:80]}…", flush=True)
            results.append(measure(server, target, size, seconds=seconds))
            print(f"    {results[-1]}", flush=True)
    return {"size": size, "workers": workers, "results": results}
