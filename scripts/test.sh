#!/usr/bin/env bash
# One command: run the whole test suite (quality gates included) with the project's venv.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
[ -x "$PY" ] || PY=python3
exec "$PY" -m pytest -q "$@"
