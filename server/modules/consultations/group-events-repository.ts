import { and, desc, eq, gte, lte, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/index.js";
import { groupEvents } from "../../db/schema/index.js";
import { unitIdsInSubtreesSql } from "../directory/service.js";

export type GroupEventRow = typeof groupEvents.$inferSelect;

export async function insertGroupEvent(exec: Executor, values: typeof groupEvents.$inferInsert): Promise<GroupEventRow> {
  const [row] = await exec.insert(groupEvents).values(values).returning();
  return row!;
}

export async function findGroupEvent(exec: Executor, id: string, options: { forUpdate?: boolean } = {}) {
  const query = exec.select().from(groupEvents).where(eq(groupEvents.id, id));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row ?? null;
}

export async function updateGroupEvent(exec: Executor, id: string, version: number, changes: Partial<typeof groupEvents.$inferInsert>) {
  const [row] = await exec
    .update(groupEvents)
    .set({ ...changes, version: version + 1 })
    .where(and(eq(groupEvents.id, id), eq(groupEvents.version, version)))
    .returning();
  return row ?? null;
}

/** Group events of the units at or below a path, newest first. */
export async function listGroupEvents(exec: Executor, filter: { path: string; from?: string; to?: string; limit: number }) {
  const conditions: SQL[] = [sql`${groupEvents.unitId} = any(${unitIdsInSubtreesSql([filter.path])})`];
  if (filter.from) conditions.push(gte(groupEvents.date, filter.from));
  if (filter.to) conditions.push(lte(groupEvents.date, filter.to));
  return exec
    .select()
    .from(groupEvents)
    .where(and(...conditions))
    .orderBy(desc(groupEvents.date), desc(groupEvents.createdAt))
    .limit(filter.limit);
}
