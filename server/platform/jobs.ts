import { hostname } from "node:os";
import { type Placeholder, type SQL, sql } from "drizzle-orm";
import { type Executor, pgArrayLiteral, queryRows } from "../db/index.js";
import { JOB_MAX_ATTEMPTS, jobs } from "../db/schema/index.js";
import { fixedStatement } from "../db/statement.js";
import type { AppContext } from "./context.js";

export type JobHandler = (payload: unknown, ctx: AppContext) => Promise<void>;

export type EnqueueOptions = { kind: string; payload: unknown; runAt?: Date; uniqueKey?: string; maxAttempts?: number };

/**
 * Queues a job inside the caller's transaction: the job exists exactly when the change
 * that caused it committed ("side effects after commit").
 */
export async function enqueueJob(exec: Executor, job: EnqueueOptions): Promise<void> {
  await enqueueJobs(exec, [job]);
}

/** Several jobs in one statement (one round trip), e.g. a booking's mail and its reminder. */
export async function enqueueJobs(exec: Executor, list: readonly EnqueueOptions[]): Promise<void> {
  if (list.length === 0) return;
  await insertJobs(exec, { jobs: jobsParameter(list) });
}

/**
 * The INSERT of queued jobs, all of them in one JSON parameter: its SQL text is the same for any
 * number of jobs, so it is built once (a fixed statement) and can sit in another module's fixed
 * statement as a data-modifying CTE (`recordAuditEventWithJobs`). A job whose unique key exists is
 * skipped.
 */
export const insertJobsSql = (list: SQL | Placeholder) =>
  sql`insert into jobs (kind, payload, unique_key, run_at, max_attempts)
      select j.kind, j.payload, j.unique_key, coalesce(j.run_at, now()), coalesce(j.max_attempts, ${sql.raw(String(JOB_MAX_ATTEMPTS))})
        from jsonb_to_recordset(${list}::text::jsonb) as j(kind text, payload jsonb, unique_key text, run_at timestamptz, max_attempts int)
      on conflict (unique_key) do nothing`;

/** The value of insertJobsSql's parameter. */
export function jobsParameter(list: readonly EnqueueOptions[]): string {
  return JSON.stringify(
    list.map((job) => ({
      kind: job.kind,
      payload: job.payload,
      unique_key: job.uniqueKey ?? null,
      run_at: job.runAt?.toISOString() ?? null,
      max_attempts: job.maxAttempts ?? null,
    })),
  );
}

const insertJobs = fixedStatement<{ jobs: string }>((p) => insertJobsSql(p("jobs")));

/**
 * Deletes jobs of a kind by their unique keys, done or not (a done job keeps its payload). For the
 * retention job: what a job carried goes with the data it came from. Returns how many were deleted.
 */
export async function deleteJobs(exec: Executor, kind: string, uniqueKeys: readonly string[]): Promise<number> {
  if (uniqueKeys.length === 0) return 0;
  const rows = await queryRows<{ id: number }>(
    exec,
    sql`delete from ${jobs} where kind = ${kind} and unique_key = any(${pgArrayLiteral(uniqueKeys)}::text[]) returning id`,
  );
  return rows.length;
}

type ClaimedJob = { id: number; kind: string; payload: unknown; attempts: number; max_attempts: number };

const LEASE_SECONDS = 300;

/** Runs due jobs, claimed with FOR UPDATE SKIP LOCKED so concurrent nodes never share one. */
export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly workerId = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = false;

  constructor(private readonly ctx: AppContext) {}

  register(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  /** Claims and runs up to `limit` due jobs; returns how many ran. */
  async runDue(limit = 20): Promise<number> {
    const { db } = this.ctx.database;
    const claimed = await queryRows<ClaimedJob>(
      db,
      sql`
      update ${jobs} set locked_by = ${this.workerId},
        locked_until = now() + make_interval(secs => ${LEASE_SECONDS}),
        attempts = attempts + 1
      where id in (
        select id from ${jobs}
        where done_at is null and failed_at is null and run_at <= now()
          and (locked_until is null or locked_until < now())
        order by run_at, id
        limit ${limit}
        for update skip locked)
      returning id, kind, payload, attempts, max_attempts`,
    );
    for (const job of claimed) await this.runOne(job);
    return claimed.length;
  }

  private async runOne(job: ClaimedJob): Promise<void> {
    const { db } = this.ctx.database;
    const handler = this.handlers.get(job.kind);
    try {
      if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
      await handler(job.payload, this.ctx);
      await db.execute(sql`update ${jobs} set done_at = now(), locked_until = null, last_error = null where id = ${job.id}`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const giveUp = job.attempts >= job.max_attempts;
      // Exponential back-off: 10 s, 20 s, 40 s … capped at one hour.
      const delaySeconds = Math.min(3600, 10 * 2 ** (job.attempts - 1));
      this.ctx.log.warn(
        { jobId: job.id, kind: job.kind, attempts: job.attempts, err: error },
        giveUp ? "job failed for good" : "job failed, will retry",
      );
      await db
        .execute(
          giveUp
            ? sql`update ${jobs} set failed_at = now(), locked_until = null, last_error = ${message} where id = ${job.id}`
            : sql`update ${jobs} set run_at = now() + make_interval(secs => ${delaySeconds}), locked_until = null, last_error = ${message} where id = ${job.id}`,
        )
        .catch((e) => this.ctx.log.error({ err: e, jobId: job.id }, "could not record job failure"));
    }
  }

  /** Polls for due jobs until stop(); survives database outages (it just tries again). */
  start(intervalMs = 1000): void {
    const tick = async () => {
      if (this.stopped) return;
      this.running = this.runDue().catch((error) => this.ctx.log.debug({ err: error }, "job poll failed"));
      await this.running;
      if (!this.stopped) this.timer = setTimeout(tick, intervalMs);
    };
    this.timer = setTimeout(tick, intervalMs);
  }

  /** Stops polling and waits for the job in hand to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
