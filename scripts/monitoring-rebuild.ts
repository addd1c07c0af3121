/**
 * Recomputes the monitoring rollups from the facts, in one transaction (npm run monitoring:rebuild).
 * Reads the same configuration as the server (DATABASE_URL, or the embedded database in DATA_DIR;
 * stop the server first when it runs on the embedded database, which allows one process only).
 */
import { loadConfig } from "../server/config.js";
import { openDatabase, pgliteDir } from "../server/db/index.js";
import { applyMigrations } from "../server/db/migrate.js";
import { rebuildRollups } from "../server/modules/monitoring/maintenance.js";

const config = loadConfig();
const database = await openDatabase(
  config.database.kind === "postgres"
    ? { kind: "postgres", url: config.database.url, poolSize: 2, applicationName: "lotse-monitoring-rebuild" }
    : { kind: "pglite", dataDir: pgliteDir(config.dataDir) },
);
try {
  await applyMigrations(database);
  const { rows, ms } = await rebuildRollups({ database });
  console.log(`monitoring rollups rebuilt from the facts: ${rows} rows in ${ms} ms`);
} finally {
  await database.close();
}
