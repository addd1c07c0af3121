import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import pg from "pg";
import { type Database, openDatabase } from "../db/index.js";

/**
 * Test databases are clones of one template that global-setup migrated and seeded once:
 * PGlite loads a dump of it; PostgreSQL copies it with CREATE DATABASE … TEMPLATE.
 */
export const TEMPLATE_DB_NAME = "lotse_test_template";
export const PGLITE_TEMPLATE_ENV = "LOTSE_PGLITE_TEMPLATE";

export function testDatabaseUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined;
}

export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export type TestDatabase = Database & { url?: string; drop(): Promise<void> };

export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = testDatabaseUrl();
  if (adminUrl) {
    const name = `lotse_t_${randomBytes(6).toString("hex")}`;
    await adminQuery(adminUrl, `create database ${name} template ${TEMPLATE_DB_NAME}`);
    const url = withDatabaseName(adminUrl, name);
    const database = await openDatabase({ kind: "postgres", url, poolSize: 5 });
    let dropped = false;
    return {
      ...database,
      url,
      drop: async () => {
        if (dropped) return;
        dropped = true;
        await database.close().catch(() => {});
        await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
      },
    };
  }
  const templatePath = process.env[PGLITE_TEMPLATE_ENV];
  if (!templatePath) throw new Error("global-setup did not prepare a PGlite template");
  const dump = new Blob([await readFile(templatePath)]);
  const database = await openDatabase({ kind: "pglite", loadDataDir: dump });
  return { ...database, drop: () => database.close() };
}

export async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
