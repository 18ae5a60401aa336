"""Start an example the way its README says (``python -m examples.<name> …``) on free loopback ports, wait
until it answers, and stop it (SIGINT: the same graceful shutdown as Ctrl-C). Used by the tests::

    with RunningExample("fastapi_app", data_dir) as example:
        httpx.get(example.url("/meet/health/live"))
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

__all__ = ("EXAMPLES", "ROOT", "RunningExample", "free_port")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ("litestar_app", "fastapi_app", "django_app", "flask_app")


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


class RunningExample:
    """One example in a subprocess. ``base_url`` is the host app (for ``static_html``: meet-embed's
    server, and ``page_url`` the static page's server)."""

    def __init__(
        self, name: str, data_dir: Path, *extra_args: str, start_timeout: float = 90.0, **env: str
    ) -> None:
        self.name = name
        self.data_dir = data_dir
        self.start_timeout = start_timeout
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.page_port: int | None = None
        args = [sys.executable, "-m", f"examples.{name}", "--data-dir", str(data_dir)]
        if name == "static_html":
            self.page_port = free_port()
            args += ["--meet-port", str(self.port), "--page-port", str(self.page_port)]
        else:
            args += ["--port", str(self.port)]
        self.args = [*args, *extra_args]
        self.env = {**os.environ, "PYTHONUNBUFFERED": "1", **env}
        self.log_path = data_dir.parent / f"{data_dir.name}.log"
        self.process: subprocess.Popen[bytes] | None = None
        self.started_in = 0.0

    @property
    def page_url(self) -> str:
        assert self.page_port is not None
        return f"http://127.0.0.1:{self.page_port}"

    def url(self, path: str) -> str:
        return self.base_url + path

    def log(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except FileNotFoundError:
            return ""

    def start(self) -> RunningExample:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        began = time.monotonic()
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                self.args, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT
            )
        ready = [self.url("/meet/health/live")] + ([self.page_url + "/"] if self.page_port else [])
        deadline = began + self.start_timeout
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"{self.name} exited with {self.process.returncode}:\n{self.log()[-4000:]}"
                )
            try:
                if all(httpx.get(url, timeout=2).status_code == 200 for url in ready):
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(
                    f"{self.name} did not answer in {self.start_timeout}s:\n{self.log()[-4000:]}"
                )
            time.sleep(0.1)
        self.started_in = time.monotonic() - began
        return self

    def stop(self, timeout: float = 20.0) -> int | None:
        """Ctrl-C, then a kill if it does not end in time; returns the exit code."""
        process = self.process
        if process is None or process.poll() is not None:
            return None if process is None else process.returncode
        process.send_signal(signal.SIGINT)
        try:
            return process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            return process.wait(5)

    def __enter__(self) -> RunningExample:
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()
