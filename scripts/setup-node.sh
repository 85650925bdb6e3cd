#!/usr/bin/env bash
# `npm ci` when node_modules is missing or stale for this lock file (always on CI), then the build.
set -euo pipefail
stamp=node_modules/.zxe-lock-hash
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "${CI:-}" = "true" ] || [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "[setup] npm ci"
  npm ci --no-audit --no-fund
  echo "$want" > "$stamp"
else
  echo "[setup] node_modules 已是最新"
fi
echo "[setup] 构建（electron-vite build）"
npx electron-vite build >/dev/null
