#!/usr/bin/env bash
# Install meet-embed into ./.venv and run the demo (seeded rooms, playable recordings) on 127.0.0.1:8000.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e .
exec .venv/bin/meet-embed demo "$@"
