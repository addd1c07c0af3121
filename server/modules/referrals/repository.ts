import { and, asc, desc, eq, type SQL, sql } from "drizzle-orm";
import type { ReferralStatus } from "../../../common/domain/referrals.js";
import { type Executor, queryRows } from "../../db/index.js";
import { referralEvents, referrals } from "../../db/schema/index.js";
import { unitIdsInSubtreesSql, unitPathSql } from "../directory/service.js";

export type ReferralRow = typeof referrals.$inferSelect;
export type ReferralEventRow = typeof referralEvents.$inferSelect;
/** A referral with the paths of both units: what the policy decides on. */
export type ReferralWithPaths = { row: ReferralRow; fromUnitPath: string | null; toUnitPath: string | null };

export async function insertReferral(exec: Executor, values: typeof referrals.$inferInsert): Promise<ReferralRow> {
  const [row] = await exec.insert(referrals).values(values).returning();
  return row!;
}

export async function insertEvent(exec: Executor, values: typeof referralEvents.$inferInsert): Promise<void> {
  await exec.insert(referralEvents).values(values);
}

const withPaths = { row: referrals, fromUnitPath: unitPathSql(referrals.fromUnitId), toUnitPath: unitPathSql(referrals.toUnitId) };

/** One referral with its unit paths; `forUpdate` locks it until the transaction ends. */
export async function findReferral(exec: Executor, id: string, options: { forUpdate?: boolean } = {}): Promise<ReferralWithPaths | null> {
  const query = exec.select(withPaths).from(referrals).where(eq(referrals.id, id));
  const [found] = options.forUpdate ? await query.for("update", { of: referrals }) : await query;
  return found ?? null;
}

export type ReferralFilter = {
  /** Referrals sent to (inbox) or from (outbox) units at or below these paths. */
  box?: { side: "to" | "from"; paths: string[] };
  clientId?: string;
  status?: ReferralStatus;
  /** With `today`: only overdue (true) or only not overdue (false) referrals. */
  overdue?: boolean;
  today: string;
  limit: number;
};

/** Still "sent" after the due day (see common/domain/referrals.ts isOverdue). */
const overdueSql = (today: string) => sql`(${referrals.status} = 'sent' and ${referrals.answerDueOn} < ${today}::date)`;

export async function listReferrals(exec: Executor, filter: ReferralFilter): Promise<ReferralWithPaths[]> {
  const conditions: SQL[] = [];
  if (filter.box) {
    if (filter.box.paths.length === 0) return [];
    const column = filter.box.side === "to" ? referrals.toUnitId : referrals.fromUnitId;
    conditions.push(sql`${column} = any(${unitIdsInSubtreesSql(filter.box.paths)})`);
  }
  if (filter.clientId) conditions.push(eq(referrals.clientId, filter.clientId));
  if (filter.status) conditions.push(eq(referrals.status, filter.status));
  if (filter.overdue !== undefined) conditions.push(filter.overdue ? overdueSql(filter.today) : sql`not ${overdueSql(filter.today)}`);
  return exec
    .select(withPaths)
    .from(referrals)
    .where(and(...conditions))
    .orderBy(desc(referrals.sentAt), desc(referrals.id))
    .limit(filter.limit);
}

export async function listEvents(exec: Executor, referralId: string): Promise<ReferralEventRow[]> {
  return exec
    .select()
    .from(referralEvents)
    .where(eq(referralEvents.referralId, referralId))
    .orderBy(asc(referralEvents.at), asc(referralEvents.id));
}

/** Sets the status if the version still matches; null when someone else was faster. */
export async function updateStatus(
  exec: Executor,
  id: string,
  version: number,
  change: { status: ReferralStatus; reason: string | null; now: Date },
): Promise<ReferralRow | null> {
  const [row] = await exec
    .update(referrals)
    .set({ status: change.status, statusReason: change.reason, version: version + 1, updatedAt: change.now })
    .where(and(eq(referrals.id, id), eq(referrals.version, version)))
    .returning();
  return row ?? null;
}

/** All referrals of a client, newest first (timeline, access export). */
export async function referralsOfClient(exec: Executor, clientId: string): Promise<ReferralRow[]> {
  return exec.select().from(referrals).where(eq(referrals.clientId, clientId)).orderBy(desc(referrals.sentAt), desc(referrals.id));
}

export async function eventsOfClient(exec: Executor, clientId: string): Promise<ReferralEventRow[]> {
  return exec
    .select({ event: referralEvents })
    .from(referralEvents)
    .innerJoin(referrals, eq(referrals.id, referralEvents.referralId))
    .where(eq(referrals.clientId, clientId))
    .orderBy(asc(referralEvents.at), asc(referralEvents.id))
    .then((rows) => rows.map((r) => r.event));
}

/** Blanks the free texts of a client's referrals (erasure); returns how many referrals changed. */
export async function eraseFreeTexts(exec: Executor, clientId: string): Promise<number> {
  const changed = await exec
    .update(referrals)
    .set({ message: null, externalNote: null, statusReason: null })
    .where(
      and(
        eq(referrals.clientId, clientId),
        sql`(${referrals.message} is not null or ${referrals.externalNote} is not null or ${referrals.statusReason} is not null)`,
      ),
    )
    .returning({ id: referrals.id });
  await exec
    .update(referralEvents)
    .set({ reason: null })
    .where(
      and(
        sql`${referralEvents.reason} is not null`,
        sql`${referralEvents.referralId} in (select ${referrals.id} from ${referrals} where ${referrals.clientId} = ${clientId})`,
      ),
    );
  return changed.length;
}

export async function moveToClient(exec: Executor, fromClientId: string, toClientId: string): Promise<number> {
  const moved = await exec
    .update(referrals)
    .set({ clientId: toClientId })
    .where(eq(referrals.clientId, fromClientId))
    .returning({ id: referrals.id });
  return moved.length;
}

/** Today in Europe/Berlin by the database's clock, for callers without the app's clock. */
export async function databaseBerlinToday(exec: Executor): Promise<string> {
  const [row] = await queryRows<{ today: string }>(exec, sql`select to_char(now() at time zone 'Europe/Berlin', 'YYYY-MM-DD') as today`);
  return row!.today;
}

/** Retention of free texts (RETENTION_YEARS referral_message): the message of referrals sent before the cut-off day. */
export async function eraseMessagesSentBefore(exec: Executor, cutoff: string): Promise<number> {
  const changed = await exec
    .update(referrals)
    .set({ message: null })
    .where(and(sql`${referrals.sentAt} < ${cutoff}::date`, sql`${referrals.message} is not null`))
    .returning({ id: referrals.id });
  return changed.length;
}
