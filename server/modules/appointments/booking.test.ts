import { sql } from "drizzle-orm";
import ICAL from "ical.js";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/index.js";
import { users } from "../../db/schema/index.js";
import { JobRunner } from "../../platform/jobs.js";
import { createTestApp, personas, type TestApp, type TestClient } from "../../test/harness.js";
import { seedId } from "../directory/seed.js";
import { startSmtpSink } from "../identity/testing/smtp-sink.js";
import { registerBookingMailJob } from "./mail-job.js";
import { registerReminderJob } from "./reminders.js";
import { insertBooking } from "./repository.js";

type Slot = { id: string; start: string; end: string; counselorId: string; channel: string };
type Booking = { id: string; start: string; end: string; status: string; manageUrl: string; changeable: boolean; channel: string };

const site = seedId("unit", "demo-sub-project:DE-BE:site:0");
const bavarianSite = seedId("unit", "demo-sub-project:DE-BY:site:0");
/** Friday 20 March 2026, 11:00 in Berlin (winter time); summer time starts on Sunday 29 March. */
const START = new Date("2026-03-20T10:00:00Z");

describe("appointment booking", () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  const clock = {
    at: START,
    now() {
      return this.at;
    },
  };
  let counselor: TestClient;
  let counselorId: string;

  const slots = async (query = "") => {
    const res = await t.anonymous().get(`/api/public/sites/${site}/slots?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Slot[]; timeZone: string };
  };
  const book = (slotId: string, extra: Record<string, unknown> = {}) =>
    t.anonymous().post("/api/public/bookings", {
      slotId,
      name: "Amal Haddad",
      email: "amal@example.org",
      language: "de",
      topic: "recognition",
      consent: true,
      ...extra,
    });
  const tokenOf = (booking: Booking) => new URL(booking.manageUrl).searchParams.get("token")!;
  const mailsTo = async (address: string) => Promise.all(smtp.to(address).map((m) => simpleParser(m.raw)));
  const icsOf = (mail: Awaited<ReturnType<typeof simpleParser>>) => {
    const attachment = mail.attachments.find((a) => a.filename === "termin.ics")!;
    const calendar = new ICAL.Component(ICAL.parse(attachment.content.toString("utf8")));
    return { calendar, event: new ICAL.Event(calendar.getFirstSubcomponent("vevent")!) };
  };

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await createTestApp({
      // Every booking here comes from one address (and the 50 racers at once): the spam protection
      // is tested in booking-guard.test.ts, so its limits are out of the way here.
      env: { SMTP_URL: smtp.url, PUBLIC_URL: "https://lotse.example", BOOKING_LIMIT_PER_IP: "1000", BOOKING_LIMIT_PER_EMAIL: "1000" },
      clock,
    });
    counselor = await t.login("counselorBerlin");
    const [row] = await t.database.db.select({ id: users.id }).from(users).where(sql`email = ${personas.counselorBerlin}`);
    counselorId = row!.id;
    // Monday mornings in person and by phone, from March on (the demo's own hours start today).
    const rule = await counselor.post(`/api/appointments/sites/${site}/rules`, {
      counselorId,
      weekday: 1,
      startsAt: "09:00",
      endsAt: "12:00",
      channels: ["in_person", "phone"],
      validFrom: "2026-03-01",
    });
    expect(rule.statusCode, rule.body).toBe(201);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it("offers the weekly hours as slots in the site's time zone, across the change to summer time", async () => {
    const { items, timeZone } = await slots("from=2026-03-21T00:00:00Z&to=2026-04-01T00:00:00Z&channel=in_person");
    expect(timeZone).toBe("Europe/Berlin");
    const mine = items.filter((s) => s.counselorId === counselorId).map((s) => s.start);
    // 60 minutes plus a 15-minute buffer: 09:00 and 10:15; 11:30 would end after 12:00.
    expect(mine).toEqual(["2026-03-23T08:00:00.000Z", "2026-03-23T09:15:00.000Z", "2026-03-30T07:00:00.000Z", "2026-03-30T08:15:00.000Z"]);
    const phone = (await slots("from=2026-03-23T00:00:00Z&to=2026-03-24T00:00:00Z&channel=phone")).items;
    expect(phone.map((s) => s.start)).toEqual(["2026-03-23T08:00:00.000Z", "2026-03-23T09:00:00.000Z", "2026-03-23T10:00:00.000Z"]);
    expect(phone.every((s) => new Date(s.end).getTime() - new Date(s.start).getTime() === 45 * 60_000)).toBe(true);
  });

  it("keeps the minimum notice and the booking horizon", async () => {
    clock.at = new Date("2026-03-22T09:00:00Z"); // Sunday: Monday 09:00 is less than 24 hours away
    try {
      const monday = (await slots("from=2026-03-23T00:00:00Z&to=2026-03-24T00:00:00Z&channel=in_person")).items;
      expect(monday.map((s) => s.start)).toEqual(["2026-03-23T09:15:00.000Z"]);
      const far = (await slots("from=2026-05-18T00:00:00Z&to=2026-05-19T00:00:00Z")).items; // 57 days ahead
      expect(far).toEqual([]);
    } finally {
      clock.at = START;
    }
  });

  it("refuses bad input with problem details naming the field", async () => {
    const [slot] = (await slots("from=2026-03-23T00:00:00Z&to=2026-03-24T00:00:00Z&channel=in_person")).items;
    const cases: [Record<string, unknown>, string][] = [
      [{ slotId: "nonsense" }, "slotId"],
      [{ slotId: slot!.id, consent: false }, "consent"],
      [{ slotId: slot!.id, email: "keine-mail" }, "email"],
      [{ slotId: slot!.id, language: "zz" }, "language"],
      [{ slotId: slot!.id, topic: "other" }, "topic"],
      [{ slotId: slot!.id, name: " " }, "name"],
    ];
    // Counseling by phone needs a number to call.
    const [phoneSlot] = (await slots("from=2026-03-23T00:00:00Z&to=2026-03-24T00:00:00Z&channel=phone")).items;
    if (phoneSlot) cases.push([{ slotId: phoneSlot.id }, "phone"]);
    expect(phoneSlot, "the test site offers phone slots").toBeDefined();
    for (const [body, field] of cases) {
      const res = await book(body.slotId as string, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const wrongRange = await t.anonymous().get(`/api/public/sites/${site}/slots?from=2026-03-24T00:00:00Z&to=2026-03-23T00:00:00Z`);
    expect(wrongRange.statusCode).toBe(400);
    expect(wrongRange.json().errors[0].field).toBe("to");
    // Nothing of the refused bookings was kept.
    expect(await queryRows(t.database.db, sql`select id from bookings`)).toEqual([]);
  });

  it("books a slot, mails a confirmation with an .ics in the person's language, and the slot is gone", async () => {
    const before = (await slots("from=2026-03-23T00:00:00Z&to=2026-03-24T00:00:00Z&channel=in_person")).items;
    const slot = before.find((s) => s.counselorId === counselorId)!;
    const res = await book(slot.id, { email: "layla@example.org", name: "Layla Karimi", locale: "ar", language: "de" });
    expect(res.statusCode, res.body).toBe(201);
    const booking = res.json() as Booking;
    expect(booking).toMatchObject({ start: slot.start, end: slot.end, status: "booked", channel: "in_person", changeable: true });
    expect(booking.manageUrl).toMatch(new RegExp(`^https://lotse.example/termin/${booking.id}\\?token=`));
    // The manage page opens in the language of the mails.
    expect(new URL(booking.manageUrl).searchParams.get("lang")).toBe("ar");
    const after = (await slots("from=2026-03-23T00:00:00Z&to=2026-03-24T00:00:00Z&channel=in_person")).items;
    expect(after.find((s) => s.id === slot.id)).toBeUndefined();

    await t.jobs.runDue();
    const [mail] = await mailsTo("layla@example.org");
    expect(mail!.subject).toContain("موعد الاستشارة");
    // Gregorian calendar and Latin digits even in Arabic; 09:00 in Berlin.
    expect(mail!.text).toContain("2026");
    expect(mail!.text).toMatch(/9:00/);
    expect(mail!.text).toContain(booking.manageUrl);
    const { calendar, event } = icsOf(mail!);
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(event.uid).toBe(`${booking.id}@lotse`);
    expect(event.sequence).toBe(0);
    expect(event.startDate.toJSDate().toISOString()).toBe(slot.start);
    expect(event.endDate.toJSDate().toISOString()).toBe(slot.end);
    expect(event.location).toContain("Berlin");
  });

  it("lets exactly one of 50 simultaneous bookings of one slot win; the others hear of the next free slots", async () => {
    const slot = (await slots("from=2026-03-30T00:00:00Z&to=2026-03-31T00:00:00Z&channel=phone")).items.find(
      (s) => s.counselorId === counselorId,
    )!;
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => book(slot.id, { email: `racer${i}@example.org`, phone: "+49 30 1234567" })),
    );
    const won = answers.filter((r) => r.statusCode === 201);
    const lost = answers.filter((r) => r.statusCode === 409);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    for (const res of lost) {
      expect(res.headers["content-type"]).toContain("application/problem+json");
      const problem = res.json() as { code: string; nextSlots: Slot[] };
      expect(problem.code).toBe("slot_taken");
      expect(problem.nextSlots.length).toBeGreaterThan(0);
      expect(problem.nextSlots.map((s) => s.id)).not.toContain(slot.id);
    }
    const rows = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from bookings where starts_at = ${slot.start}`,
    );
    expect(rows[0]!.n).toBe(1);
  });

  it("makes overlapping bookings of one counselor impossible in the database itself", async () => {
    const values = {
      siteId: site,
      counselorId,
      startsAt: new Date("2026-04-06T07:00:00Z"),
      endsAt: new Date("2026-04-06T08:00:00Z"),
      channel: "in_person",
      name: "Direkt",
      email: "direkt@example.org",
      language: "de",
      locale: "de",
      topic: "recognition",
      consentAt: START,
    };
    await insertBooking(t.database.db, values);
    await expect(
      insertBooking(t.database.db, { ...values, startsAt: new Date("2026-04-06T07:30:00Z"), endsAt: new Date("2026-04-06T08:30:00Z") }),
    ).rejects.toThrow();
    // Back to back is fine; so is the same time after a cancellation.
    await insertBooking(t.database.db, { ...values, startsAt: new Date("2026-04-06T08:00:00Z"), endsAt: new Date("2026-04-06T09:00:00Z") });
  });

  it("lets the person see, move and cancel the booking through the signed link only", async () => {
    const free = (await slots("from=2026-04-13T00:00:00Z&to=2026-04-14T00:00:00Z&channel=in_person")).items.filter(
      (s) => s.counselorId === counselorId,
    );
    expect(free.length).toBe(2);
    const booking = (await book(free[0]!.id, { email: "oleh@example.org", locale: "uk" })).json() as Booking;
    const token = tokenOf(booking);

    expect((await t.anonymous().get(`/api/public/bookings/${booking.id}?token=${token}`)).json()).toMatchObject({ id: booking.id });
    const forged = await t.anonymous().get(`/api/public/bookings/${booking.id}?token=${"x".repeat(43)}`);
    expect(forged.statusCode).toBe(410);

    const moved = await t.anonymous().post(`/api/public/bookings/${booking.id}/reschedule`, { token, slotId: free[1]!.id });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ id: booking.id, start: free[1]!.start, status: "booked" });
    const afterMove = (await slots("from=2026-04-13T00:00:00Z&to=2026-04-14T00:00:00Z&channel=in_person")).items;
    expect(afterMove.map((s) => s.id)).toContain(free[0]!.id);

    const cancelled = await t.anonymous().post(`/api/public/bookings/${booking.id}/cancel`, { token });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: "cancelled", changeable: false });
    expect((await t.anonymous().post(`/api/public/bookings/${booking.id}/cancel`, { token })).statusCode).toBe(409);

    await t.jobs.runDue();
    // In the order of the changes (SEQUENCE), whatever order the mail jobs ran in.
    const mails = (await mailsTo("oleh@example.org")).sort((a, b) => icsOf(a).event.sequence - icsOf(b).event.sequence);
    expect(mails.map((m) => icsOf(m).event.sequence)).toEqual([0, 1, 2]);
    expect(mails.map((m) => m.subject)).toEqual([
      expect.stringContaining("Ваша консультація"),
      expect.stringContaining("Перенесено"),
      expect.stringContaining("Скасовано"),
    ]);
    expect(icsOf(mails[2]!).calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(icsOf(mails[1]!).event.startDate.toJSDate().toISOString()).toBe(free[1]!.start);
  });

  it("sends the reminder a day before exactly once, with two nodes and after a crash", async () => {
    const slot = (await slots("from=2026-04-20T00:00:00Z&to=2026-04-21T00:00:00Z&channel=in_person")).items.find(
      (s) => s.counselorId === counselorId,
    )!;
    const booking = (await book(slot.id, { email: "reminded@example.org" })).json() as Booking;
    const [job] = await queryRows<{ run_at: Date }>(
      t.database.db,
      sql`select run_at from jobs where kind = 'appointments.reminder' and payload->>'bookingId' = ${booking.id}`,
    );
    expect(new Date(job!.run_at).toISOString()).toBe(new Date(new Date(slot.start).getTime() - 86_400_000).toISOString());

    const node = () => {
      const runner = new JobRunner(t.ctx);
      registerBookingMailJob(runner, t.ctx);
      registerReminderJob(runner, t.ctx);
      return runner;
    };
    const [a, b] = [node(), node()];
    // The job is due (the database's clock is past April 2026's run time): both nodes race for it.
    await Promise.all([a.runDue(), b.runDue(), a.runDue(), b.runDue()]);
    await Promise.all([a.runDue(), b.runDue()]);
    // A node that died after the reminder committed but before it marked the job done: run again.
    await t.database.db.execute(sql`update jobs set done_at = null, locked_until = null where kind = 'appointments.reminder'`);
    await Promise.all([a.runDue(), b.runDue()]);
    await Promise.all([a.runDue(), b.runDue()]);
    const subjects = (await mailsTo("reminded@example.org")).map((m) => m.subject);
    expect(subjects.filter((s) => s?.startsWith("Erinnerung"))).toHaveLength(1);
    expect(subjects).toHaveLength(2);
  });

  it("keeps the booking while the mail server is down and sends the confirmation once when it is back", async () => {
    const slot = (await slots("from=2026-05-04T00:00:00Z&to=2026-05-05T00:00:00Z&channel=in_person")).items.find(
      (s) => s.counselorId === counselorId,
    )!;
    const port = Number(new URL(smtp.url).port);
    await smtp.close();
    let booking: Booking;
    try {
      const res = await book(slot.id, { email: "mail.down@example.org" });
      expect(res.statusCode, res.body).toBe(201);
      booking = res.json() as Booking;
      await t.jobs.runDue();
    } finally {
      smtp = await startSmtpSink(port);
    }
    const mailJob = () =>
      queryRows<{ attempts: number; done_at: Date | null; last_error: string | null; run_at: Date }>(
        t.database.db,
        // The confirmation: the first mail of the booking (the test clock also makes its reminder due at once).
        sql`select attempts, done_at, last_error, run_at from jobs
            where kind = 'appointments.booking-mail' and payload->'booking'->>'email' = 'mail.down@example.org' order by id limit 1`,
      );
    const [failed] = await mailJob();
    expect(failed).toMatchObject({ attempts: 1, done_at: null });
    expect(failed!.last_error).toBeTruthy();
    // Backed off: not retried at once.
    await t.jobs.runDue();
    expect((await mailJob())[0]).toMatchObject({ attempts: 1, done_at: null });
    const confirmationsSent = () => smtp.to("mail.down@example.org").filter((m) => !m.subject.startsWith("Erinnerung"));
    expect(confirmationsSent()).toHaveLength(0);
    // The booking stands the whole time.
    const stands = await t.anonymous().get(`/api/public/bookings/${booking.id}?token=${tokenOf(booking)}`);
    expect(stands.json()).toMatchObject({ status: "booked" });

    // Ten seconds later (the first back-off step) the server is back: sent, and only once.
    await t.database.db.execute(sql`update jobs set run_at = now() where kind = 'appointments.booking-mail' and done_at is null`);
    await t.jobs.runDue();
    await t.jobs.runDue();
    expect(confirmationsSent()).toHaveLength(1);
    expect((await mailJob())[0]).toMatchObject({ attempts: 2 });
    expect((await mailJob())[0]!.done_at).not.toBeNull();
  });

  it("keeps a holiday free of slots and lets staff see their calendar, audited", async () => {
    const lead = await t.login("leadBerlin");
    const holiday = await lead.post(`/api/appointments/sites/${site}/exceptions`, {
      start: "2026-04-27T00:00:00+02:00",
      end: "2026-04-28T00:00:00+02:00",
      kind: "closure",
      note: "Betriebsausflug",
    });
    expect(holiday.statusCode, holiday.body).toBe(201);
    expect((await slots("from=2026-04-27T00:00:00Z&to=2026-04-28T00:00:00Z")).items.filter((s) => s.counselorId === counselorId)).toEqual(
      [],
    );
    // A counselor may not close the whole site, nor publish hours for a colleague.
    expect(
      (
        await counselor.post(`/api/appointments/sites/${site}/exceptions`, {
          start: "2026-05-04T00:00:00Z",
          end: "2026-05-05T00:00:00Z",
          kind: "holiday",
        })
      ).statusCode,
    ).toBe(403);
    const setup = (await counselor.get(`/api/appointments/sites/${site}`)).json() as { counselors: { id: string }[] };
    const colleague = setup.counselors.find((c) => c.id !== counselorId)!;
    const foreign = await counselor.post(`/api/appointments/sites/${site}/rules`, {
      counselorId: colleague.id,
      weekday: 2,
      startsAt: "09:00",
      endsAt: "10:00",
      channels: ["phone"],
      validFrom: "2026-03-01",
    });
    expect(foreign.statusCode).toBe(403);

    const calendar = await counselor.get(`/api/appointments/calendar?siteId=${site}&from=2026-03-23T00:00:00Z&to=2026-04-21T00:00:00Z`);
    expect(calendar.statusCode, calendar.body).toBe(200);
    const names = (calendar.json() as { items: { name: string }[] }).items.map((b) => b.name);
    expect(names).toContain("Layla Karimi");
    const audit = await queryRows<{ action: string }>(
      t.database.db,
      sql`select action from audit_events where action = 'booking.calendar_read'`,
    );
    expect(audit.length).toBeGreaterThan(0);
    const bavarian = await t.login("counselorBavaria");
    expect(
      (await bavarian.get(`/api/appointments/calendar?siteId=${site}&from=2026-03-23T00:00:00Z&to=2026-04-21T00:00:00Z`)).statusCode,
    ).toBe(404);
    expect((await counselor.get(`/api/appointments/sites/${bavarianSite}`)).statusCode).toBe(404);
  });

  it("marks a no-show only once the appointment has begun", async () => {
    const [row] = await queryRows<{ id: string; starts_at: Date }>(
      t.database.db,
      sql`select id, starts_at from bookings where email = 'layla@example.org'`,
    );
    const early = await counselor.post(`/api/appointments/bookings/${row!.id}/status`, { status: "no_show" });
    expect(early.statusCode).toBe(409);
    clock.at = new Date(new Date(row!.starts_at).getTime() + 20 * 60_000);
    try {
      const late = await (await t.login("counselorBerlin")).post(`/api/appointments/bookings/${row!.id}/status`, { status: "no_show" });
      expect(late.statusCode, late.body).toBe(204);
    } finally {
      clock.at = START;
    }
    const [after] = await queryRows<{ status: string }>(t.database.db, sql`select status from bookings where id = ${row!.id}`);
    expect(after!.status).toBe("no_show");
  });
});
