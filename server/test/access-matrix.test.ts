import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, callers, type MatrixContext } from "./access.js";
import { accessMatrix } from "./access-matrix.js";
import { createTestApp, type TestApp, type TestClient } from "./harness.js";

/**
 * Calls every API route as every persona (and anonymously) against records inside the Berlin
 * scope, which makes the Bavarian counselor the out-of-scope caller. The expected outcome of each
 * cell is declared in access-matrix.ts, independently of the policies it checks: a 2xx for a
 * caller not listed fails the test, and so does a route without a row. Listed callers must get a
 * 2xx, so a route that denies everyone cannot pass either.
 */
describe("access matrix", () => {
  let t: TestApp;
  const clients = new Map<Caller, TestClient>();
  let ctx: MatrixContext;

  beforeAll(async () => {
    // Public booking rows book dozens of times from one address and two e-mail addresses.
    t = await createTestApp({
      env: { BOOKING_LIMIT_PER_IP: "1000", BOOKING_LIMIT_PER_EMAIL: "1000", BOOKING_MAX_LIVE_PER_EMAIL: "1000" },
    });
    clients.set("anonymous", t.anonymous());
    for (const caller of callers) if (caller !== "anonymous") clients.set(caller, await t.login(caller));
    ctx = {
      t,
      as: (caller) => clients.get(caller)!,
      freshLogin: (caller) => (caller === "anonymous" ? Promise.resolve(t.anonymous()) : t.login(caller)),
    };
  });
  afterAll(() => t.close());

  it("has a row for every route and no row for a route that does not exist", () => {
    const actual = t.apiRoutes.map((r) => `${r.method} ${r.url}`).sort();
    const declared = Object.keys(accessMatrix).sort();
    expect(actual.filter((key) => !declared.includes(key))).toEqual([]);
    expect(declared.filter((key) => !actual.includes(key))).toEqual([]);
  });

  it("covers every persona", () => {
    expect(callers).toHaveLength(8);
  });

  for (const [key, row] of Object.entries(accessMatrix)) {
    it(key, async () => {
      const [method] = key.split(" ") as [string];
      // Denied callers first, so an allowed call that changes state cannot mask a leak.
      const ordered = [...callers].sort((a, b) => Number(row.allow.includes(a)) - Number(row.allow.includes(b)));
      const unexpected: string[] = [];
      for (const caller of ordered) {
        const client = row.freshSession ? await ctx.freshLogin(caller) : ctx.as(caller);
        const request = await row.request(ctx, caller);
        const response = await client.request(method as "GET", request.url, request.body);
        await row.after?.(ctx, caller);
        const ok = response.statusCode >= 200 && response.statusCode < 300;
        const expected = row.allow.includes(caller);
        if (ok !== expected)
          unexpected.push(`${caller}: ${response.statusCode} (expected ${expected ? "2xx" : "denial"}) ${response.body.slice(0, 160)}`);
      }
      expect(unexpected).toEqual([]);
    });
  }
});
