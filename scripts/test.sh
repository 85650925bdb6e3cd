#!/usr/bin/env bash
# Sets everything up and runs every test: static checks, unit + integration (vitest, with a real
# keyring), end to end in headless Chromium, the Electron smoke test, and the Python/Java/PHP SDKs against a real engine (skipped, and said so,
# where the Electron binary is absent). Ends with one line: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup-system.sh || exit 1
bash scripts/setup-node.sh || exit 1

results=$(mktemp -d)
checks="$results/checks.tsv"
: > "$checks"
check() {
  local name=$1
  shift
  echo "[test] $name"
  if "$@"; then printf 'pass\t%s\n' "$name" >> "$checks"; else printf 'fail\t%s\n' "$name" >> "$checks"; fi
}

check "ESLint" npx eslint . --max-warnings 0
check "Prettier" npx prettier --check . --log-level warn
check "TypeScript" npm run --silent typecheck
check "Electronegativity" node scripts/electronegativity.mjs

echo "[test] 单元与集成测试"
bash scripts/with-keyring.sh node_modules/.bin/vitest run --reporter=default --reporter=json \
  --outputFile.json="$results/unit.json"
echo "[test] 端到端测试（Chromium）与 Electron 冒烟测试"
bash scripts/with-keyring.sh node_modules/.bin/vitest run --config tests/e2e/vitest.config.ts --reporter=default \
  --reporter=json --outputFile.json="$results/e2e.json"

echo "[test] SDK 测试（Python、Java、PHP，各对一个真实引擎）"
bash scripts/test-sdks.sh --results "$results" python java php

node scripts/summarize-tests.mjs "$checks" "$results/unit.json" "$results/e2e.json" \
  "$results/sdk-python.json" "$results/sdk-java.json" "$results/sdk-php.xml"
