import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gin } from "@electric-sql/pglite/contrib/btree_gin";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { SQL } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { type ListenHandlers, listenPglite, listenPostgres, type Subscription } from "./listen.js";
import { MAX_USES_PER_CONNECTION, prepareRepeatedStatements } from "./prepared.js";
import * as schema from "./schema/index.js";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle; services pass it down so a use case commits or fails as one. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Anything that can run a query: the database or an open transaction. */
export type Executor = Db | Tx;

export type DatabaseTarget =
  | { kind: "pglite"; dataDir?: string; loadDataDir?: Blob }
  | { kind: "postgres"; url: string; poolSize?: number; applicationName?: string };

export type Database = {
  kind: "pglite" | "postgres";
  db: Db;
  /** Answers within a second or throws: used by the health check. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /** LISTENs on a channel (see listen.ts); the subscription must be closed before the database. */
  listen(channel: string, handlers: ListenHandlers): Promise<Subscription>;
  /** The PGlite instance (embedded engine only), e.g. to dump a template in tests. */
  pglite?: PGlite;
  pool?: pg.Pool;
};

// timestamptz and date come back as ISO strings from both drivers would be nicer, but drizzle
// maps them per column; we keep drizzle's defaults (Date for timestamp, string for date).

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === "pglite") {
    let dataDir: string | undefined;
    if (target.dataDir) {
      dataDir = resolve(target.dataDir);
      mkdirSync(dataDir, { recursive: true });
    }
    const client = await PGlite.create({
      dataDir,
      loadDataDir: target.loadDataDir,
      relaxedDurability: false,
      // Extensions the migrations create (PostgreSQL ships them in contrib).
      extensions: { pg_trgm, btree_gin, btree_gist },
    });
    const db = drizzlePglite({ client, schema }) as unknown as Db;
    return {
      kind: "pglite",
      db,
      pglite: client,
      ping: async () => {
        await client.query("select 1");
      },
      close: async () => {
        if (!client.closed) await client.close();
      },
      listen: (channel, handlers) => listenPglite(client, channel, handlers),
    };
  }

  const pool = new pg.Pool({
    connectionString: target.url,
    max: target.poolSize ?? 10,
    // Fail fast when the server is away, so requests answer 503 instead of hanging.
    connectionTimeoutMillis: 2_000,
    idleTimeoutMillis: 30_000,
    application_name: target.applicationName ?? "lotse",
    statement_timeout: 30_000,
    maxUses: MAX_USES_PER_CONNECTION,
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on("error", () => {});
  prepareRepeatedStatements(pool);
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    kind: "postgres",
    db,
    pool,
    ping: async () => {
      const client = await pool.connect();
      try {
        await client.query({ text: "select 1", rowMode: "array" });
      } finally {
        client.release();
      }
    },
    close: async () => {
      await pool.end();
    },
    listen: async (channel, handlers) => listenPostgres(target.url, channel, handlers, `${target.applicationName ?? "lotse"}-listen`),
  };
}

/** Where the embedded database lives inside DATA_DIR. */
export const pgliteDir = (dataDir: string) => join(dataDir, "pglite");

/**
 * Runs raw SQL and returns its rows, typed by the caller. Both drivers answer with `{ rows }`;
 * drizzle's shared type does not say so, hence the one cast here.
 */
export async function queryRows<T>(exec: Executor, query: SQL): Promise<T[]> {
  const result = (await exec.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * A PostgreSQL array literal ('{"a","b"}') for a bound parameter cast to `text[]` or `uuid[]`:
 * the one form both drivers pass through unchanged. Elements are quoted and escaped.
 */
export function pgArrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, "\\$&")}"`).join(",")}}`;
}

/**
 * Whether an error is PostgreSQL refusing a write with this SQLSTATE on this constraint or index
 * (both drivers; drizzle wraps the driver's error in `cause`).
 */
export function isConstraintViolation(error: unknown, sqlState: string, constraint: string): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const e = current as { code?: string; constraint?: string; message?: string; cause?: unknown };
    if (e.code === sqlState && (e.constraint === constraint || e.message?.includes(constraint))) return true;
    current = e.cause;
  }
  return false;
}
