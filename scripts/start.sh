#!/usr/bin/env bash
# Sets everything up and runs the app: the desktop app where Electron can run, otherwise browser
# mode on http://127.0.0.1:4780 (the address is printed).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-system.sh
bash scripts/setup-node.sh
exec node scripts/start.mjs "$@"
