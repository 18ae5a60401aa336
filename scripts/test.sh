#!/usr/bin/env bash
# Install what the tests need and run the whole suite: lint, types, the frontend bundle check, the API and
# unit tests on the embedded default (SQLite + local directory), the same API tests on PostgreSQL + S3,
# and the end-to-end tests in Chromium. Under CI=true nothing that needs a service may be skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Chromium for the end-to-end tests (Playwright drives Debian's build; browser downloads are impossible).
if ! command -v chromium >/dev/null 2>&1; then
  echo "== installing chromium"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi

echo "== python environment"
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[test,postgres,redis,livekit,granian]'

if [ -f frontend/package.json ]; then
  echo "== frontend: rebuild the bundle and check it matches the committed one"
  (cd frontend && npm ci --no-audit --no-fund --loglevel=error && npm run --silent build)
  git diff --exit-code --stat -- meet_embed/static || {
    echo "meet_embed/static differs from what frontend/ builds: run 'cd frontend && npm run build' and commit" >&2
    exit 1
  }
fi

echo "== lint and types"
.venv/bin/ruff check meet_embed tests e2e examples bench
.venv/bin/ruff format --check meet_embed tests e2e examples bench
.venv/bin/mypy

echo "== tests: embedded default (SQLite + local directory)"
.venv/bin/pytest tests -q

echo "== tests: the API suite on PostgreSQL + S3 (moto)"
.venv/bin/pytest tests -q -m "not slow" --meet-db=postgres --meet-store=s3 -p no:cacheprovider

if [ -d e2e ] && ls e2e/test_*.py >/dev/null 2>&1; then
  echo "== end-to-end tests in Chromium"
  .venv/bin/pytest e2e -q
fi
