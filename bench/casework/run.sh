#!/usr/bin/env bash
# The casework benchmark (npm run bench:casework): production build, a throwaway durable
# PostgreSQL with 200,000 clients and 600,000 consultations, the real server with
# NODE_ENV=production and the raw-SQL baseline next to it, then bench/casework/run.ts.
#   BENCH_SKIP_BUILD=1      reuse dist/
#   BENCH_CLIENTS=200000    clients to generate (3 consultations each)
#   BENCH_READ_SECONDS, BENCH_WARMUP_SECONDS   durations (20, 3)
#   BENCH_SCENARIOS=search,timeline,record      which measurements to run
#   BENCH_APP_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"   extra node flags for the app (profiling)
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib/prologue.sh
bench_prologue casework

echo "== casework data (${BENCH_CLIENTS:-200000} clients, 3 consultations each)"
BENCH_FACTS_FILE="$LOGS/facts.json"
npx tsx bench/casework/setup.ts >"$BENCH_FACTS_FILE"
fact() { node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))[process.argv[2]])' "$BENCH_FACTS_FILE" "$1"; }
echo "   generated in $(fact seconds) s"

echo "== app and baseline"
APP_PORT=$(free_port)
NODE_ENV=production PORT=$APP_PORT LOG_LEVEL=${BENCH_LOG_LEVEL:-info} node $APP_NODE_FLAGS ${BENCH_APP_NODE_ARGS:-} dist/server/main.js >"$LOGS/app.log" 2>&1 &
APP_PID=$!
BENCH_PIDS+=("$APP_PID")
wait_for "http://127.0.0.1:$APP_PORT/api/health" "$APP_PID" "the app"
BASE_PORT=$(free_port)
BENCH_UNIT_ID=$(fact berlinUnit) BENCH_USER_ID=$(fact counselorId) PORT=$BASE_PORT node --import tsx bench/casework/baseline-server.ts >"$LOGS/baseline.log" 2>&1 &
BASE_PID=$!
BENCH_PIDS+=("$BASE_PID")
wait_for "http://127.0.0.1:$BASE_PORT/search?q=x" "$BASE_PID" "the baseline"

echo "== measuring"
BENCH_APP_URL="http://127.0.0.1:$APP_PORT" BENCH_BASELINE_URL="http://127.0.0.1:$BASE_PORT" BENCH_FACTS_FILE="$BENCH_FACTS_FILE" \
  npx tsx bench/casework/run.ts
npx biome format --write bench/README.md >/dev/null 2>&1 || true
