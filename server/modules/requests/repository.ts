import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { openRequestStatuses, type RequestStatus } from "../../../common/domain/requests.js";
import type { Executor } from "../../db/index.js";
import { onlineRequestEvents, onlineRequests } from "../../db/schema/index.js";
import { unitIdsInSubtreesSql, unitPathSql } from "../directory/service.js";

export type OnlineRequestRow = typeof onlineRequests.$inferSelect;
export type OnlineRequestEventRow = typeof onlineRequestEvents.$inferSelect;
/** A request with the path of the site holding it: the path decides who works on it. */
export type OnlineRequestWithPath = { row: OnlineRequestRow; sitePath: string | null };

const withPath = { row: onlineRequests, sitePath: unitPathSql(onlineRequests.siteId) };

export async function insertRequest(exec: Executor, values: typeof onlineRequests.$inferInsert): Promise<OnlineRequestRow> {
  const [row] = await exec.insert(onlineRequests).values(values).returning();
  return row!;
}

export async function insertEvent(exec: Executor, values: typeof onlineRequestEvents.$inferInsert): Promise<void> {
  await exec.insert(onlineRequestEvents).values(values);
}

/** One request with its site's path; `forUpdate` locks it until the transaction ends (one move at a time). */
export async function findRequest(
  exec: Executor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<OnlineRequestWithPath | null> {
  const query = exec.select(withPath).from(onlineRequests).where(eq(onlineRequests.id, id));
  const [found] = options.forUpdate ? await query.for("update", { of: onlineRequests }) : await query;
  return found ?? null;
}

export type RequestFilter = { paths: string[]; status: RequestStatus | "open" | "all"; siteId?: string; limit: number };

/** Requests at sites at or below the paths, oldest open first would bury new ones: newest first. */
export async function listRequests(exec: Executor, filter: RequestFilter): Promise<OnlineRequestRow[]> {
  if (filter.paths.length === 0) return [];
  const conditions: SQL[] = [sql`${onlineRequests.siteId} = any(${unitIdsInSubtreesSql(filter.paths)})`];
  if (filter.status === "open") conditions.push(inArray(onlineRequests.status, [...openRequestStatuses]));
  else if (filter.status !== "all") conditions.push(eq(onlineRequests.status, filter.status));
  if (filter.siteId) conditions.push(eq(onlineRequests.siteId, filter.siteId));
  return exec
    .select()
    .from(onlineRequests)
    .where(and(...conditions))
    .orderBy(desc(onlineRequests.receivedAt), desc(onlineRequests.id))
    .limit(filter.limit);
}

export async function listEvents(exec: Executor, requestId: string): Promise<OnlineRequestEventRow[]> {
  return exec
    .select()
    .from(onlineRequestEvents)
    .where(eq(onlineRequestEvents.requestId, requestId))
    .orderBy(asc(onlineRequestEvents.at), asc(onlineRequestEvents.id));
}

/** Changes a request that is still open (the caller holds its lock); null when it is not open any more. */
export async function updateOpenRequest(
  exec: Executor,
  id: string,
  changes: Partial<typeof onlineRequests.$inferInsert> & { updatedAt: Date },
): Promise<OnlineRequestRow | null> {
  const [row] = await exec
    .update(onlineRequests)
    .set(changes)
    .where(and(eq(onlineRequests.id, id), inArray(onlineRequests.status, [...openRequestStatuses])))
    .returning();
  return row ?? null;
}
