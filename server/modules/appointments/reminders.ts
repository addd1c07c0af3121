import type { AppContext } from "../../platform/context.js";
import type { JobRunner } from "../../platform/jobs.js";
import { notify, REMINDER_JOB } from "./public-service.js";
import { claimReminder } from "./repository.js";

/**
 * The reminder 24 hours before an appointment, sent exactly once: the job runner gives a due
 * job to one node at a time (SKIP LOCKED), and claiming the booking's reminder and queueing the
 * mail happen in one transaction, so a retry after a crash or a second node finds the reminder
 * already claimed. A cancelled or moved booking is not reminded of its old time.
 */
export function registerReminderJob(runner: JobRunner, ctx: AppContext): void {
  runner.register(REMINDER_JOB, async (payload) => {
    const { bookingId, startsAt } = payload as { bookingId: string; startsAt: string };
    await ctx.database.db.transaction(async (tx) => {
      const row = await claimReminder(tx, bookingId, new Date(startsAt), ctx.clock.now());
      if (!row) return;
      await notify(tx, "reminder", row);
    });
  });
}
