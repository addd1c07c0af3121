import { sql } from "drizzle-orm";
import { type Executor, queryRows } from "../../db/index.js";
import { networkAttribute, networkRollupSource, rollupSource, type Slice, type SliceRow, sliceSql, toSliceRows } from "./report-sql.js";

/**
 * The monitoring's own SQL: reports read the rollups only — monitoring_network_rollups when the
 * slice allows it (whole state networks, one client attribute, no Stichtag/channel/language),
 * else monitoring_rollups. The rollups are written by the
 * triggers of migration 0015, recomputed by monitoring_rebuild_rollups() and folded by
 * monitoring_compact_rollups() (decision 0007).
 */

export async function readSlice(exec: Executor, slice: Slice): Promise<SliceRow[]> {
  if (slice.units.length === 0) return [];
  const attribute = networkAttribute(slice);
  const source = attribute === null ? rollupSource(slice.family) : networkRollupSource(slice.family, attribute);
  const query = sliceSql(source, slice);
  // The network rollups' stretches are small and read at once. Scans of the fact-grain rollups run
  // without parallel workers: starting them cost ~40 ms per query on the 2-core benchmark machine,
  // more than a national scan gains from them (73 against 113 ms).
  const rows =
    attribute !== null
      ? await queryRows<Record<string, unknown>>(exec, query)
      : await exec.transaction(async (tx) => {
          await tx.execute(sql`set local max_parallel_workers_per_gather = 0`);
          return queryRows<Record<string, unknown>>(tx, query);
        });
  return toSliceRows(rows, slice.dims.length);
}

/** Recomputes every rollup from the facts; returns the number of rollup rows. */
export async function rebuildRollups(exec: Executor): Promise<number> {
  const [row] = await queryRows<{ rows: number | string }>(exec, sql`select monitoring_rebuild_rollups() as rows`);
  return Number(row?.rows ?? 0);
}

/** Folds the journal's rows per key; returns the number of rows removed. */
export async function compactRollups(exec: Executor): Promise<number> {
  const [row] = await queryRows<{ removed: number | string }>(exec, sql`select monitoring_compact_rollups() as removed`);
  return Number(row?.removed ?? 0);
}
