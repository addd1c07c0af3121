import type { AppContext } from "../../platform/context.js";
import { enqueueJob, type JobRunner } from "../../platform/jobs.js";
import * as repo from "./repository.js";

/**
 * Upkeep of the rollups. The triggers keep them exact in the writing transaction; these only
 * recompute them (after a bulk load with triggers off, a restore, a changed definition) or fold
 * the journal so that edits do not leave pairs of rows behind.
 */

/** Recomputes all rollups from the facts in one transaction (npm run monitoring:rebuild). */
export async function rebuildRollups(ctx: Pick<AppContext, "database">): Promise<{ rows: number; ms: number }> {
  const started = performance.now();
  const rows = await ctx.database.db.transaction((tx) => repo.rebuildRollups(tx));
  return { rows, ms: Math.round(performance.now() - started) };
}

export async function compactRollups(ctx: Pick<AppContext, "database">): Promise<number> {
  return ctx.database.db.transaction((tx) => repo.compactRollups(tx));
}

export const COMPACTION_JOB = "monitoring.compact";

/** Nightly at 03:15 UTC, after the retention job; the job queues its next run itself. */
function nextRunAfter(now: Date): Date {
  const next = new Date(now);
  next.setUTCHours(3, 15, 0, 0);
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

export function registerCompactionJob(runner: JobRunner, ctx: AppContext): void {
  runner.register(COMPACTION_JOB, async () => {
    const removed = await compactRollups(ctx);
    ctx.log.info({ removed }, "monitoring rollups compacted");
    await scheduleCompaction(ctx);
  });
}

/** Queues the next run once (unique per day), whichever node asks. */
export async function scheduleCompaction(ctx: AppContext): Promise<void> {
  const runAt = nextRunAfter(ctx.clock.now());
  await enqueueJob(ctx.database.db, {
    kind: COMPACTION_JOB,
    payload: {},
    runAt,
    uniqueKey: `${COMPACTION_JOB}:${runAt.toISOString().slice(0, 10)}`,
  });
}
