import { and, desc, eq, gte, ilike, lt, lte, or, type Placeholder, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/index.js";
import { auditEvents } from "../../db/schema/index.js";
import { fixedStatement } from "../../db/statement.js";
import type { RequestOrigin } from "../../platform/actor.js";
import { type EnqueueOptions, insertJobsSql, jobsParameter } from "../../platform/jobs.js";

export type AuditOutcome = "success" | "denied" | "failure";

export type AuditEventInput = {
  action: string;
  outcome: AuditOutcome;
  recordType?: string;
  recordId?: string;
  details?: Record<string, unknown>;
  /** Overrides the actor of the origin, e.g. for a failed login by e-mail. */
  actorUserId?: string | null;
  actorLabel?: string | null;
};

/**
 * Writes one audit event. Call it with the transaction of the change it records, so the
 * change and its audit row commit together or not at all.
 */
export async function recordAuditEvent(exec: Executor, origin: RequestOrigin | null, event: AuditEventInput): Promise<void> {
  await insertAuditEvent(exec, auditEventValues(origin, event));
}

/**
 * The audit event and the jobs a change queues (its mails, reminders), in one statement: one
 * round trip instead of two on hot paths such as public booking.
 */
export async function recordAuditEventWithJobs(
  exec: Executor,
  origin: RequestOrigin | null,
  event: AuditEventInput,
  jobs: readonly EnqueueOptions[],
): Promise<void> {
  if (jobs.length === 0) return recordAuditEvent(exec, origin, event);
  await insertAuditEventWithJobs(exec, { ...auditEventValues(origin, event), jobs: jobsParameter(jobs) });
}

type AuditEventValues = {
  action: string;
  outcome: string;
  recordType: string | null;
  recordId: string | null;
  details: string | null;
  actorUserId: string | null;
  actorLabel: string | null;
  ip: string | null;
  requestId: string | null;
};

function auditEventValues(origin: RequestOrigin | null, event: AuditEventInput): AuditEventValues {
  return {
    action: event.action,
    outcome: event.outcome,
    recordType: event.recordType ?? null,
    recordId: event.recordId ?? null,
    details: event.details === undefined || event.details === null ? null : JSON.stringify(event.details),
    actorUserId: event.actorUserId !== undefined ? event.actorUserId : (origin?.actor?.userId ?? null),
    actorLabel: event.actorLabel !== undefined ? event.actorLabel : (origin?.actor?.email ?? null),
    ip: origin?.ip ?? null,
    requestId: origin?.requestId ?? null,
  };
}

const auditEventInsertSql = (p: (name: keyof AuditEventValues & string) => Placeholder) =>
  sql`insert into audit_events (action, outcome, record_type, record_id, details, actor_user_id, actor_label, ip, request_id)
      values (${p("action")}, ${p("outcome")}, ${p("recordType")}, ${p("recordId")}, ${p("details")}::text::jsonb,
              ${p("actorUserId")}::uuid, ${p("actorLabel")}, ${p("ip")}, ${p("requestId")})`;

/** Runs after every read and change of a client record: its SQL is built once (server/db/statement.ts). */
const insertAuditEvent = fixedStatement<AuditEventValues>((p) => auditEventInsertSql(p));

const insertAuditEventWithJobs = fixedStatement<AuditEventValues & { jobs: string }>(
  (p) => sql`with audited as (${auditEventInsertSql(p)}) ${insertJobsSql(p("jobs"))}`,
);

export type AuditSearch = {
  from?: Date;
  to?: Date;
  actor?: string;
  action?: string;
  recordType?: string;
  recordId?: string;
  outcome?: AuditOutcome;
  /** Keyset paging: events older than this id. */
  before?: number;
  limit: number;
};

export async function searchAuditEvents(exec: Executor, search: AuditSearch) {
  const conditions: SQL[] = [];
  if (search.from) conditions.push(gte(auditEvents.occurredAt, search.from));
  if (search.to) conditions.push(lte(auditEvents.occurredAt, search.to));
  if (search.actor) {
    const pattern = `%${search.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(auditEvents.actorLabel, pattern), eq(auditEvents.actorUserId, uuidOrNil(search.actor)))!);
  }
  if (search.action) conditions.push(eq(auditEvents.action, search.action));
  if (search.recordType) conditions.push(eq(auditEvents.recordType, search.recordType));
  if (search.recordId) conditions.push(eq(auditEvents.recordId, search.recordId));
  if (search.outcome) conditions.push(eq(auditEvents.outcome, search.outcome));
  if (search.before) conditions.push(lt(auditEvents.id, search.before));
  const rows = await exec
    .select()
    .from(auditEvents)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditEvents.id))
    .limit(search.limit + 1);
  const hasMore = rows.length > search.limit;
  return { items: rows.slice(0, search.limit), nextBefore: hasMore ? rows[search.limit - 1]!.id : null };
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Compares with a uuid column only when the text is a uuid; otherwise matches nothing. */
function uuidOrNil(value: string): string {
  return UUID_RE.test(value) ? value : "00000000-0000-0000-0000-000000000000";
}
