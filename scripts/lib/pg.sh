# Throwaway PostgreSQL clusters for tests and benchmarks. Source this file, then:
#   pg_start [fast]   initdb in a temp dir, start on a free port; sets PG_URL, PG_PORT, PG_DIR
#   pg_stop           stops the cluster and removes its directory (safe to call twice)
# "fast" turns off fsync (tests); without it the cluster is durable as in production (bench).
# PostgreSQL refuses to run as root, so as root the cluster runs as the `postgres` user.

pg_bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [[ -n "$dir" && -x "$dir/initdb" ]] && echo "$dir"
}

_pg_as_owner() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

_pg_free_port() {
  node -e 'const s=require("node:net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

pg_start() {
  local mode=${1:-durable} bin attempt
  bin=$(pg_bindir) || { echo "PostgreSQL binaries not found under /usr/lib/postgresql/*/bin" >&2; return 1; }
  PG_BIN=$bin
  PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/lotse-pg.XXXXXX")
  chmod 755 "$PG_DIR"
  mkdir -p "$PG_DIR/socket"
  [[ $(id -u) -eq 0 ]] && chown -R postgres: "$PG_DIR"
  _pg_as_owner "$bin/initdb" -D "$PG_DIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log" >&2; return 1; }
  local opts="-c listen_addresses=127.0.0.1 -k $PG_DIR/socket -c max_connections=200"
  [[ $mode == fast ]] && opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  # Extra server settings for a diagnosis, e.g. PG_EXTRA_OPTS="-c shared_preload_libraries=pg_stat_statements".
  opts+=" ${PG_EXTRA_OPTS:-}"
  for attempt in 1 2 3; do
    PG_PORT=$(_pg_free_port)
    if _pg_as_owner "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 30 -o "-p $PG_PORT $opts" start </dev/null >"$PG_DIR/pg_ctl.log" 2>&1; then
      PG_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
      export PG_URL PG_PORT PG_DIR PG_BIN
      return 0
    fi
    echo "PostgreSQL did not start on port $PG_PORT (attempt $attempt):" >&2
    tail -n 5 "$PG_DIR/server.log" >&2 || true
  done
  return 1
}

pg_stop() {
  [[ -n "${PG_DIR:-}" && -d "$PG_DIR" ]] || return 0
  _pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  PG_DIR=
}
