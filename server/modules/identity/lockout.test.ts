import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/index.js";
import { createTestApp, DEMO_PASSWORD, personas, type TestApp } from "../../test/harness.js";
import { fakeClock } from "./testing/fake-clock.js";

describe("login lockout and rate limiting", () => {
  let t: TestApp;
  const clock = fakeClock();
  beforeAll(async () => {
    t = await createTestApp({ clock });
  });
  afterAll(() => t.close());

  const attempt = (email: string, password: string, ip = "127.0.0.1") =>
    t.app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password }, remoteAddress: ip });
  const fail = async (email: string, times: number) => {
    for (let i = 0; i < times; i++) expect((await attempt(email, "falsches-passwort")).statusCode).toBe(401);
  };

  it("locks an account after 5 failures: the 6th attempt answers 429 even with the right password", async () => {
    const email = personas.counselorBerlin;
    await fail(email, 5);
    const res = await attempt(email, DEMO_PASSWORD);
    expect(res.statusCode).toBe(429);
    expect(res.json()).toMatchObject({ code: "account_locked", type: "/problems/account-locked" });
    expect(Number(res.headers["retry-after"])).toBe(15 * 60);
    expect(res.cookies).toHaveLength(0);
    const [denied] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_events where action = 'auth.login' and outcome = 'denied' and actor_label = ${email}`,
    );
    expect(denied!.n).toBe(1);
  });

  it("keeps other accounts usable from the same address", async () => {
    expect((await attempt(personas.counselorBavaria, DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it("unlocks when the window has passed; attempts while locked do not extend it", async () => {
    const email = personas.counselorBerlin;
    clock.advance(clock.minutes(10));
    const stillLocked = await attempt(email, DEMO_PASSWORD);
    expect(stillLocked.statusCode).toBe(429);
    expect(Number(stillLocked.headers["retry-after"])).toBe(5 * 60);
    clock.advance(clock.minutes(5) + 1_000);
    expect((await attempt(email, DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it("resets the count on success", async () => {
    const email = personas.leadBerlin;
    await fail(email, 4);
    expect((await attempt(email, DEMO_PASSWORD)).statusCode).toBe(200);
    await fail(email, 4);
    expect((await attempt(email, DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it("counts only failures inside the window and says when the oldest counted one leaves it", async () => {
    const email = personas.coordinationBerlin;
    await fail(email, 1);
    clock.advance(clock.minutes(10));
    await fail(email, 4);
    const res = await attempt(email, DEMO_PASSWORD);
    expect(res.statusCode).toBe(429);
    // The first failure leaves the 15-minute window 5 minutes from now: then 4 < 5 remain.
    expect(Number(res.headers["retry-after"])).toBe(5 * 60);
    clock.advance(clock.minutes(5) + 1_000);
    expect((await attempt(email, DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it("locks an unknown e-mail exactly like a known one (no account enumeration)", async () => {
    const email = "gibt-es-nicht@lotse.demo";
    await fail(email, 5);
    expect((await attempt(email, "irgendwas-anderes")).statusCode).toBe(429);
  });

  it("limits failures per client address across e-mails (30 per 15 minutes)", async () => {
    const ip = "10.40.0.1";
    for (let i = 0; i < 30; i++) expect((await attempt(`stuffing-${i}@lotse.demo`, "falsches-passwort", ip)).statusCode).toBe(401);
    const res = await attempt(personas.monitoring, DEMO_PASSWORD, ip);
    expect(res.statusCode).toBe(429);
    expect(res.json().code).toBe("rate_limited");
    expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
    // The account itself is fine from elsewhere, and the address recovers after the window.
    expect((await attempt(personas.monitoring, DEMO_PASSWORD, "10.40.0.2")).statusCode).toBe(200);
    clock.advance(clock.minutes(15) + 1_000);
    expect((await attempt(personas.monitoring, DEMO_PASSWORD, ip)).statusCode).toBe(200);
  });
});
