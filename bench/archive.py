"""ZIP: five 1 GiB recordings downloaded as one archive through meet-embed, against reading the same files
raw; throughput and the app process's peak memory."""

from __future__ import annotations

import asyncio
import subprocess
import time
from pathlib import Path
from typing import Any

from bench.common import WORK, GiB, MemorySampler, MiB, asgi_server
from bench.media import API_KEY, make_file, meet_env, seed_recordings


def raw_read(paths: list[str]) -> float:
    """Seconds to read the files once with large reads (the anchor)."""
    t = time.perf_counter()
    for path in paths:
        with open(path, "rb", buffering=0) as f:
            while f.read(8 * MiB):
                pass
    return time.perf_counter() - t


def run(*, files: int = 5, size: int = GiB) -> dict[str, Any]:
    import httpx

    source = make_file(WORK / "media-src" / "recording.mp4", size)
    data_dir = WORK / "zip-data"
    ids = asyncio.run(seed_recordings(data_dir, source, count=files))
    server = asgi_server("meet-embed (Granian)", "bench.apps:meet_app", env=meet_env(data_dir))
    paths = [str(p) for p in (data_dir / "media").rglob("*.mp4")]
    raw_read(paths)  # warm the page cache for both
    raw = min(raw_read(paths) for _ in range(2))
    with server.running():
        assert server.process is not None
        link = httpx.get(
            f"{server.base}/meet/api/v1/recordings/download-url",
            params={"recordingIds": ",".join(ids)},
            headers={"X-API-KEY": API_KEY},
        ).json()["url"]
        runs = []
        # The app's process is Granian's worker; its supervisor is a process of its own (about 30 MB).
        children = Path(f"/proc/{server.process.pid}/task/{server.process.pid}/children").read_text().split()
        app_pid = int(children[0]) if children else server.process.pid
        with MemorySampler(app_pid) as memory:
            baseline = memory.peak
            for _ in range(2):
                out = subprocess.run(
                    [
                        "curl",
                        "-s",
                        "-o",
                        "/dev/null",
                        "-w",
                        "%{time_total} %{size_download} %{http_code}",
                        link,
                    ],
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout.split()
                assert out[2] == "200", out
                runs.append((float(out[0]), int(out[1])))
        seconds = min(r[0] for r in runs)
        total = runs[0][1]
    return {
        "files": files,
        "size": size,
        "archive_bytes": total,
        "zip_seconds": seconds,
        "zip_gbps": total / seconds / 1e9,
        "raw_seconds": raw,
        "raw_gbps": files * size / raw / 1e9,
        "ratio": (total / seconds) / (files * size / raw),
        "peak_rss_mb": memory.peak / MiB,
        "idle_rss_mb": baseline / MiB,
    }
