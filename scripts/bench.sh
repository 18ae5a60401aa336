#!/usr/bin/env bash
# Run every benchmark on this machine and write docs/benchmarks.md (tables, PNG charts, ratios against
# anchors measured in the same run). Installs nginx, wrk and curl with apt when missing, and the bench extra.
# Arguments go to `python -m bench` (e.g. --only media,zip or --quick). Run it on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
missing=()
for tool in nginx wrk curl; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

python3 -m venv .venv
.venv/bin/python -m pip install --quiet -e '.[bench,postgres]' 2> >(grep -v "^WARNING: Location" >&2)
exec .venv/bin/python -m bench "$@"
