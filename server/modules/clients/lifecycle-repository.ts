import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { type Executor, queryRows } from "../../db/index.js";
import { clientAccessGrants, clientConsents, clients, clientTasks, retentionRuns } from "../../db/schema/index.js";

/**
 * SQL of the person-level operations: erasure, merge, export, retention. The personal part of
 * a client is exactly these columns; erasure blanks them and nothing else.
 */
const blankPersonalPart = {
  firstName: "",
  lastName: "",
  searchName: "",
  email: null,
  phone: null,
  preferredLanguages: [] as string[],
};

/** Blanks the personal part once; null when it was already erased (a repeat changes nothing). */
export async function erasePersonalPart(exec: Executor, clientId: string, now: Date) {
  const [row] = await exec
    .update(clients)
    .set({ ...blankPersonalPart, erasedAt: now, updatedAt: now, version: sql`${clients.version} + 1` })
    .where(and(eq(clients.id, clientId), isNull(clients.erasedAt)))
    .returning({ id: clients.id });
  return row ?? null;
}

/** Tasks name what is to be done for a person; they go with the personal part. */
export async function deleteTasks(exec: Executor, clientId: string): Promise<number> {
  const rows = await exec.delete(clientTasks).where(eq(clientTasks.clientId, clientId)).returning({ id: clientTasks.id });
  return rows.length;
}

/** Moves consents, tasks and access grants of a merged-away client to the kept one. */
export async function moveOwnRecords(exec: Executor, fromId: string, toId: string): Promise<number> {
  const consents = await exec
    .update(clientConsents)
    .set({ clientId: toId })
    .where(eq(clientConsents.clientId, fromId))
    .returning({ id: clientConsents.id });
  const tasks = await exec
    .update(clientTasks)
    .set({ clientId: toId })
    .where(eq(clientTasks.clientId, fromId))
    .returning({ id: clientTasks.id });
  const grants = await exec
    .update(clientAccessGrants)
    .set({ clientId: toId })
    .where(eq(clientAccessGrants.clientId, fromId))
    .returning({ id: clientAccessGrants.id });
  return consents.length + tasks.length + grants.length;
}

/** Marks the duplicate as merged into the kept record; its personal part goes (the kept one has it). */
export async function markMerged(exec: Executor, fromId: string, toId: string, now: Date): Promise<void> {
  await exec
    .update(clients)
    .set({ ...blankPersonalPart, mergedIntoId: toId, updatedAt: now, version: sql`${clients.version} + 1` })
    .where(eq(clients.id, fromId));
}

export async function listTasksForExport(exec: Executor, clientId: string) {
  return exec.select().from(clientTasks).where(eq(clientTasks.clientId, clientId)).orderBy(asc(clientTasks.dueOn), asc(clientTasks.id));
}

export async function listAccessGrantsForExport(exec: Executor, clientId: string) {
  return exec
    .select()
    .from(clientAccessGrants)
    .where(eq(clientAccessGrants.clientId, clientId))
    .orderBy(asc(clientAccessGrants.grantedAt), asc(clientAccessGrants.id));
}

/**
 * Clients whose retention period has run out: last contact (or, never seen, the day they were
 * recorded) before the cut-off, personal part still present, not merged away.
 */
export async function clientsPastRetention(exec: Executor, cutoff: string, limit: number): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    exec,
    sql`select id from ${clients}
         where erased_at is null and merged_into_id is null
           and coalesce(last_contact_on, (created_at at time zone 'Europe/Berlin')::date) < ${cutoff}::date
         order by id
         limit ${limit}`,
  );
  return rows.map((r) => r.id);
}

/** Open and done tasks due before the cut-off lose their text. */
export async function deleteTasksDueBefore(exec: Executor, cutoff: string): Promise<number> {
  const rows = await exec.delete(clientTasks).where(sql`${clientTasks.dueOn} < ${cutoff}::date`).returning({ id: clientTasks.id });
  return rows.length;
}

export async function insertRetentionRun(exec: Executor, values: typeof retentionRuns.$inferInsert) {
  await exec.insert(retentionRuns).values(values);
}

export async function listRetentionRuns(exec: Executor, limit: number) {
  return exec.select().from(retentionRuns).orderBy(sql`${retentionRuns.ranAt} desc`).limit(limit);
}
