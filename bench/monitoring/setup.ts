import pino from "pino";
import { loadConfig } from "../../server/config.js";
import { openDatabase } from "../../server/db/index.js";
import { applyMigrations } from "../../server/db/migrate.js";
import { roleAssignments, users } from "../../server/db/schema/index.js";
import { ensureReferenceProfessions } from "../../server/modules/consultations/reference-professions-repository.js";
import { ensurePostcodes } from "../../server/modules/directory/postcodes.js";
import { seedId } from "../../server/modules/directory/seed.js";
import { hashPassword } from "../../server/modules/identity/passwords.js";
import { generateMonitoringData } from "../../server/modules/monitoring/generator/index.js";
import { systemClock } from "../../server/platform/context.js";
import { resolveInstanceSecret } from "../../server/platform/secrets.js";
import { seedDemoData } from "../../server/seed/demo.js";

/**
 * Monitoring benchmark data: the national data set (npm run seed -- --scale national, the same
 * code) on the throwaway PostgreSQL, timed by phase, and a monitoring account for the driver.
 * Prints the facts the driver needs as JSON on stdout.
 */
const url = process.env.DATABASE_URL;
if (!url) throw new Error("bench/monitoring/setup.ts needs DATABASE_URL");
const config = loadConfig({ ...process.env, NODE_ENV: "development", LOG_LEVEL: "warn" });
const database = await openDatabase({ kind: "postgres", url, poolSize: 2, applicationName: "lotse-bench-setup" });
const started = performance.now();
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
const prepared = performance.now();
const result = await generateMonitoringData(ctx, { scale: "national" });
if (!result.write) throw new Error("the database already held generated data");

const email = "bench.monitoring@lotse.bench";
const password = "bench-password-2026";
const [user] = await database.db
  .insert(users)
  .values({ email, displayName: "Bench Monitoring", passwordHash: await hashPassword(password) })
  .returning({ id: users.id });
await database.db.insert(roleAssignments).values({ userId: user!.id, role: "monitoring", unitId: seedId("unit", "federal") });
await database.close();

console.log(
  JSON.stringify({
    email,
    password,
    root: seedId("unit", "federal"),
    preparationSeconds: Math.round(prepared - started) / 1000,
    generation: {
      seconds: Math.round(result.totalMs) / 1000,
      planSeconds: result.planMs / 1000,
      copySeconds: result.write.copyMs / 1000,
      rebuildSeconds: result.write.rebuildMs / 1000,
      rollupRows: result.write.rollupRows,
      rows: result.rows,
    },
  }),
);
