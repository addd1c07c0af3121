#!/usr/bin/env bash
# The foundation benchmark (npm run bench): production build, a throwaway durable PostgreSQL,
# the real server with NODE_ENV=production, the raw-pg baseline next to it, then bench/run.ts.
# Results: bench/results/<date>-foundation.json and the table in bench/README.md.
#   BENCH_SKIP_BUILD=1       reuse dist/ from an earlier build
#   BENCH_LOG_LEVEL=warn     app log level (default info, as in production; logs go to a file)
#   BENCH_APP_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"   extra node flags for the app (profiling)
#   BENCH_LOGIN_SECONDS, BENCH_READ_SECONDS, BENCH_WARMUP_SECONDS   durations (10, 20, 3)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/prologue.sh
bench_prologue foundation

echo "== bench data (network seed + bench users)"
FACTS=$(npx tsx bench/setup.ts)

echo "== app and baseline"
APP_PORT=$(free_port)
NODE_ENV=production PORT=$APP_PORT LOG_LEVEL=${BENCH_LOG_LEVEL:-info} node $APP_NODE_FLAGS ${BENCH_APP_NODE_ARGS:-} dist/server/main.js >"$LOGS/app.log" 2>&1 &
APP_PID=$!
BENCH_PIDS+=("$APP_PID")
wait_for "http://127.0.0.1:$APP_PORT/api/health" "$APP_PID" "the app"
BASE_PORT=$(free_port)
BENCH_UNIT_ID=$(node -e 'console.log(JSON.parse(process.argv[1]).stateUnitId)' "$FACTS") PORT=$BASE_PORT \
  node --import tsx bench/baseline-server.ts >"$LOGS/baseline.log" 2>&1 &
BASE_PID=$!
BENCH_PIDS+=("$BASE_PID")
wait_for "http://127.0.0.1:$BASE_PORT/units" "$BASE_PID" "the baseline"

echo "== measuring"
BENCH_APP_URL="http://127.0.0.1:$APP_PORT" BENCH_BASELINE_URL="http://127.0.0.1:$BASE_PORT" BENCH_FACTS="$FACTS" \
  npx tsx bench/run.ts
# The generated table in the same layout as the formatter keeps it (lint stays clean).
npx biome format --write bench/README.md >/dev/null 2>&1 || true
