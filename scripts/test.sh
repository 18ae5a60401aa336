#!/usr/bin/env bash
# Install what the tests need and run the whole suite: lint, types, the frontend bundle check, the API and
# unit tests on the embedded default (SQLite + local directory), the same API tests on PostgreSQL + S3,
# and the end-to-end tests in Chromium. Under CI=true nothing that needs a service may be skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/venv.sh   # as_root, make_venv

# Chromium for the end-to-end tests (Playwright drives Debian's build; browser downloads are impossible).
if ! command -v chromium >/dev/null 2>&1; then
  echo "== installing chromium"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi

echo "== python environment"
make_venv
# pip's exit status counts; only the noise about this machine's unused local index folders is dropped.
pip_install() { .venv/bin/python -m pip install --quiet "$@" 2> >(grep -v "^WARNING: Location" >&2); }
pip_install --upgrade pip
pip_install -e '.[test,postgres,redis,livekit,granian]'
pip_install -r examples/requirements.txt

if [ -f frontend/package.json ]; then
  echo "== frontend: rebuild the bundle and check it matches the committed one"
  (cd frontend && npm ci --no-audit --no-fund --loglevel=error && npm run --silent build)
  (cd frontend && npm run --silent check)
  git diff --exit-code --stat -- meet_embed/static || {
    echo "meet_embed/static differs from what frontend/ builds: run 'cd frontend && npm run build' and commit" >&2
    exit 1
  }
fi

echo "== lint and types"
lint_dirs=$(for d in meet_embed tests e2e examples bench scripts; do [ -d "$d" ] && echo "$d"; done)
.venv/bin/ruff check $lint_dirs
.venv/bin/ruff format --check $lint_dirs
.venv/bin/mypy

echo "== tests: embedded default (SQLite + local directory)"
.venv/bin/pytest tests -q

echo "== tests: the API suite on PostgreSQL + S3 (moto)"
.venv/bin/pytest tests -q -m "not slow" --meet-db=postgres --meet-store=s3 -p no:cacheprovider

if [ -d e2e ] && ls e2e/test_*.py >/dev/null 2>&1; then
  echo "== end-to-end tests in Chromium"
  .venv/bin/pytest e2e -q
fi
