import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { openRequestStatuses, type RequestStatus } from "../../../common/domain/requests.js";
import type { Executor } from "../../db/index.js";
import { onlineRequestEvents, onlineRequests } from "../../db/schema/index.js";
import { unitIdsInSubtreesSql, unitPathSql } from "../directory/service.js";

export type OnlineRequestRow = typeof onlineRequests.$inferSelect;
export type OnlineRequestEventRow = typeof onlineRequestEvents.$inferSelect;
/** A request that still has its contact data: every open one (only decided requests are erased). */
export type RequestWithContact = OnlineRequestRow & { name: string; email: string; description: string };
/** A request with the path of the site holding it: the path decides who works on it. */
export type OnlineRequestWithPath = { row: OnlineRequestRow; sitePath: string | null };

const withPath = { row: onlineRequests, sitePath: unitPathSql(onlineRequests.siteId) };

export async function insertRequest(exec: Executor, values: typeof onlineRequests.$inferInsert): Promise<RequestWithContact> {
  const [row] = await exec.insert(onlineRequests).values(values).returning();
  return withContact(row!);
}

/** Narrows a request known to be open to one with contact data; a blanked one here is a bug. */
export function withContact(row: OnlineRequestRow): RequestWithContact {
  if (row.name === null || row.email === null || row.description === null) {
    throw new Error(`online request ${row.id} has no contact data any more`);
  }
  return row as RequestWithContact;
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
): Promise<RequestWithContact | null> {
  const [row] = await exec
    .update(onlineRequests)
    .set(changes)
    .where(and(eq(onlineRequests.id, id), inArray(onlineRequests.status, [...openRequestStatuses])))
    .returning();
  return row ? withContact(row) : null;
}

/**
 * Blanks the contact data of up to `limit` requests decided (accepted or closed — also after a
 * forward) before the cut-off day (Berlin): name, e-mail, phone, description, the answer, and the
 * notes of their forwards (staff's free text about the person). Site, topic, language, channel,
 * status, dates and the link to the client stay. Rows another run holds are skipped; a blanked
 * row is never picked again (contact_erased_at). Returns each request with the times of its forwards.
 */
export async function eraseContactDataBefore(
  exec: Executor,
  cutoff: string,
  limit: number,
  now: Date,
): Promise<{ id: string; forwardedAt: Date[] }[]> {
  // updated_at of an accepted or closed request is the day it was decided: nothing moves it afterwards.
  const erased = await exec
    .update(onlineRequests)
    .set({ name: null, email: null, phone: null, description: null, answer: null, contactErasedAt: now })
    .where(
      sql`${onlineRequests.contactErasedAt} is null and ${onlineRequests.id} in (
        select id from ${onlineRequests}
         where contact_erased_at is null and status in ('accepted', 'closed')
           and updated_at < (${cutoff}::date::timestamp at time zone 'Europe/Berlin')
         order by updated_at, id
         limit ${limit}
         for update skip locked)`,
    )
    .returning({ id: onlineRequests.id });
  if (erased.length === 0) return [];
  const forwards = await exec
    .update(onlineRequestEvents)
    .set({ note: null })
    .where(
      and(
        inArray(
          onlineRequestEvents.requestId,
          erased.map((r) => r.id),
        ),
        eq(onlineRequestEvents.status, "forwarded"),
      ),
    )
    .returning({ requestId: onlineRequestEvents.requestId, at: onlineRequestEvents.at });
  return erased.map(({ id }) => ({ id, forwardedAt: forwards.filter((f) => f.requestId === id).map((f) => f.at) }));
}
