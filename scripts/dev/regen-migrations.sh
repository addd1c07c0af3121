#!/usr/bin/env bash
# Session-local helper (not committed): squash all migrations into a fresh init + audit trigger.
set -euo pipefail
cd "$(dirname "$0")/../.."
cp server/db/migrations/0001_audit_append_only.sql /tmp/audit_append_only.sql
rm -rf server/db/migrations
npx drizzle-kit generate --name init >/dev/null 2>&1
npx drizzle-kit generate --custom --name audit_append_only >/dev/null 2>&1
cp /tmp/audit_append_only.sql server/db/migrations/0001_audit_append_only.sql
ls server/db/migrations
