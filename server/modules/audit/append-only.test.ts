import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/index.js";
import { createTestApp, type TestApp } from "../../test/harness.js";
import { recordAuditEvent } from "./service.js";

/**
 * The audit trail cannot be rewritten, not even through the application's own connection
 * (the same test runs on PGlite and on PostgreSQL via scripts/test.sh).
 */
describe("audit trail is append-only", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await recordAuditEvent(t.database.db, null, { action: "test.append_only", outcome: "success", recordType: "test", recordId: "1" });
  });
  afterAll(() => t.close());

  const count = async () => (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_events`))[0]!.n;
  const firstError = async (run: () => Promise<unknown>) => {
    try {
      await run();
    } catch (error) {
      let e: unknown = error;
      while ((e as { cause?: unknown }).cause) e = (e as { cause?: unknown }).cause;
      return e as { message: string; code?: string };
    }
    throw new Error("the statement succeeded");
  };

  it.each([
    ["UPDATE", sql`update audit_events set outcome = 'denied' where action = 'test.append_only'`],
    ["UPDATE (all rows)", sql`update audit_events set actor_label = null`],
    ["DELETE", sql`delete from audit_events where action = 'test.append_only'`],
    ["DELETE (all rows)", sql`delete from audit_events`],
    ["TRUNCATE", sql`truncate audit_events`],
  ])("refuses %s", async (_name, statement) => {
    const before = await count();
    const error = await firstError(() => t.database.db.execute(statement));
    expect(error.message).toMatch(/audit_events is append-only/);
    expect(error.code).toBe("42501"); // insufficient_privilege
    expect(await count()).toBe(before);
    const [row] = await queryRows<{ outcome: string }>(
      t.database.db,
      sql`select outcome from audit_events where action = 'test.append_only'`,
    );
    expect(row?.outcome).toBe("success");
  });

  it("refuses a change inside a transaction and rolls the whole transaction back", async () => {
    const before = await count();
    await firstError(() =>
      t.database.db.transaction(async (tx) => {
        await recordAuditEvent(tx, null, { action: "test.in_tx", outcome: "success" });
        await tx.execute(sql`delete from audit_events where action = 'test.append_only'`);
      }),
    );
    expect(await count()).toBe(before);
  });

  it("still accepts new events", async () => {
    const before = await count();
    await recordAuditEvent(t.database.db, null, { action: "test.append_only", outcome: "failure" });
    expect(await count()).toBe(before + 1);
  });
});
