"""Shared pieces of the benchmarks: machine description, servers as subprocesses, memory sampling."""

from __future__ import annotations

import asyncio
import contextlib
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / ".work"
VENV_BIN = Path(sys.executable).parent
MiB = 1024 * 1024
GiB = 1024 * MiB


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def machine() -> dict[str, str]:
    cpu = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = "unknown"
    with contextlib.suppress(OSError):
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))  # type: ignore[union-attr]
        mem = f"{kb / 1024 / 1024:.1f} GiB"

    def version(cmd: Sequence[str]) -> str:
        try:
            out = subprocess.run(cmd, capture_output=True, text=True, timeout=10)
            return (out.stdout or out.stderr).strip().splitlines()[0]
        except (OSError, IndexError, subprocess.TimeoutExpired):
            return "not found"

    import importlib.metadata as md

    def pkg(name: str) -> str:
        try:
            return md.version(name)
        except md.PackageNotFoundError:
            return "not installed"

    return {
        "CPU": f"{cpu}, {os.cpu_count()} cores",
        "Memory": mem,
        "Kernel": platform.release(),
        "Python": platform.python_version(),
        "nginx": version(["nginx", "-v"]),
        "wrk": version(["wrk", "--version"]),
        "granian": pkg("granian"),
        "uvicorn": pkg("uvicorn"),
        "litestar": pkg("litestar"),
        "starlette": pkg("starlette"),
        "SQLAlchemy": pkg("sqlalchemy"),
        "obstore": pkg("obstore"),
        "Load average at start": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


def percentile(values: Sequence[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = (len(ordered) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


# -- processes ---------------------------------------------------------------------------------------------


def tree_rss(pid: int) -> int:
    """Resident memory of a process and its children, in bytes."""
    total = 0
    pids = [pid]
    with contextlib.suppress(OSError):
        for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split():
            pids.append(int(child))
    for p in pids:
        with contextlib.suppress(OSError, AttributeError):
            text = Path(f"/proc/{p}/status").read_text()
            total += int(re.search(r"VmRSS:\s+(\d+)", text).group(1)) * 1024  # type: ignore[union-attr]
    return total


@dataclass
class MemorySampler:
    pid: int
    interval: float = 0.05
    peak: int = 0
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def __enter__(self) -> MemorySampler:
        self.peak = tree_rss(self.pid)

        def run() -> None:
            while not self._stop.wait(self.interval):
                self.peak = max(self.peak, tree_rss(self.pid))

        self._thread = threading.Thread(target=run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join()


@dataclass
class Server:
    name: str
    command: list[str]
    port: int
    env: dict[str, str] = field(default_factory=dict)
    cwd: Path = ROOT
    ready_path: str = "/"
    process: subprocess.Popen[bytes] | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60) -> None:
        log = (WORK / f"{self.name}.log").open("wb")
        self.process = subprocess.Popen(
            self.command,
            cwd=self.cwd,
            env={**os.environ, **self.env},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited; see {log.name}")
            with contextlib.suppress(OSError):
                out = subprocess.run(
                    ["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", self.base + self.ready_path],
                    capture_output=True,
                    text=True,
                    timeout=5,
                )
                if out.stdout.startswith(("2", "3", "4")):
                    return
            time.sleep(0.2)
        raise RuntimeError(f"{self.name} did not answer on {self.base}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()

    @contextlib.contextmanager
    def running(self) -> Iterator[Server]:
        self.start()
        try:
            yield self
        finally:
            self.stop()


def asgi_server(
    name: str,
    app: str,
    *,
    server: str = "granian",
    workers: int = 1,
    env: dict[str, str] | None = None,
    ready_path: str = "/meet/health/live",
) -> Server:
    """An app factory (``module:function``) served by Granian or uvicorn on a free loopback port."""
    port = free_port()
    common = ["--factory", "--workers", str(workers), "--host", "127.0.0.1", "--port", str(port)]
    if server == "granian":
        command = [str(VENV_BIN / "granian"), "--interface", "asgi", *common, "--log-level", "warning", app]
    else:
        command = [str(VENV_BIN / "uvicorn"), *common, "--log-level", "warning", app]
    return Server(name, command, port, env=env or {}, ready_path=ready_path)


def need(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        raise SystemExit(f"{tool} is needed for the benchmarks (apt-get install {tool})")
    return path


# -- clients -------------------------------------------------------------------------------------------


def curl_download(url: str, headers: Sequence[str] = ()) -> tuple[float, float, int]:
    """One download with curl to /dev/null: ``(seconds, time to first byte, bytes)``."""
    cmd = [
        "curl",
        "-s",
        "-o",
        "/dev/null",
        "-w",
        "%{time_total} %{time_starttransfer} %{size_download} %{http_code}",
    ]
    for h in headers:
        cmd += ["-H", h]
    out = subprocess.run([*cmd, url], capture_output=True, text=True, check=True).stdout.split()
    if not out[3].startswith("2"):
        raise RuntimeError(f"{url}: HTTP {out[3]}")
    return float(out[0]), float(out[1]), int(out[2])


@dataclass
class WrkResult:
    requests_per_second: float
    bytes_per_second: float
    latency_p50_ms: float
    latency_p99_ms: float
    errors: int


def _unit(value: str) -> float:
    m = re.fullmatch(r"([\d.]+)(us|ms|s|m)?", value)
    if not m:
        return float("nan")
    number, unit = float(m.group(1)), m.group(2) or "s"
    return number * {"us": 1e-3, "ms": 1, "s": 1000, "m": 60000}[unit]


def _bytes(value: str) -> float:
    m = re.fullmatch(r"([\d.]+)([KMGT]?B)", value)
    if not m:
        return float("nan")
    return float(m.group(1)) * {"B": 1, "KB": 1024, "MB": MiB, "GB": GiB, "TB": 1024 * GiB}[m.group(2)]


def wrk(
    url: str,
    *,
    connections: int,
    seconds: int,
    script: Path | None = None,
    headers: Sequence[str] = (),
    threads: int = 2,
) -> WrkResult:
    cmd = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    if script:
        cmd += ["-s", str(script)]
    for h in headers:
        cmd += ["-H", h]
    out = subprocess.run([*cmd, url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    transfer = _bytes(re.search(r"Transfer/sec:\s+(\S+)", out).group(1))  # type: ignore[union-attr]
    # Lines of the latency distribution only: "75.50%" in the thread stats above would match too.
    p50 = _unit(re.search(r"^\s*50%\s+(\S+)", out, re.MULTILINE).group(1))  # type: ignore[union-attr]
    p99 = _unit(re.search(r"^\s*99%\s+(\S+)", out, re.MULTILINE).group(1))  # type: ignore[union-attr]
    errors = 0
    for m in re.finditer(
        r"Non-2xx or 3xx responses: (\d+)|Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)",
        out,
    ):
        errors += sum(int(g) for g in m.groups() if g)
    return WrkResult(rps, transfer, p50, p99, errors)


async def _ttfb_probe(
    host: str,
    port: int,
    path: str,
    headers: Sequence[str],
    ranges: Sequence[tuple[int, int]],
    results: list[float],
) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    try:
        for start, end in ranges:
            extra = "".join(f"{h}\r\n" for h in headers)
            request = (
                f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nRange: bytes={start}-{end}\r\n{extra}\r\n"
            )
            began = time.perf_counter()
            writer.write(request.encode())
            await writer.drain()
            head = await reader.readuntil(b"\r\n\r\n")
            first = time.perf_counter()
            length = int(re.search(rb"(?i)content-length:\s*(\d+)", head).group(1))  # type: ignore[union-attr]
            await reader.readexactly(length)
            results.append((first - began) * 1000)
    finally:
        writer.close()


def ttfb_probe(
    url: str, *, clients: int, requests: int, size: int, chunk: int, headers: Sequence[str] = ()
) -> list[float]:
    """Time to the first byte of responses (ms), from ``clients`` connections doing ranged reads."""
    import random
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    rng = random.Random(7)
    results: list[float] = []

    async def main() -> None:
        per = max(1, requests // clients)
        await asyncio.gather(
            *(
                _ttfb_probe(
                    parts.hostname or "127.0.0.1",
                    parts.port or 80,
                    parts.path + (f"?{parts.query}" if parts.query else ""),
                    headers,
                    [
                        (s, s + chunk - 1)
                        for s in (rng.randrange(0, size // chunk) * chunk for _ in range(per))
                    ],
                    results,
                )
                for _ in range(clients)
            )
        )

    asyncio.run(main())
    return results


RANGES_LUA = """
local size = {size}
local chunk = {chunk}
math.randomseed({seed})
request = function()
  local start = math.random(0, size / chunk - 1) * chunk
  wrk.headers["Range"] = "bytes=" .. start .. "-" .. (start + chunk - 1)
  return wrk.format("GET", nil)
end
"""


def ranges_script(size: int, chunk: int, seed: int = 42) -> Path:
    path = WORK / f"ranges-{size}-{chunk}.lua"
    path.write_text(RANGES_LUA.format(size=size, chunk=chunk, seed=seed))
    return path
