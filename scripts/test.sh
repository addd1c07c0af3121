#!/usr/bin/env bash
# The whole test suite, in tiers, on a fresh Debian machine (CI runs exactly this via `npm test`):
#   setup → typecheck → lint → unit+integration on PGlite → the same on a throwaway PostgreSQL
#   → build → browser tests (PGlite, then PostgreSQL).
# Stops at the first failing stage and says which; prints a summary of every stage at the end.
# Local use only: SKIP_STAGES="typecheck,build" skips stages by key (setup, typecheck, lint, pglite,
# postgres, build, browser); they are reported as skipped. CI never sets it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/pg.sh

export CI=${CI:-}
SUMMARY=()
STAGE_LOG=$(mktemp -d "${TMPDIR:-/tmp}/lotse-test.XXXXXX")
cleanup() {
  pg_stop
  rm -rf "$STAGE_LOG"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

print_summary() {
  echo
  echo "== summary =="
  local line
  for line in "${SUMMARY[@]}"; do echo "  $line"; done
}

# Runs one stage: times it, pulls "N passed / M failed" out of vitest's output, stops on failure.
stage() {
  local key=$1 name=$2
  shift 2
  if [[ ",${SKIP_STAGES:-}," == *",$key,"* ]]; then
    skip "$name" "SKIP_STAGES=$SKIP_STAGES"
    return 0
  fi
  echo
  echo "== $name =="
  local start=$SECONDS status=0 log="$STAGE_LOG/$(echo "$name" | tr -c 'a-zA-Z0-9\n' '_').log"
  if [[ ${STAGE_IN_SHELL:-} ]]; then
    # Runs in this shell (it sets variables) and writes to a file, not a pipe: a daemon it
    # starts (PostgreSQL) must not hold a pipe open that the script then waits on.
    "$@" >"$log" 2>&1 </dev/null || status=$?
    cat "$log"
  else
    "$@" 2>&1 | tee "$log" || status=${PIPESTATUS[0]}
  fi
  local took=$((SECONDS - start)) counts
  # vitest's "Test Files … / Tests …" lines (a file that fails to load counts only under files).
  counts=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^ +(Test Files|Tests) +' | tail -n 2 | sed -E 's/^ +(Test Files|Tests) +/\1: /' | paste -sd ';' - | sed 's/;/; /' || true)
  if [[ $status -ne 0 ]]; then
    SUMMARY+=("FAIL  $name (${took}s)${counts:+  – $counts}")
    print_summary
    echo
    echo "FAILED at stage \"$name\" (exit $status). Output above; re-run just this stage with: $*" >&2
    exit "$status"
  fi
  SUMMARY+=("ok    $name (${took}s)${counts:+  – $counts}")
}

skip() {
  echo
  echo "== $1 =="
  echo "!!! SKIPPED: $2" >&2
  SUMMARY+=("SKIP  $1  – $2")
}

# --- setup: install what a fresh Debian machine lacks -------------------------------------------
install_missing() {
  # Functions run under `||` ignore `set -e`, so every step returns on failure explicitly.
  if [[ ! -d node_modules ]]; then npm ci || return 1; fi
  local need=()
  pg_bindir >/dev/null || need+=(postgresql)
  [[ -x /usr/bin/chromium ]] || need+=(chromium)
  # The export tests open XLSX files with LibreOffice and read the fact sheet PDF with poppler.
  command -v soffice >/dev/null || need+=(libreoffice-calc-nogui)
  command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null || need+=(poppler-utils)
  if [[ ${#need[@]} -gt 0 ]]; then
    if [[ $(id -u) -ne 0 ]]; then
      echo "Missing Debian packages: ${need[*]}. Install them as root (apt-get install -y ${need[*]}) and run again." >&2
      return 1
    fi
    echo "installing ${need[*]} from Debian"
    apt-get update -qq || return 1
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" || return 1
    # The Debian package starts a cluster of its own; the tests never use it.
    if command -v pg_ctlcluster >/dev/null && [[ " ${need[*]} " == *" postgresql "* ]]; then
      systemctl stop postgresql 2>/dev/null || service postgresql stop 2>/dev/null || true
    fi
  fi
  echo "node $(node --version); $(basename "$(dirname "$(pg_bindir)")" | sed 's/^/PostgreSQL /'); $(/usr/bin/chromium --version 2>/dev/null || echo 'chromium ?')"
}

stage setup "setup" install_missing
stage typecheck "typecheck" npx tsc --noEmit -p tsconfig.json
stage lint "lint (Biome)" npx biome check .
stage pglite "unit + integration (PGlite)" npx vitest run

start_pg() { pg_start fast || return 1; echo "throwaway PostgreSQL at $PG_URL ($PG_DIR)"; }
STAGE_IN_SHELL=1 stage postgres "start throwaway PostgreSQL" start_pg
# server/ops tests start private clusters of their own and already ran in the PGlite pass.
stage postgres "unit + integration (PostgreSQL)" env TEST_DATABASE_URL="${PG_URL:-}" npx vitest run --exclude 'server/ops/**'

stage build "build" npm run build

if [[ -f vitest.e2e.config.ts ]]; then
  stage browser "browser (PGlite)" env -u E2E_DATABASE_URL npx vitest run --config vitest.e2e.config.ts
  if [[ -n ${PG_URL:-} ]]; then
    # A fresh database of its own on the throwaway cluster, next to the integration suite's clones.
    e2e_database() { "$PG_BIN/psql" -q -d "$PG_URL" -c "create database lotse_e2e" || return 1; }
    STAGE_IN_SHELL=1 stage browser "create browser-test database" e2e_database
    stage browser "browser (PostgreSQL)" env E2E_DATABASE_URL="${PG_URL%/*}/lotse_e2e" npx vitest run --config vitest.e2e.config.ts
  else
    skip "browser (PostgreSQL)" "no throwaway PostgreSQL (postgres stage skipped)"
  fi
else
  skip "browser" "vitest.e2e.config.ts does not exist yet – NO BROWSER TESTS RAN"
fi

print_summary
echo
if printf '%s\n' "${SUMMARY[@]}" | grep -q '^SKIP'; then
  echo "all stages that ran passed — SOME STAGES WERE SKIPPED (see above)"
else
  echo "all stages passed"
fi
