# Sourced by test.sh and demo.sh: make ./.venv, on a fresh Debian too.

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Debian's python3 lacks ensurepip until its python3-venv package is installed, and `python3 -m venv` then
# fails (leaving a .venv without pip behind): install the package, as the test script does for Chromium,
# and try once more.
make_venv() {
  if python3 -m venv .venv; then
    return 0
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "python3 -m venv failed and there is no apt-get to install python3-venv with" >&2
    return 1
  fi
  echo "== installing python3-venv (python3 -m venv failed)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
  rm -rf .venv
  python3 -m venv .venv
}
