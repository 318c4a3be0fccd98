#!/usr/bin/env bash
# One command: create .venv, install storyline with its dev tools, run the bundled example.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
[ -d .venv ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[dev]'
mkdir -p out
.venv/bin/storyline brief examples/seeds --format html --out out/example.html --quiet
.venv/bin/storyline brief examples/seeds --format md --out out/example.md --quiet
echo "Installed. Open out/example.html, or read out/example.md. Activate with: . .venv/bin/activate"
