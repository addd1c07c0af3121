import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import type { Database } from "../../../db/index.js";
import { chunks, tables } from "./csv.js";
import type { Facts } from "./facts.js";

/**
 * Writes the facts in one transaction: bulk COPY with the rollup triggers off, then the rebuild
 * (decision 0007 §5). ALTER TABLE … DISABLE TRIGGER is transactional in PostgreSQL, so a failure
 * anywhere rolls the triggers back on together with the data: they are never left off. The
 * marker row makes a second run a no-op (and is part of the same transaction).
 */

/** The statement triggers that would otherwise add each COPY's contribution (COPY only inserts). */
const insertTriggers: [string, string][] = [
  ["consultations", "consultations_monitoring_insert"],
  ["referrals", "referrals_monitoring_insert"],
  ["procedures", "procedures_monitoring_insert"],
  ["group_events", "group_events_monitoring_insert"],
];

export const GENERATED_MARKER = "monitoring_generated";

type Session = {
  exec(sql: string, params?: unknown[]): Promise<unknown[]>;
  copy(table: string, columns: string[], data: Iterable<string>): Promise<void>;
};

async function withSession<T>(database: Database, work: (s: Session) => Promise<T>): Promise<T> {
  if (database.pglite) {
    const pglite = database.pglite;
    return work({
      exec: async (sql, params) => (await pglite.query(sql, params)).rows,
      copy: async (table, columns, data) => {
        // PGlite has no COPY FROM STDIN over a socket; it reads the rows from a blob instead.
        const blob = new Blob([...data]);
        await pglite.query(`copy ${table} (${columns.join(", ")}) from '/dev/blob' with (format csv)`, [], { blob });
      },
    });
  }
  const client = await database.pool!.connect();
  try {
    // A national load runs longer than the app's statement timeout.
    await client.query("set statement_timeout = 0");
    return await work({
      exec: async (sql, params) => (await client.query(sql, params)).rows,
      copy: (table, columns, data) =>
        pipeline(Readable.from(data), client.query(copyFrom(`copy ${table} (${columns.join(", ")}) from stdin with (format csv)`))),
    });
  } finally {
    client.release();
  }
}

export type WriteTimings = { copyMs: number; rebuildMs: number; rollupRows: number; rows: Record<string, number> };

/** Returns null when the marker says the data set is there already. */
export async function writeFacts(database: Database, facts: Facts, marker: string): Promise<WriteTimings | null> {
  // PostgreSQL's advice for populating a database: indexes built once after the load, more memory for
  // building them and for the rebuild's aggregation. The small demo load on PGlite needs neither.
  const bulk = database.kind === "postgres" && facts.consultations.length > 50_000;
  return withSession(database, async (s) => {
    await s.exec("begin");
    if (bulk) {
      await s.exec("set local work_mem = '256MB'");
      await s.exec("set local maintenance_work_mem = '512MB'");
    }
    try {
      const claimed = await s.exec("insert into instance_settings (key, value) values ($1, $2) on conflict do nothing returning key", [
        GENERATED_MARKER,
        marker,
      ]);
      if (claimed.length === 0) {
        await s.exec("rollback");
        return null;
      }
      const started = performance.now();
      for (const [table, trigger] of insertTriggers) await s.exec(`alter table ${table} disable trigger ${trigger}`);
      const list = tables(facts);
      const indexes = bulk
        ? await dropSecondaryIndexes(
            s,
            list.map((t) => t.name),
          )
        : [];
      const rows: Record<string, number> = {};
      for (const table of list) {
        await s.copy(table.name, table.columns, chunks(table.lines()));
        rows[table.name] = (facts as unknown as Record<string, unknown[]>)[camel(table.name)]!.length;
      }
      for (const definition of indexes) await s.exec(definition);
      for (const [table, trigger] of insertTriggers) await s.exec(`alter table ${table} enable trigger ${trigger}`);
      const copied = performance.now();
      const [rebuilt] = (await s.exec("select monitoring_rebuild_rollups() as n")) as { n: string | number }[];
      const done = performance.now();
      await s.exec("commit");
      return { copyMs: Math.round(copied - started), rebuildMs: Math.round(done - copied), rollupRows: Number(rebuilt!.n), rows };
    } catch (error) {
      await s.exec("rollback").catch(() => {});
      throw error;
    }
  });
}

/**
 * Drops the loaded tables' non-unique indexes (keys and unique indexes stay: they are constraints)
 * and returns their definitions, to be created again after the load — in the same transaction.
 */
async function dropSecondaryIndexes(s: Session, tables: string[]): Promise<string[]> {
  const rows = (await s.exec(
    `select i.indexname as name, i.indexdef as definition from pg_indexes i
      where i.schemaname = current_schema() and i.tablename = any($1) and i.indexdef not like 'CREATE UNIQUE %'
      order by i.tablename, i.indexname`,
    [tables],
  )) as { name: string; definition: string }[];
  for (const r of rows) await s.exec(`drop index "${r.name}"`);
  return rows.map((r) => r.definition);
}

const camel = (name: string) => name.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
