#!/usr/bin/env bash
# Runs the Python, Java and PHP SDKs' tests, each against its own real engine on 127.0.0.1:<random>
# (sdk/testing/engine-fixture.ts prints the base URL and keys as JSON; the tests read it from
# ZXE_SDK_FIXTURE). Each runner writes a result into the results directory (sdk-<lang>.json, or
# JUnit XML for PHPUnit) that scripts/summarize-tests.mjs adds to the final line.
# Usage: bash scripts/test-sdks.sh [--results <dir>] [python] [java] [php]   (default: all three)
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

results=""
if [ "${1:-}" = "--results" ]; then results=$2; shift 2; fi
if [ -z "$results" ]; then results=$(mktemp -d); fi
mkdir -p "$results"
languages=("$@")
if [ ${#languages[@]} -eq 0 ]; then languages=(python java php); fi

engine_pid=""
stop_engine() {
  if [ -n "$engine_pid" ]; then
    kill "$engine_pid" 2>/dev/null
    wait "$engine_pid" 2>/dev/null
    engine_pid=""
  fi
}
trap stop_engine EXIT

# Starts the engine fixture and exports ZXE_SDK_FIXTURE (its first line of output).
start_engine() {
  local fifo
  fifo=$(mktemp -u)
  mkfifo "$fifo"
  ZXE_FIXTURE_PARENT=$$ node_modules/.bin/tsx sdk/testing/engine-fixture.ts < /dev/null > "$fifo" &
  engine_pid=$!
  local line=""
  read -r -t 180 line < "$fifo"
  rm -f "$fifo"
  if [ -z "$line" ]; then
    echo "[sdk] 引擎未能启动" >&2
    return 1
  fi
  export ZXE_SDK_FIXTURE="$line"
}

run_python() {
  local py=python3
  # Prefer Debian's interpreter (python3-requests is installed for it by setup-system.sh).
  if [ -x /usr/bin/python3 ]; then py=/usr/bin/python3; fi
  "$py" sdk/python/tests/run.py "$results/sdk-python.json"
}

run_java() {
  local build cp
  build=$(mktemp -d)
  cp=/usr/share/java/jackson-databind.jar:/usr/share/java/jackson-core.jar:/usr/share/java/jackson-annotations.jar
  javac --release 8 -nowarn -encoding UTF-8 -cp "$cp" -d "$build" \
    $(find sdk/java/src/main/java sdk/java/src/test/java -name '*.java') || {
    printf '{"suite":"sdk-java","passed":0,"failed":1,"skipped":0,"failures":[{"name":"javac","message":"编译失败"}]}' \
      > "$results/sdk-java.json"
    return 1
  }
  java -cp "$build:$cp" com.zhangxiaoer.sdk.TestRunner "$results/sdk-java.json" "$root/sdk/java/README.md"
  local rc=$?
  rm -rf "$build"
  return $rc
}

run_php() {
  phpunit --do-not-cache-result --colors=never --log-junit "$results/sdk-php.xml" \
    --bootstrap sdk/php/tests/bootstrap.php sdk/php/tests
}

status=0
for language in "${languages[@]}"; do
  echo "[sdk] $language"
  start=$(date +%s)
  if ! start_engine; then
    printf '{"suite":"sdk-%s","passed":0,"failed":1,"skipped":0,"failures":[{"name":"engine","message":"引擎未能启动"}]}' \
      "$language" > "$results/sdk-$language.json"
    status=1
    continue
  fi
  "run_$language" || status=1
  stop_engine
  echo "[sdk] $language: $(( $(date +%s) - start )) s"
done
exit $status
