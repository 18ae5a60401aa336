"""Capture: how fast the server takes in uploaded chunks, and how long finalization takes per minute of
recording (assemble, remux to MP4, poster, upload)."""

from __future__ import annotations

import asyncio
import os
import time
from pathlib import Path
from typing import Any

from bench.common import WORK, MiB, asgi_server
from bench.media import API_KEY, meet_env

CHUNK = 2 * MiB


async def _ingest(base: str, rooms: list[str], chunks: int) -> float:
    import httpx

    headers = {"X-API-KEY": API_KEY}
    payload = os.urandom(CHUNK)
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        ids = []
        for room in rooms:
            r = await client.post("/meet/api/v1/recordings", json={"roomId": room}, headers=headers)
            r.raise_for_status()
            ids.append(r.json()["recordingId"])

        async def upload(rid: str) -> None:
            for seq in range(chunks):
                r = await client.put(
                    f"/meet/api/v1/recordings/{rid}/chunks/{seq}", content=payload, headers=headers
                )
                r.raise_for_status()

        t = time.perf_counter()
        await asyncio.gather(*(upload(rid) for rid in ids))
        elapsed = time.perf_counter() - t
        for rid in ids:
            await client.post(f"/meet/api/v1/recordings/{rid}/stop", headers=headers)
    return len(ids) * chunks * CHUNK / elapsed


async def _finalize(base: str, room: str, source: Path) -> float:
    import httpx

    headers = {"X-API-KEY": API_KEY}
    data = source.read_bytes()
    parts = [data[i : i + 512 * 1024] for i in range(0, len(data), 512 * 1024)]
    async with httpx.AsyncClient(base_url=base, timeout=120) as client:
        r = await client.post("/meet/api/v1/recordings", json={"roomId": room}, headers=headers)
        r.raise_for_status()
        rid = r.json()["recordingId"]
        for seq, part in enumerate(parts):
            final = "?final=true" if seq == len(parts) - 1 else ""
            (
                await client.put(
                    f"/meet/api/v1/recordings/{rid}/chunks/{seq}{final}", content=part, headers=headers
                )
            ).raise_for_status()
        t = time.perf_counter()
        (await client.post(f"/meet/api/v1/recordings/{rid}/stop", headers=headers)).raise_for_status()
        while True:
            status = (await client.get(f"/meet/api/v1/recordings/{rid}", headers=headers)).json()["status"]
            if status not in ("ending", "active"):
                break
            await asyncio.sleep(0.05)
        elapsed = time.perf_counter() - t
        assert status == "complete", status
    return elapsed


def run(*, chunks: int = 25, parallel: int = 8, minutes: float = 1.0) -> dict[str, Any]:
    import httpx

    from meet_embed.media.synth import synthesize

    data_dir = WORK / "capture-data"
    if data_dir.exists():
        import shutil

        shutil.rmtree(data_dir)
    source = WORK / f"capture-{minutes:g}min.webm"
    if not source.exists():
        print(f"    encoding a {minutes:g}-minute 1280x720 VP9/Opus WebM (once)…", flush=True)
        synthesize(source, minutes * 60, kind="webm", width=1280, height=720, fps=24)
    server = asgi_server(
        "meet-embed (Granian)",
        "bench.apps:meet_app",
        env=meet_env(data_dir, MEET_EMBED_MAX_CHUNK_BYTES=str(4 * MiB)),
    )
    with server.running():
        rooms = [
            httpx.post(
                f"{server.base}/meet/api/v1/rooms",
                json={"roomName": f"Capture {n}"},
                headers={"X-API-KEY": API_KEY},
            ).json()["roomId"]
            for n in range(parallel + 2)
        ]
        # A room of its own for each phase: a stopped recording keeps its room busy until it is finalized.
        single = asyncio.run(_ingest(server.base, rooms[:1], chunks))
        many = asyncio.run(_ingest(server.base, rooms[1 : parallel + 1], chunks))
        finalize = asyncio.run(_finalize(server.base, rooms[-1], source))
    return {
        "chunk_bytes": CHUNK,
        "single_mbps": single / 1e6,
        "parallel": parallel,
        "parallel_mbps": many / 1e6,
        "finalize_seconds": finalize,
        "recording_minutes": minutes,
        "source_bytes": source.stat().st_size,
        "finalize_seconds_per_minute": finalize / minutes,
    }
