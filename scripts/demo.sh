#!/usr/bin/env bash
# Install meet-embed into ./.venv and run the demo (seeded rooms, playable recordings) on 127.0.0.1:8000.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/venv.sh   # as_root, make_venv
make_venv
pip_install() { .venv/bin/python -m pip install --quiet "$@" 2> >(grep -v "^WARNING: Location" >&2); }
pip_install --upgrade pip
pip_install -e .
exec .venv/bin/meet-embed demo "$@"
