# The common start of every benchmark script (sourced after `cd` to the project root):
#   bench_prologue <name>
# - LOGS: a fresh log folder; on exit every pid in BENCH_PIDS is stopped, then PostgreSQL;
# - the production build, unless BENCH_SKIP_BUILD=1 (then dist/ must exist);
# - a throwaway durable PostgreSQL with a database lotse_bench, exported as DATABASE_URL, with
#   SESSION_SECRET and BENCH_PG_VERSION (the server version, for the results).
# Also brings wait_for and free_port (servers.sh) and APP_NODE_FLAGS (app-node-flags.sh).
source scripts/lib/pg.sh
source scripts/lib/app-node-flags.sh
source bench/lib/servers.sh

BENCH_PIDS=()
bench_cleanup() {
  local pid
  for pid in "${BENCH_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  pg_stop
  echo "logs of this run: $LOGS"
}

bench_prologue() {
  LOGS=$(mktemp -d "${TMPDIR:-/tmp}/lotse-bench-$1.XXXXXX")
  trap bench_cleanup EXIT
  if [[ -z ${BENCH_SKIP_BUILD:-} ]]; then
    echo "== production build"
    npm run build >"$LOGS/build.log" 2>&1 || { tail -n 30 "$LOGS/build.log"; exit 1; }
  fi
  [[ -f dist/server/main.js ]] || { echo "dist/server/main.js missing: run npm run build" >&2; exit 1; }

  echo "== throwaway PostgreSQL (durable settings)"
  pg_start
  "$PG_BIN/psql" -q -d "$PG_URL" -c "create database lotse_bench" >/dev/null
  DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/lotse_bench"
  BENCH_PG_VERSION=$("$PG_BIN/psql" -At -d "$PG_URL" -c "show server_version")
  SESSION_SECRET=$(node -e 'console.log(require("node:crypto").randomBytes(32).toString("hex"))')
  export DATABASE_URL SESSION_SECRET BENCH_PG_VERSION
}
