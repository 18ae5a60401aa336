"""The README's scripts on a fresh Debian, whose python3 cannot make a virtualenv until python3-venv is
installed: ``make_venv`` (scripts/venv.sh, used by test.sh and demo.sh) installs it through apt and tries
again. ``python3``, ``apt-get`` and ``sudo`` are stand-ins on ``PATH`` that behave like Debian's: ``python3
-m venv`` fails, leaving a directory without pip, until ``apt-get install python3-venv`` ran."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

PYTHON3 = """#!/bin/sh
if [ "$1 $2" = "-m venv" ]; then
  mkdir -p "$3"
  if [ -f "$STATE/python3-venv" ]; then mkdir -p "$3/bin" && touch "$3/bin/python"; exit 0; fi
  touch "$3/half-made"
  echo "The virtual environment was not created successfully because ensurepip is not available." >&2
  exit 1
fi
exit 2
"""
APT_GET = """#!/bin/sh
echo "$*" >> "$STATE/apt.log"
case "$*" in *"install"*"python3-venv"*) [ -f "$STATE/apt-broken" ] || touch "$STATE/python3-venv";; esac
"""
SUDO = """#!/bin/sh
exec "$@"
"""


def make_venv(tmp_path: Path, *, have_venv: bool = False, apt_broken: bool = False) -> tuple[int, str]:
    shims, state, work = tmp_path / "bin", tmp_path / "state", tmp_path / "project"
    for folder in (shims, state, work):
        folder.mkdir()
    for name, text in (("python3", PYTHON3), ("apt-get", APT_GET), ("sudo", SUDO)):
        (shims / name).write_text(text)
        (shims / name).chmod(0o755)
    if have_venv:
        (state / "python3-venv").touch()
    if apt_broken:
        (state / "apt-broken").touch()
    result = subprocess.run(
        ["bash", "-c", f'set -euo pipefail; . "{ROOT}/scripts/venv.sh"; make_venv'],
        cwd=work,
        env={"PATH": f"{shims}{os.pathsep}/usr/bin{os.pathsep}/bin", "STATE": str(state)},
        capture_output=True,
        text=True,
        timeout=30,
    )
    log = state / "apt.log"
    return result.returncode, log.read_text() if log.exists() else ""


def test_a_missing_python3_venv_is_installed_and_the_venv_made_again(tmp_path: Path) -> None:
    code, apt = make_venv(tmp_path)
    assert code == 0
    assert apt.splitlines() == ["update -qq", "install -y -qq python3-venv"]
    venv = tmp_path / "project" / ".venv"
    assert (venv / "bin" / "python").exists()
    assert not (venv / "half-made").exists()  # the first, broken attempt was thrown away


def test_nothing_is_installed_when_venv_works(tmp_path: Path) -> None:
    assert make_venv(tmp_path, have_venv=True) == (0, "")


def test_the_script_stops_when_the_retry_fails_too(tmp_path: Path) -> None:
    code, apt = make_venv(tmp_path, apt_broken=True)
    assert code != 0
    assert "python3-venv" in apt


@pytest.mark.parametrize("script", ["test.sh", "demo.sh"])
def test_both_readme_scripts_make_their_venv_this_way(script: str) -> None:
    lines = (ROOT / "scripts" / script).read_text().splitlines()
    assert ". scripts/venv.sh   # as_root, make_venv" in lines
    assert "make_venv" in lines
    assert not [line for line in lines if "-m venv" in line]
