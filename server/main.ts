import { type Config, ConfigError, loadConfig } from "./config.js";

/**
 * The application's modules are imported only after the configuration is valid: a refusal then
 * answers at once instead of after loading (or, from source, transpiling) the whole server.
 */
async function loadServer() {
  const [app, db, migrate, retention, professions, postcodes, network, monitoring, demo] = await Promise.all([
    import("./app.js"),
    import("./db/index.js"),
    import("./db/migrate.js"),
    import("./modules/clients/retention.js"),
    import("./modules/consultations/reference-professions-repository.js"),
    import("./modules/directory/postcodes.js"),
    import("./modules/directory/seed.js"),
    import("./modules/monitoring/maintenance.js"),
    import("./seed/demo.js"),
  ]);
  return {
    buildApp: app.buildApp,
    openDatabase: db.openDatabase,
    pgliteDir: db.pgliteDir,
    applyMigrations: migrate.applyMigrations,
    scheduleRetention: retention.scheduleRetention,
    ensureReferenceProfessions: professions.ensureReferenceProfessions,
    ensurePostcodes: postcodes.ensurePostcodes,
    ensureReferenceNetwork: network.ensureReferenceNetwork,
    scheduleCompaction: monitoring.scheduleCompaction,
    seedDemoData: demo.seedDemoData,
  };
}

/** Reads config, opens and migrates the database, seeds demo data once, starts HTTP and jobs. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const {
    buildApp,
    openDatabase,
    pgliteDir,
    applyMigrations,
    scheduleRetention,
    ensureReferenceProfessions,
    ensurePostcodes,
    ensureReferenceNetwork,
    scheduleCompaction,
    seedDemoData,
  } = await loadServer();

  const database = await openDatabase(
    config.database.kind === "postgres"
      ? { kind: "postgres", url: config.database.url, poolSize: config.database.poolSize }
      : { kind: "pglite", dataDir: pgliteDir(config.dataDir) },
  );
  await applyMigrations(database);
  // Reference data, also in production: postcodes and the real network (each loaded once).
  await ensurePostcodes(database.db);
  await ensureReferenceNetwork(database.db);
  await ensureReferenceProfessions(database.db);
  const { app, ctx, jobs } = await buildApp({ config, database });
  if (config.demoData) await seedDemoData(ctx);
  if (config.jobsEnabled) {
    await scheduleRetention(ctx);
    await scheduleCompaction(ctx);
    jobs.start();
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, "shutting down: finishing in-flight requests");
    const force = setTimeout(() => {
      app.log.error("shutdown took too long, exiting");
      process.exit(1);
    }, 15_000);
    force.unref();
    try {
      await app.close(); // stops accepting, waits for in-flight requests
      await jobs.stop();
      await database.close();
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, "error during shutdown");
      process.exit(1);
    }
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));

  await app.listen({ port: config.port, host: config.host });
  const engine = database.kind === "pglite" ? `embedded PGlite in ${pgliteDir(config.dataDir)}` : "PostgreSQL";
  app.log.info(`Lotse is running at ${config.publicUrl} (database: ${engine})`);
  if (config.demoData) printDemoAccounts(config.publicUrl, config.demoPassword);
}

/** Invalid configuration: one clear message naming each variable, exit code 2. */
function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}

function printDemoAccounts(publicUrl: string, password: string): void {
  const accounts = [
    "admin@lotse.demo",
    "koordination.berlin@lotse.demo",
    "leitung.berlin@lotse.demo",
    "berater.berlin@lotse.demo",
    "berater.bayern@lotse.demo",
    "monitoring@lotse.demo",
    "bund@lotse.demo",
  ];
  console.log(`\nDemo mode. Open ${publicUrl}/ and sign in at ${publicUrl}/staff with one of:\n`);
  for (const email of accounts) console.log(`  ${email}`);
  console.log(`\nPassword for all demo accounts: ${password}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
