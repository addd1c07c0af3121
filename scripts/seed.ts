/**
 * Generates the monitoring's data set (decision 0008):
 *   npm run seed -- --scale national [--seed N]   the published figures of 2015–09/2022 (PostgreSQL: DATABASE_URL)
 *   npm run seed -- --scale demo [--seed N]       a hundredth of it, 2015 to today (what npm start seeds)
 * Seeds the network and the demo accounts first when the database has none; runs once per
 * database (a marker row), and never with NODE_ENV=production. Stop the server first when it runs
 * on the embedded database (one process only).
 */
import { parseArgs } from "node:util";
import pino from "pino";
import { loadConfig } from "../server/config.js";
import { openDatabase, pgliteDir } from "../server/db/index.js";
import { applyMigrations } from "../server/db/migrate.js";
import { ensureReferenceProfessions } from "../server/modules/consultations/reference-professions-repository.js";
import { ensurePostcodes } from "../server/modules/directory/postcodes.js";
import { DEFAULT_SEED, generateMonitoringData } from "../server/modules/monitoring/generator/index.js";
import { scales } from "../server/modules/monitoring/generator/plan.js";
import { systemClock } from "../server/platform/context.js";
import { resolveInstanceSecret } from "../server/platform/secrets.js";
import { seedDemoData } from "../server/seed/demo.js";

const { values } = parseArgs({ options: { scale: { type: "string", default: "demo" }, seed: { type: "string" } } });
const scale = values.scale as keyof typeof scales;
if (!(scale in scales)) {
  console.error(`--scale must be one of ${Object.keys(scales).join(", ")}`);
  process.exit(2);
}
const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
if (!Number.isInteger(seed)) {
  console.error("--seed must be an integer");
  process.exit(2);
}

const config = loadConfig();
const database = await openDatabase(
  config.database.kind === "postgres"
    ? { kind: "postgres", url: config.database.url, poolSize: 2, applicationName: "lotse-seed" }
    : { kind: "pglite", dataDir: pgliteDir(config.dataDir) },
);
try {
  await applyMigrations(database);
  await ensurePostcodes(database.db);
  await ensureReferenceProfessions(database.db);
  const ctx = {
    config,
    database,
    log: pino({ level: "warn" }),
    clock: systemClock,
    secret: await resolveInstanceSecret(database.db, config.sessionSecret),
  };
  await seedDemoData(ctx, { monitoring: false });
  const result = await generateMonitoringData(ctx, { scale, seed });
  if (!result.write) {
    console.log("monitoring data were generated in this database before (instance setting monitoring_generated): nothing to do");
  } else {
    const { copyMs, rebuildMs, rollupRows } = result.write;
    console.log(`monitoring data (${scale}, seed ${seed}): ${JSON.stringify(result.rows)}`);
    console.log(
      `  planned in ${result.planMs} ms, written (COPY) in ${copyMs} ms, rollups rebuilt (${rollupRows} rows) in ${rebuildMs} ms, total ${result.totalMs} ms`,
    );
    console.log(`SEED_RESULT ${JSON.stringify({ scale, seed, ...result })}`);
  }
} finally {
  await database.close();
}
