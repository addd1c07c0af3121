import { and, desc, eq, or, type SQL } from "drizzle-orm";
import type { Executor } from "../../db/index.js";
import { monitoringSavedQueries } from "../../db/schema/index.js";

/** The SQL of saved queries (Sonderanfragen); who sees which is policy.ts. */

export type SavedQueryRow = typeof monitoringSavedQueries.$inferSelect;
export type SavedQueryInsert = typeof monitoringSavedQueries.$inferInsert;

export async function insertSavedQuery(exec: Executor, values: SavedQueryInsert): Promise<SavedQueryRow> {
  const [row] = await exec.insert(monitoringSavedQueries).values(values).returning();
  return row!;
}

/** `forUpdate` locks the row until the transaction ends (serialises changes to one query). */
export async function findSavedQuery(exec: Executor, id: string, options: { forUpdate?: boolean } = {}): Promise<SavedQueryRow | null> {
  const query = exec.select().from(monitoringSavedQueries).where(eq(monitoringSavedQueries.id, id));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row ?? null;
}

/**
 * The candidates a caller may see, newest change first: their own, those shared with a unit
 * (the policy then checks the subtree) and, for the national team, those shared nationally.
 * Never another owner's private query.
 */
export async function listSavedQueryCandidates(exec: Executor, ownerId: string, national: boolean): Promise<SavedQueryRow[]> {
  const t = monitoringSavedQueries;
  const visible: SQL[] = [eq(t.ownerId, ownerId), eq(t.sharing, "unit")];
  if (national) visible.push(eq(t.sharing, "national"));
  return exec
    .select()
    .from(t)
    .where(or(...visible))
    .orderBy(desc(t.updatedAt), desc(t.id));
}

/** Writes the changes if the version still matches; null when someone else was faster. */
export async function updateSavedQuery(
  exec: Executor,
  id: string,
  version: number,
  changes: Partial<SavedQueryInsert>,
  now: Date,
): Promise<SavedQueryRow | null> {
  const t = monitoringSavedQueries;
  const [row] = await exec
    .update(t)
    .set({ ...changes, version: version + 1, updatedAt: now })
    .where(and(eq(t.id, id), eq(t.version, version)))
    .returning();
  return row ?? null;
}

export async function deleteSavedQuery(exec: Executor, id: string): Promise<void> {
  await exec.delete(monitoringSavedQueries).where(eq(monitoringSavedQueries.id, id));
}
