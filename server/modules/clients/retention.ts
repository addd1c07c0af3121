import { retentionRecordTypes } from "../../../common/domain/retention.js";
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
 * messages have their own periods. Writes one report row per run. Safe to run twice a day or
 * on two nodes at once: erasing an erased record changes nothing.
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
    results: r.results as Record<string, { cutoff: string; erased: number }>,
    erasedClients: r.erasedClientIds.length,
  }));
}
