import { drizzle } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrationsFolder } from "../platform/paths.js";
import type { Database } from "./index.js";

// Any fixed number: several app nodes starting together migrate one after the other.
const MIGRATION_LOCK_KEY = 4_711_2026;

/**
 * Applies the committed SQL migrations; safe to call from several nodes at once. They run on the
 * connection that holds the lock, without the pool's statement timeout: a migration that
 * recomputes data (the monitoring rollups of a national data set) may take longer than a request.
 */
export async function applyMigrations(database: Database): Promise<void> {
  if (database.kind === "pglite") {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  const lockClient = await database.pool!.connect();
  try {
    await lockClient.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await lockClient.query("set statement_timeout = 0");
    await migratePg(drizzle(lockClient), { migrationsFolder });
  } finally {
    await lockClient.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
    await lockClient.query("reset statement_timeout").catch(() => {});
    lockClient.release();
  }
}
