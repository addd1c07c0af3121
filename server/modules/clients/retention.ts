import { type ContactRecordType, retentionRecordTypes, retentionResultLabels } from "../../../common/domain/retention.js";
import type { Executor } from "../../db/index.js";
import type { Actor } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import { enqueueJob, type JobRunner } from "../../platform/jobs.js";
import { ensure } from "../../platform/policy.js";
import { recordAuditEvent } from "../audit/service.js";
import { berlinToday } from "../directory/service.js";
import { erasePersonalData } from "./erasure.js";
import * as lifecycle from "./lifecycle-repository.js";
import { canReadRetentionReports } from "./policy.js";
import { clientRecordKeepers } from "./record-keepers.js";

export const RETENTION_JOB = "clients.retention";
/** Clients erased per transaction: a large backlog is worked off in short transactions. */
const BATCH = 200;

/**
 * A module keeping contact data of people who are not (yet) clients (bookings, online requests;
 * decisions 0004 and 0006). Its period is in days (config.contactRetentionDays[recordType]); the
 * retention run calls it batch by batch, each in a short transaction with its audit events.
 * Keepers register at start (server/app.ts), so this module never imports theirs.
 */
export type ContactDataKeeper = {
  recordType: ContactRecordType;
  /**
   * Blanks the contact data of up to `limit` records whose period ended before the cut-off day,
   * with what was derived from it (queued and sent mails); returns their ids. A blanked record is
   * never returned again.
   */
  eraseContactDataBefore(tx: Executor, cutoff: string, limit: number, now: Date): Promise<string[]>;
};

const contactKeepers = new Map<ContactRecordType, ContactDataKeeper>();

export function registerContactDataKeeper(keeper: ContactDataKeeper): void {
  contactKeepers.set(keeper.recordType, keeper);
}

/** The day `days` before an ISO day. */
export function daysBefore(isoDay: string, days: number): string {
  const day = new Date(`${isoDay}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - days);
  return day.toISOString().slice(0, 10);
}

/** The day `years` before an ISO day (29 February falls back to 28 February). */
export function yearsBefore(isoDay: string, years: number): string {
  const [y, m, d] = isoDay.split("-").map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y - years, m - 1, d));
  if (day.getUTCMonth() !== m - 1) day.setUTCDate(0);
  return day.toISOString().slice(0, 10);
}

/**
 * Automatic deletion: personal data N years (RETENTION_YEARS, per record type) after the last
 * contact. Clients are erased like on request (pseudonymous facts stay); tasks and referral
 * messages have their own periods; contact data of bookings and online requests goes N days after
 * the appointment or the decision (contact data keepers). Writes one report row per run. Safe to
 * run twice a day or on two nodes at once: erasing an erased record changes nothing.
 */
export async function runRetention(
  ctx: AppContext,
): Promise<{ erasedClientIds: string[]; results: Record<string, { cutoff: string; erased: number }> }> {
  const today = berlinToday(ctx);
  const years = ctx.config.retentionYears;
  const cutoffs = Object.fromEntries(retentionRecordTypes.map((t) => [t, yearsBefore(today, years[t])])) as Record<
    (typeof retentionRecordTypes)[number],
    string
  >;
  const erasedClientIds: string[] = [];
  for (;;) {
    const batch = await ctx.database.db.transaction(async (tx) => {
      const ids = await lifecycle.clientsPastRetention(tx, cutoffs.client, BATCH);
      for (const id of ids) {
        if (await erasePersonalData(tx, id, ctx.clock.now())) erasedClientIds.push(id);
        await recordAuditEvent(tx, null, {
          action: "client.retention_erase",
          outcome: "success",
          recordType: "client",
          recordId: id,
          actorLabel: "retention job",
        });
      }
      return ids.length;
    });
    if (batch < BATCH) break;
  }
  const results: Record<string, { cutoff: string; erased: number }> = {
    client: { cutoff: cutoffs.client, erased: erasedClientIds.length },
  };
  for (const keeper of contactKeepers.values()) {
    results[keeper.recordType] = await eraseContactData(ctx, keeper, daysBefore(today, ctx.config.contactRetentionDays[keeper.recordType]));
  }
  await ctx.database.db.transaction(async (tx) => {
    results.task = { cutoff: cutoffs.task, erased: await lifecycle.deleteTasksDueBefore(tx, cutoffs.task) };
    for (const keeper of clientRecordKeepers()) {
      for (const rule of keeper.retention ?? []) {
        results[rule.recordType] = { cutoff: cutoffs[rule.recordType], erased: await rule.erase(tx, cutoffs[rule.recordType]) };
      }
    }
    await lifecycle.insertRetentionRun(tx, { runDay: today, results, erasedClientIds });
  });
  return { erasedClientIds, results };
}

/** One keeper's part of a run: batches in short transactions, one audit event (no personal data) per record. */
async function eraseContactData(ctx: AppContext, keeper: ContactDataKeeper, cutoff: string): Promise<{ cutoff: string; erased: number }> {
  let erased = 0;
  for (;;) {
    const batch = await ctx.database.db.transaction(async (tx) => {
      const ids = await keeper.eraseContactDataBefore(tx, cutoff, BATCH, ctx.clock.now());
      for (const id of ids) {
        await recordAuditEvent(tx, null, {
          action: `${keeper.recordType}.retention_erase`,
          outcome: "success",
          recordType: keeper.recordType,
          recordId: id,
          actorLabel: "retention job",
        });
      }
      return ids.length;
    });
    erased += batch;
    if (batch < BATCH) return { cutoff, erased };
  }
}

/** Daily at 02:30 Berlin-ish (UTC 01:30): the job queues its next run when it runs. */
function nextRunAfter(now: Date): Date {
  const next = new Date(now);
  next.setUTCHours(1, 30, 0, 0);
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

export function registerRetentionJob(runner: JobRunner, ctx: AppContext): void {
  runner.register(RETENTION_JOB, async () => {
    await runRetention(ctx);
    await scheduleRetention(ctx);
  });
}

/** Queues the next run once (unique per day), whichever node asks. */
export async function scheduleRetention(ctx: AppContext): Promise<void> {
  const runAt = nextRunAfter(ctx.clock.now());
  await enqueueJob(ctx.database.db, {
    kind: RETENTION_JOB,
    payload: {},
    runAt,
    uniqueKey: `${RETENTION_JOB}:${runAt.toISOString().slice(0, 10)}`,
  });
}

export async function listRetentionRuns(ctx: AppContext, actor: Actor, limit: number) {
  ensure(canReadRetentionReports(actor));
  const rows = await lifecycle.listRetentionRuns(ctx.database.db, limit);
  return rows.map((r) => ({
    id: r.id,
    ranAt: r.ranAt.toISOString(),
    runDay: r.runDay,
    results: Object.fromEntries(
      Object.entries(r.results as Record<string, { cutoff: string; erased: number }>).map(([type, result]) => [
        type,
        { ...result, label: retentionResultLabels[type as keyof typeof retentionResultLabels] ?? { de: type, en: type } },
      ]),
    ),
    erasedClients: r.erasedClientIds.length,
  }));
}
