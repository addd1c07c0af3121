import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../config.js";
import { queryRows } from "../../db/index.js";
import { issueFormToken } from "../../platform/public-form-guard.js";
import { createTestApp, type TestApp } from "../../test/harness.js";
import { seedId } from "../directory/seed.js";
import { fakeClock } from "../identity/testing/fake-clock.js";

type Slot = { id: string; start: string; channel: string };
type Booking = { id: string; manageUrl: string };

const berlin = seedId("unit", "demo-sub-project:DE-BE:site:0");
const bavaria = seedId("unit", "demo-sub-project:DE-BY:site:0");

/**
 * Spam protection of public booking (decision 0005): limits per address and e-mail, the cap on
 * live bookings per e-mail, the honeypot and the optional form token. Explicit small limits, so
 * each rule shows in a few bookings; the demo hours run from today, so the clock starts now.
 */
describe("public booking spam protection", () => {
  let t: TestApp;
  const clock = fakeClock();
  let free: Slot[] = [];
  let freeInBavaria: Slot[] = [];
  let ipCount = 0;

  beforeAll(async () => {
    t = await createTestApp({
      clock,
      env: { BOOKING_LIMIT_PER_IP: "3", BOOKING_LIMIT_PER_EMAIL: "4", BOOKING_MAX_LIVE_PER_EMAIL: "2", BOOKING_LIMIT_WINDOW_MINUTES: "60" },
    });
    // From three days on: the tests move the clock by an hour, which must not bring a slot within the minimum notice.
    const from = new Date(clock.now().getTime() + 3 * 86_400_000);
    const to = new Date(from.getTime() + 28 * 86_400_000);
    const slotsOf = async (site: string) =>
      (
        (
          await t.anonymous().get(`/api/public/sites/${site}/slots?channel=in_person&from=${from.toISOString()}&to=${to.toISOString()}`)
        ).json() as { items: Slot[] }
      ).items;
    free = await slotsOf(berlin);
    freeInBavaria = await slotsOf(bavaria);
    expect(free.length, "free slots at the Berlin demo site").toBeGreaterThan(20);
    expect(freeInBavaria.length, "free slots at the Bavarian demo site").toBeGreaterThan(0);
  });
  afterAll(() => t.close());

  /** A fresh client address, so one test's bookings do not use up another's limit. */
  const newIp = () => `198.51.100.${++ipCount}`;
  const nextSlot = () => free.shift()!.id;
  const book = (body: Record<string, unknown>, ip: string) =>
    t.app.inject({
      method: "POST",
      url: "/api/public/bookings",
      remoteAddress: ip,
      payload: { name: "Amal Haddad", language: "de", topic: "recognition", consent: true, slotId: nextSlot(), ...body },
    });
  const tokenAged = (ms: number) => issueFormToken(t.ctx, new Date(clock.now().getTime() - ms));
  const tokenOf = (booking: Booking) => new URL(booking.manageUrl).searchParams.get("token")!;
  /** What a booking of this e-mail address left behind: bookings, mail jobs, rows of the limits. */
  const traces = async (email: string) => {
    const [row] = await queryRows<{ bookings: number; mails: number }>(
      t.database.db,
      sql`select (select count(*)::int from bookings where email = ${email}) as bookings,
                 (select count(*)::int from jobs where kind = 'appointments.booking-mail' and payload->'booking'->>'email' = ${email}) as mails`,
    );
    return row!;
  };
  const submissions = async () =>
    (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from public_form_submissions where form = 'booking'`))[0]!
      .n;

  it("has defaults of 10 bookings per address and 5 per e-mail an hour, and 3 live bookings per e-mail", () => {
    expect(loadConfig({}).bookingLimits).toEqual({ perIp: 10, perEmail: 5, windowMinutes: 60, maxLivePerEmail: 3 });
  });

  it("books with exactly the fields of the API contract, no form token needed", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/public/bookings",
      remoteAddress: newIp(),
      payload: {
        slotId: nextSlot(),
        name: "Partner Site",
        email: "partner@example.org",
        language: "de",
        topic: "recognition",
        consent: true,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(await traces("partner@example.org")).toEqual({ bookings: 1, mails: 1 });
  });

  it("limits bookings per client address: 429 with Retry-After, and the refused one leaves nothing", async () => {
    const ip = newIp();
    for (let i = 0; i < 3; i++) {
      expect((await book({ email: `per.ip.${i}@example.org` }, ip)).statusCode).toBe(201);
      clock.advance(clock.minutes(1));
    }
    const before = await submissions();
    const limited = await book({ email: "per.ip.3@example.org" }, ip);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(limited.json()).toMatchObject({ code: "rate_limited", type: "/problems/rate-limited" });
    // The first of the three was three minutes ago: it leaves the 60-minute window in 57.
    expect(Number(limited.headers["retry-after"])).toBe(57 * 60);
    expect(await traces("per.ip.3@example.org")).toEqual({ bookings: 0, mails: 0 });
    expect(await submissions()).toBe(before);
    // Another address books; this one again once the window has passed.
    expect((await book({ email: "per.ip.3@example.org" }, newIp())).statusCode).toBe(201);
    clock.advance(clock.minutes(57));
    expect((await book({ email: "per.ip.4@example.org" }, ip)).statusCode).toBe(201);
  });

  it("limits bookings per e-mail address, cancelled ones included (no mail-bombing by book and cancel)", async () => {
    const email = "churn@example.org";
    for (let i = 0; i < 4; i++) {
      const res = await book({ email }, newIp());
      expect(res.statusCode, res.body).toBe(201);
      const booking = res.json() as Booking;
      expect((await t.anonymous().post(`/api/public/bookings/${booking.id}/cancel`, { token: tokenOf(booking) })).statusCode).toBe(200);
    }
    const limited = await book({ email: "Churn@Example.org" }, newIp());
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect((await traces(email)).bookings).toBe(4);
  });

  it("caps the live bookings of an e-mail address across the network; moving one is no new booking, cancelling one frees a place", async () => {
    const email = "cap@example.org";
    const first = await book({ email }, newIp());
    expect(first.statusCode, first.body).toBe(201);
    // At another site of the network: counts too.
    const second = await book({ email: "CAP@example.org", slotId: freeInBavaria[0]!.id }, newIp());
    expect(second.statusCode, second.body).toBe(201);

    const capped = await book({ email }, newIp());
    expect(capped.statusCode).toBe(400);
    expect(capped.headers["content-type"]).toMatch(/^application\/problem\+json/);
    const problem = capped.json() as { errors: { field: string; code: string; message: string }[]; maxLiveBookings: number };
    expect(problem.errors).toEqual([expect.objectContaining({ field: "email", code: "too_many_bookings" })]);
    expect(problem.errors[0]!.message).toMatch(/Link in Ihrer Bestätigungs-E-Mail/);
    expect(problem.maxLiveBookings).toBe(2);
    // Nothing of the refused booking: no row, no mail.
    expect(await traces(email)).toEqual({ bookings: 2, mails: 2 });

    // Moving a booking is not a new one.
    const booking = first.json() as Booking;
    const moved = await t
      .anonymous()
      .post(`/api/public/bookings/${booking.id}/reschedule`, { token: tokenOf(booking), slotId: nextSlot() });
    expect(moved.statusCode, moved.body).toBe(200);

    const cancelled = await t.anonymous().post(`/api/public/bookings/${booking.id}/cancel`, { token: tokenOf(booking) });
    expect(cancelled.statusCode).toBe(200);
    expect((await book({ email }, newIp())).statusCode).toBe(201);
    expect((await book({ email }, newIp())).statusCode).toBe(400);
  });

  it("lets exactly as many simultaneous bookings of one e-mail address through as the cap allows", async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, () => book({ email: "at.once@example.org" }, newIp())));
    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 201, 400, 400, 400, 400]);
    expect((await traces("at.once@example.org")).bookings).toBe(2);
  });

  it("refuses a filled honeypot and writes nothing", async () => {
    const before = await submissions();
    const res = await book({ email: "bot@example.org", website: "https://spam.example" }, newIp());
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: "website", code: "form_rejected" })]);
    expect(await traces("bot@example.org")).toEqual({ bookings: 0, mails: 0 });
    expect(await submissions()).toBe(before);
    // Blank counts as empty (autofill may leave whitespace).
    expect((await book({ email: "blank.honeypot@example.org", website: "  " }, newIp())).statusCode).toBe(201);
  });

  it("checks a form token when one is sent: too fast and forged are refused and leave nothing; a good one works once", async () => {
    const email = "with.token@example.org";
    const fresh = tokenAged(1_000);
    const tooFast = await book({ email, formToken: fresh }, newIp());
    expect(tooFast.statusCode).toBe(400);
    expect(tooFast.json().errors).toEqual([expect.objectContaining({ field: "formToken", code: "form_too_fast" })]);
    const forged = await book({ email, formToken: `${fresh.slice(0, -2)}xx` }, newIp());
    expect(forged.json().errors[0]).toMatchObject({ field: "formToken", code: "form_token_invalid" });
    expect(await traces(email)).toEqual({ bookings: 0, mails: 0 });

    clock.advance(3_000);
    expect((await book({ email, formToken: fresh }, newIp())).statusCode).toBe(201);
    const again = await book({ email: "other.token@example.org", formToken: fresh }, newIp());
    expect(again.statusCode).toBe(400);
    expect(again.json().errors[0]).toMatchObject({ field: "formToken", code: "form_token_used" });
    expect(await traces("other.token@example.org")).toEqual({ bookings: 0, mails: 0 });
  });

  it("does not count a booking that lost its slot, and its token still works for the next free one", async () => {
    const slotId = nextSlot();
    const ip = newIp();
    expect((await book({ email: "winner@example.org", slotId }, newIp())).statusCode).toBe(201);
    const before = await submissions();
    const token = tokenAged(10_000);
    const lost = await book({ email: "loser@example.org", slotId, formToken: token }, ip);
    expect(lost.statusCode).toBe(409);
    expect(await submissions()).toBe(before);
    expect(await traces("loser@example.org")).toEqual({ bookings: 0, mails: 0 });
    expect((await book({ email: "loser@example.org", formToken: token }, ip)).statusCode).toBe(201);
  });
});
