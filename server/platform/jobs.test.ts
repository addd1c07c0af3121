import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase, queryRows } from "../db/index.js";
import { createTestApp, type TestApp } from "../test/harness.js";
import { enqueueJob, JobRunner } from "./jobs.js";

type JobRow = { id: number; attempts: number; done_at: Date | null; failed_at: Date | null; last_error: string | null; delay: number };

const readJob = async (t: TestApp, id: number) =>
  (
    await queryRows<JobRow>(
      t.database.db,
      sql`select id, attempts, done_at, failed_at, last_error,
            round(extract(epoch from (run_at - now())))::int as delay from jobs where id = ${id}`,
    )
  )[0]!;

const jobIds = async (t: TestApp, kind: string) =>
  (await queryRows<{ id: number }>(t.database.db, sql`select id from jobs where kind = ${kind} order by id`)).map((r) => Number(r.id));

/** Makes a waiting job due now: the back-off is measured in database time, so the test moves the job, not the clock. */
const makeDue = (t: TestApp, id: number) => t.database.db.execute(sql`update jobs set run_at = now() where id = ${id}`);

describe("durable jobs", () => {
  let t: TestApp;
  // A second app node: on PostgreSQL its own connection pool to the same database; on PGlite the same engine.
  let second: Database | undefined;
  beforeAll(async () => {
    t = await createTestApp();
    if (t.database.kind === "postgres") second = await openDatabase({ kind: "postgres", url: t.database.url!, poolSize: 5 });
  });
  afterAll(async () => {
    await second?.close();
    await t.close();
  });

  it("two runners on one database process 200 queued jobs, each exactly once", async () => {
    const kind = "test.exactly_once";
    for (let i = 0; i < 200; i++) await enqueueJob(t.database.db, { kind, payload: { n: i } });
    const runs = new Map<number, number>();
    const byRunner = [0, 0];
    const makeRunner = (index: number, database: Database) => {
      const runner = new JobRunner({ ...t.ctx, database });
      runner.register(kind, async (payload) => {
        const n = (payload as { n: number }).n;
        runs.set(n, (runs.get(n) ?? 0) + 1);
        byRunner[index]!++;
        await new Promise((resolve) => setTimeout(resolve, 2)); // hold the claim a moment so the runners overlap
      });
      return runner;
    };
    const runners = [makeRunner(0, t.database), makeRunner(1, second ?? t.database)];
    // Each runner polls like a node would, in batches of 10, until nothing is due for either.
    await Promise.all(
      runners.map(async (runner) => {
        while ((await runner.runDue(10)) > 0) {}
      }),
    );

    expect(runs.size).toBe(200);
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
    expect(byRunner[0]! + byRunner[1]!).toBe(200);
    if (second) {
      // On PostgreSQL the two pools really ran concurrently: both got a share.
      expect(byRunner[0]).toBeGreaterThan(0);
      expect(byRunner[1]).toBeGreaterThan(0);
    }
    const [state] = await queryRows<{ done: number; open: number; attempts: number }>(
      t.database.db,
      sql`select count(*) filter (where done_at is not null)::int as done,
                 count(*) filter (where done_at is null)::int as open,
                 max(attempts)::int as attempts
          from jobs where kind = ${kind}`,
    );
    expect(state).toEqual({ done: 200, open: 0, attempts: 1 });
  });

  it("retries a failing job with exponential back-off and marks it failed after max attempts", async () => {
    const kind = "test.always_fails";
    await enqueueJob(t.database.db, { kind, payload: {}, maxAttempts: 3 });
    const [id] = await jobIds(t, kind);
    const runner = new JobRunner(t.ctx);
    let calls = 0;
    runner.register(kind, async () => {
      calls++;
      throw new Error(`smtp refused (call ${calls})`);
    });

    await runner.runDue();
    let job = await readJob(t, id!);
    expect(job).toMatchObject({ attempts: 1, done_at: null, failed_at: null, last_error: "smtp refused (call 1)" });
    expect(job.delay).toBeGreaterThanOrEqual(9);
    expect(job.delay).toBeLessThanOrEqual(10);
    expect(await runner.runDue()).toBe(0); // not due again before the back-off

    await makeDue(t, id!);
    await runner.runDue();
    job = await readJob(t, id!);
    expect(job).toMatchObject({ attempts: 2, failed_at: null, last_error: "smtp refused (call 2)" });
    expect(job.delay).toBeGreaterThanOrEqual(19);
    expect(job.delay).toBeLessThanOrEqual(20);

    await makeDue(t, id!);
    await runner.runDue();
    job = await readJob(t, id!);
    expect(job.attempts).toBe(3);
    expect(job.failed_at).not.toBeNull();
    expect(job.done_at).toBeNull();
    expect(job.last_error).toBe("smtp refused (call 3)");

    await makeDue(t, id!);
    expect(await runner.runDue()).toBe(0); // failed for good: never claimed again
    expect(calls).toBe(3);
  });

  it("finishes a job that succeeds on a retry and clears its error", async () => {
    const kind = "test.flaky";
    await enqueueJob(t.database.db, { kind, payload: {} });
    const [id] = await jobIds(t, kind);
    const runner = new JobRunner(t.ctx);
    let calls = 0;
    runner.register(kind, async () => {
      calls++;
      if (calls === 1) throw new Error("temporary");
    });
    await runner.runDue();
    await makeDue(t, id!);
    await runner.runDue();
    const job = await readJob(t, id!);
    expect(job).toMatchObject({ attempts: 2, failed_at: null, last_error: null });
    expect(job.done_at).not.toBeNull();
  });

  it("takes over a job whose runner died (lease expired) but not one still leased", async () => {
    const kind = "test.orphaned";
    await enqueueJob(t.database.db, { kind, payload: { which: "expired" } });
    await enqueueJob(t.database.db, { kind, payload: { which: "leased" } });
    const [expired, leased] = await jobIds(t, kind);
    await t.database.db.execute(sql`update jobs set attempts = 1, locked_by = 'dead-node',
      locked_until = now() - interval '1 second' where id = ${expired!}`);
    await t.database.db.execute(sql`update jobs set attempts = 1, locked_by = 'busy-node',
      locked_until = now() + interval '5 minutes' where id = ${leased!}`);
    const seen: string[] = [];
    const runner = new JobRunner(t.ctx);
    runner.register(kind, async (payload) => {
      seen.push((payload as { which: string }).which);
    });
    await runner.runDue();
    expect(seen).toEqual(["expired"]);
    expect((await readJob(t, leased!)).done_at).toBeNull();
  });

  it("ignores a second enqueue with the same unique key", async () => {
    const kind = "test.unique";
    await enqueueJob(t.database.db, { kind, payload: {}, uniqueKey: "reminder:42" });
    await enqueueJob(t.database.db, { kind, payload: {}, uniqueKey: "reminder:42" });
    expect(await jobIds(t, kind)).toHaveLength(1);
  });
});
