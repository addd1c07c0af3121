#!/usr/bin/env bash
# The monitoring benchmark (npm run bench:monitoring): production build, a throwaway durable
# PostgreSQL, the national data set generated into it (timed: plan, COPY, rollup rebuild), the
# real server with NODE_ENV=production and the raw-SQL baseline next to it, then
# bench/monitoring/run.ts (two-breakdown reports: p95, ratio to the raw SQL, identical numbers).
#   BENCH_SKIP_BUILD=1      reuse dist/
#   BENCH_READ_SECONDS, BENCH_WARMUP_SECONDS, BENCH_CONNECTIONS   (10, 2, 1)
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib/prologue.sh
bench_prologue monitoring

echo "== national data set (npm run seed -- --scale national)"
BENCH_FACTS_FILE="$LOGS/facts.json"
node --max-semi-space-size=64 --import tsx bench/monitoring/setup.ts >"$BENCH_FACTS_FILE"
fact() { node -e 'const f=JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));console.log(process.argv[2].split(".").reduce((o,k)=>o[k],f))' "$BENCH_FACTS_FILE" "$1"; }
echo "   generated in $(fact generation.seconds) s (plan $(fact generation.planSeconds) s, COPY $(fact generation.copySeconds) s, rebuild $(fact generation.rebuildSeconds) s)"

echo "== app and baseline"
APP_PORT=$(free_port)
NODE_ENV=production PORT=$APP_PORT LOG_LEVEL=${BENCH_LOG_LEVEL:-warn} node $APP_NODE_FLAGS dist/server/main.js >"$LOGS/app.log" 2>&1 &
APP_PID=$!
BENCH_PIDS+=("$APP_PID")
wait_for "http://127.0.0.1:$APP_PORT/api/health" "$APP_PID" "the app"
BASE_PORT=$(free_port)
PORT=$BASE_PORT node --import tsx bench/monitoring/baseline-server.ts >"$LOGS/baseline.log" 2>&1 &
BASE_PID=$!
BENCH_PIDS+=("$BASE_PID")
wait_for "http://127.0.0.1:$BASE_PORT/health" "$BASE_PID" "the baseline"

echo "== measuring"
BENCH_APP_URL="http://127.0.0.1:$APP_PORT" BENCH_BASELINE_URL="http://127.0.0.1:$BASE_PORT" BENCH_FACTS_FILE="$BENCH_FACTS_FILE" \
  npx tsx bench/monitoring/run.ts
npx biome format --write bench/README.md >/dev/null 2>&1 || true
