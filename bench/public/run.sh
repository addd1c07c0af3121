#!/usr/bin/env bash
# The public-side benchmark (npm run bench:public): production build, a throwaway durable
# PostgreSQL with 1,000 public sites and 3,000 counselors with weekly hours, the real server
# with NODE_ENV=production and the raw-SQL baseline next to it, then bench/public/run.ts.
#   BENCH_SKIP_BUILD=1      reuse dist/
#   BENCH_SITES=1000 BENCH_COUNSELORS=3000     data to generate
#   BENCH_READ_SECONDS, BENCH_BOOK_SECONDS, BENCH_WARMUP_SECONDS   durations (20, 15, 3)
#   BENCH_SCENARIOS=search,slots,book           which measurements to run
#   BENCH_APP_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"   extra node flags for the app (profiling)
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib/prologue.sh
bench_prologue public

echo "== public data (${BENCH_SITES:-1000} sites, ${BENCH_COUNSELORS:-3000} counselors)"
BENCH_FACTS_FILE="$LOGS/facts.json"
npx tsx bench/public/setup.ts >"$BENCH_FACTS_FILE"
fact() { node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))[process.argv[2]])' "$BENCH_FACTS_FILE" "$1"; }
echo "   generated in $(fact seconds) s"

echo "== app and baseline"
APP_PORT=$(free_port)
# As behind a real installation's reverse proxy, the app takes the client address from
# X-Forwarded-For (TRUST_PROXY): run.ts books every slot as another person, with an address and an
# e-mail of their own, so all limits of the spam protection stay at their defaults.
NODE_ENV=production PORT=$APP_PORT TRUST_PROXY=true LOG_LEVEL=${BENCH_LOG_LEVEL:-info} node $APP_NODE_FLAGS ${BENCH_APP_NODE_ARGS:-} dist/server/main.js >"$LOGS/app.log" 2>&1 &
APP_PID=$!
BENCH_PIDS+=("$APP_PID")
wait_for "http://127.0.0.1:$APP_PORT/api/health" "$APP_PID" "the app"
# A second app node that computes every search's next free slots (no 30-second memory of them):
# the search as the first visitor after a quiet half minute sees it.
COLD_PORT=$(free_port)
NODE_ENV=production PORT=$COLD_PORT NEXT_FREE_CACHE_SECONDS=0 LOG_LEVEL=${BENCH_LOG_LEVEL:-info} node $APP_NODE_FLAGS dist/server/main.js >"$LOGS/app-cold.log" 2>&1 &
COLD_PID=$!
BENCH_PIDS+=("$COLD_PID")
wait_for "http://127.0.0.1:$COLD_PORT/api/health" "$COLD_PID" "the second app node"
BASE_PORT=$(free_port)
PORT=$BASE_PORT node --import tsx bench/public/baseline-server.ts >"$LOGS/baseline.log" 2>&1 &
BASE_PID=$!
BENCH_PIDS+=("$BASE_PID")
wait_for "http://127.0.0.1:$BASE_PORT/health" "$BASE_PID" "the baseline"

echo "== measuring"
BENCH_APP_URL="http://127.0.0.1:$APP_PORT" BENCH_APP_COLD_URL="http://127.0.0.1:$COLD_PORT" BENCH_BASELINE_URL="http://127.0.0.1:$BASE_PORT" BENCH_FACTS_FILE="$BENCH_FACTS_FILE" \
  npx tsx bench/public/run.ts
npx biome format --write bench/README.md >/dev/null 2>&1 || true
