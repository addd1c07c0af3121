import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { loadConfig } from "../config.js";
import { openDatabase } from "../db/index.js";
import { applyMigrations } from "../db/migrate.js";
import { ensureReferenceProfessions } from "../modules/consultations/reference-professions-repository.js";
import { ensurePostcodes } from "../modules/directory/postcodes.js";
import { systemClock } from "../platform/context.js";
import { resolveInstanceSecret } from "../platform/secrets.js";
import { seedDemoData } from "../seed/demo.js";
import { adminQuery, PGLITE_TEMPLATE_ENV, TEMPLATE_DB_NAME, testDatabaseUrl, withDatabaseName } from "./database.js";

/** Migrates and seeds one template database; every test file then works on its own clone. */
export default async function setup(): Promise<void> {
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", DATA_DIR: mkdtempSync(join(tmpdir(), "lotse-setup-")) });
  const adminUrl = testDatabaseUrl();
  if (adminUrl) {
    await adminQuery(adminUrl, `drop database if exists ${TEMPLATE_DB_NAME} with (force)`);
    await adminQuery(adminUrl, `create database ${TEMPLATE_DB_NAME}`);
  }
  const database = await openDatabase(
    adminUrl ? { kind: "postgres", url: withDatabaseName(adminUrl, TEMPLATE_DB_NAME) } : { kind: "pglite" },
  );
  await applyMigrations(database);
  const ctx = {
    config,
    database,
    log: pino({ level: "silent" }),
    clock: systemClock,
    secret: await resolveInstanceSecret(database.db, undefined),
  };
  await ensurePostcodes(database.db);
  await ensureReferenceProfessions(database.db);
  // The monitoring demo set stays out of the template: tests that count facts bring their own.
  await seedDemoData(ctx, { monitoring: false });
  if (database.pglite) {
    const dump = await database.pglite.dumpDataDir("none");
    const path = join(mkdtempSync(join(tmpdir(), "lotse-template-")), "template.tar");
    writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
    process.env[PGLITE_TEMPLATE_ENV] = path;
  }
  await database.close();
}
