import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/index.js";
import { users } from "../../db/schema/index.js";
import type { Clock } from "../../platform/context.js";
import { issueFormToken } from "../../platform/public-form-guard.js";
import { createTestApp, type Persona, personas, type TestApp } from "../../test/harness.js";
import { seedId } from "../directory/seed.js";
import { daysBefore, runRetention } from "./retention.js";

const site = seedId("unit", "demo-sub-project:DE-BE:site:0");
const bavarianSite = seedId("unit", "demo-sub-project:DE-BY:site:0");

type Slot = { id: string; counselorId: string };
type BookingRow = {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  message: string | null;
  status: string;
  channel: string;
  language: string;
  topic: string;
  site_id: string;
  counselor_id: string;
  starts_at: string;
  contact_erased_at: string | null;
};
type RequestRow = {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  description: string | null;
  answer: string | null;
  status: string;
  topic: string;
  language: string;
  channel: string;
  site_id: string;
  client_id: string | null;
  received_at: string;
  contact_erased_at: string | null;
};

/**
 * Contact data of bookings and online requests (decisions 0004, 0006): blanked by the retention
 * job 90 days (the default) after the appointment ended or the request was decided. One story on a
 * fixed clock from January to May 2026; the run on 4 May 2026 cuts off at 3 February.
 */
describe("automatic deletion of the contact data of bookings and online requests", () => {
  let t: TestApp;
  let now = new Date("2026-01-05T08:00:00Z"); // a Monday
  const clock: Clock = { now: () => now };
  /** Moves the clock; sessions signed in before have expired by then. */
  const at = (iso: string) => {
    now = new Date(iso);
    t.forgetSessions();
  };
  const as = (who: Persona) => t.as(who);
  let counselorId: string;

  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};

  /** A booking through the public form at 09:00 Berlin on `day` (a Monday), with every contact field. */
  const book = async (key: string, day: string) => {
    const free = await t.anonymous().get(`/api/public/sites/${site}/slots?from=${day}T00:00:00Z&to=${day}T23:00:00Z&channel=in_person`);
    const slot = (free.json().items as Slot[]).find((s) => s.counselorId === counselorId);
    expect(slot, `a free slot on ${day}`).toBeDefined();
    const res = await t.anonymous().post("/api/public/bookings", {
      slotId: slot!.id,
      name: `Termin ${key}`,
      email: `termin.${key}@example.org`,
      phone: "+49 30 5550100",
      message: `Nachricht von ${key}`,
      language: "ar",
      locale: "de",
      topic: "recognition",
      consent: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    const booking = res.json() as { id: string; manageUrl: string };
    ids[key] = booking.id;
    tokens[key] = new URL(booking.manageUrl).searchParams.get("token")!;
  };

  let ip = 0;
  /** An online request through the public form (token issued as if the form was filled in). */
  const request = async (key: string) => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/public/requests",
      remoteAddress: `198.51.100.${++ip}`,
      payload: {
        siteId: site,
        topic: "labour_rights",
        language: "ar",
        channel: "phone",
        name: `Anfrage ${key}`,
        email: `anfrage.${key}@example.org`,
        phone: "+49 30 5550200",
        description: `Beschreibung von ${key}`,
        locale: "uk",
        consent: true,
        formToken: issueFormToken(t.ctx, new Date(now.getTime() - 10_000)),
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    ids[key] = res.json().id;
  };
  const ok = async <R extends { statusCode: number; body: string }>(res: Promise<R>, status = 200): Promise<R> => {
    const done = await res;
    expect(done.statusCode, done.body).toBe(status);
    return done;
  };

  /** Times as UTC text: the two drivers hand raw timestamps back differently. */
  const utc = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') as ${column}`);
  const bookings = () =>
    queryRows<BookingRow>(
      t.database.db,
      sql`select id, name, email, phone, message, status, channel, language, topic, site_id, counselor_id,
                 ${utc("starts_at")}, ${utc("contact_erased_at")} from bookings`,
    );
  const requests = () =>
    queryRows<RequestRow>(
      t.database.db,
      sql`select id, name, email, phone, description, answer, status, topic, language, channel, site_id, client_id,
                 ${utc("received_at")}, ${utc("contact_erased_at")} from online_requests`,
    );
  const RUN_AT = "2026-05-04T01:30:00";
  const byKey = <T extends { id: string }>(rows: T[], key: string) => rows.find((r) => r.id === ids[key])!;
  const jobsMentioning = async (text: string) =>
    (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from jobs where payload::text like ${`%${text}%`}`))[0]!.n;
  const mailKeysOf = async (key: string) =>
    (
      await queryRows<{ unique_key: string }>(
        t.database.db,
        sql`select unique_key from jobs where kind in ('mail.send', 'appointments.booking-mail') and unique_key like ${`%:${ids[key]}:%`} order by unique_key`,
      )
    ).map((r) => r.unique_key);
  const retentionAudit = () =>
    queryRows<{ action: string; record_type: string; record_id: string; details: unknown; actor_label: string | null }>(
      t.database.db,
      sql`select action, record_type, record_id, details, actor_label from audit_events where action like '%.retention_erase'
            and record_type in ('booking', 'online_request') order by id`,
    );

  beforeAll(async () => {
    t = await createTestApp({ clock });
    const [row] = await t.database.db.select({ id: users.id }).from(users).where(sql`email = ${personas.counselorBerlin}`);
    counselorId = row!.id;
    await ok(
      (await as("counselorBerlin")).post(`/api/appointments/sites/${site}/rules`, {
        counselorId,
        weekday: 1,
        startsAt: "09:00",
        endsAt: "12:00",
        channels: ["in_person"],
        validFrom: "2026-01-01",
      }),
      201,
    );

    // January: three bookings, four requests.
    await book("past", "2026-01-12");
    await book("cancelled", "2026-01-19");
    await book("cancelledLater", "2026-02-23");
    for (const key of ["closed", "forwarded", "open", "accepted"]) await request(key);

    at("2026-01-06T10:00:00Z");
    await ok(t.anonymous().post(`/api/public/bookings/${ids.cancelled}/cancel`, { token: tokens.cancelled }));
    await ok(t.anonymous().post(`/api/public/bookings/${ids.cancelledLater}/cancel`, { token: tokens.cancelledLater }));
    const berlin = await as("counselorBerlin");
    await ok(berlin.post(`/api/requests/${ids.closed}/close`, { answer: "Antwort an Anfrage closed" }));
    await ok(berlin.post(`/api/requests/${ids.forwarded}/forward`, { siteId: bavarianSite, note: "Wohnt bei Familie Beispiel in Bayern" }));
    const accepted = await ok(
      berlin.post(`/api/requests/${ids.accepted}/accept`, { firstName: "Anfrage", lastName: "Angenommen", birthYear: 1990 }),
    );
    ids.client = accepted.json().clientId;

    at("2026-01-07T10:00:00Z");
    await ok((await as("counselorBavaria")).post(`/api/requests/${ids.forwarded}/close`, { answer: "Antwort aus Bayern" }));

    at("2026-01-12T11:00:00Z");
    await ok((await as("counselorBerlin")).post(`/api/appointments/bookings/${ids.past}/status`, { status: "attended" }), 204);

    // Within the 90 days before the run: a booking that ended, a request that was closed.
    at("2026-02-02T08:00:00Z");
    await book("recent", "2026-02-09");
    await request("recentClosed");
    at("2026-04-01T10:00:00Z");
    await ok((await as("counselorBerlin")).post(`/api/requests/${ids.recentClosed}/close`, { answer: "Späte Antwort" }));

    // Still to come when the job runs.
    at("2026-04-27T08:00:00Z");
    await book("future", "2026-05-11");

    // Mails and reminders go out; their job rows stay, with address and text.
    while ((await t.jobs.runDue(100)) > 0) {}
    at("2026-05-04T01:30:00Z");
  });
  afterAll(() => t.close());

  it("blanks the contact data of bookings past the period, and only theirs", async () => {
    expect(daysBefore("2026-05-04", 90)).toBe("2026-02-03");
    expect(daysBefore("2026-03-01", 1)).toBe("2026-02-28");
    const before = await bookings();
    expect(await jobsMentioning("termin.past@example.org")).toBeGreaterThan(0);

    const first = await runRetention(t.ctx);
    expect(first.results.booking).toEqual({ cutoff: "2026-02-03", erased: 2 });

    const after = await bookings();
    for (const key of ["past", "cancelled"]) {
      const row = byKey(after, key);
      const was = byKey(before, key);
      expect(row).toMatchObject({ name: null, email: null, phone: null, message: null, contact_erased_at: RUN_AT });
      // What statistics need stays.
      expect(row).toMatchObject({
        status: was.status,
        channel: "in_person",
        language: "ar",
        topic: "recognition",
        site_id: site,
        counselor_id: counselorId,
        starts_at: was.starts_at,
      });
      // Sent mails (confirmation, reminder, cancellation) go with the data they were written from.
      expect(await mailKeysOf(key)).toEqual([]);
      expect(await jobsMentioning(`termin.${key}@example.org`)).toBe(0);
    }
    expect(byKey(after, "past").status).toBe("attended");
    expect(byKey(after, "cancelled").status).toBe("cancelled");
    // Ended within the period, still to come, or cancelled long ago for a time within the period: kept.
    for (const key of ["recent", "future", "cancelledLater"]) {
      expect(byKey(after, key)).toEqual(byKey(before, key));
      expect(await mailKeysOf(key)).not.toEqual([]);
    }
  });

  it("blanks closed (also forwarded and closed) and accepted requests, keeps open and recent ones and the client record", async () => {
    const rows = await requests();
    for (const key of ["closed", "forwarded", "accepted"]) {
      expect(byKey(rows, key)).toMatchObject({
        name: null,
        email: null,
        phone: null,
        description: null,
        answer: null,
        contact_erased_at: RUN_AT,
        topic: "labour_rights",
        language: "ar",
        channel: "phone",
      });
      expect(await mailKeysOf(key)).toEqual([]);
      expect(await jobsMentioning(`anfrage.${key}@example.org`)).toBe(0);
    }
    expect(byKey(rows, "closed").status).toBe("closed");
    expect(byKey(rows, "forwarded")).toMatchObject({ status: "closed", site_id: bavarianSite });
    expect(byKey(rows, "accepted")).toMatchObject({ status: "accepted", client_id: ids.client });
    const notes = await queryRows<{ note: string | null }>(
      t.database.db,
      sql`select note from online_request_events where request_id = ${ids.forwarded} and status = 'forwarded'`,
    );
    expect(notes).toEqual([{ note: null }]);
    expect(await jobsMentioning("Antwort aus Bayern")).toBe(0);

    for (const key of ["open", "recentClosed"]) {
      expect(byKey(rows, key)).toMatchObject({
        name: `Anfrage ${key}`,
        email: `anfrage.${key.toLowerCase()}@example.org`,
        contact_erased_at: null,
      });
      expect(await mailKeysOf(key)).not.toEqual([]);
    }
    // The client record is the one that counts (decision 0006): untouched.
    const client = await ok((await as("counselorBerlin")).get(`/api/clients/${ids.client}`));
    expect(client.json()).toMatchObject({ firstName: "Anfrage", lastName: "Angenommen", email: "anfrage.accepted@example.org" });
  });

  it("audits each erasure without personal data and reports the counts with a label", async () => {
    const events = await retentionAudit();
    expect(events.map((e) => `${e.action}:${e.record_id}`).sort()).toEqual(
      [
        `booking.retention_erase:${ids.past}`,
        `booking.retention_erase:${ids.cancelled}`,
        `online_request.retention_erase:${ids.closed}`,
        `online_request.retention_erase:${ids.forwarded}`,
        `online_request.retention_erase:${ids.accepted}`,
      ].sort(),
    );
    for (const e of events) expect(e).toMatchObject({ details: null, actor_label: "retention job" });
    expect(JSON.stringify(events)).not.toMatch(/example\.org|Termin |Anfrage |Beschreibung|Antwort/);

    const report = await ok((await as("admin")).get("/api/retention/runs"));
    const [run] = report.json().items;
    expect(run.results.booking).toEqual({
      cutoff: "2026-02-03",
      erased: 2,
      label: { de: "Kontaktdaten von Terminbuchungen", en: "Contact data of bookings" },
    });
    expect(run.results.online_request).toEqual({
      cutoff: "2026-02-03",
      erased: 3,
      label: { de: "Kontaktdaten von Online-Anfragen", en: "Contact data of online requests" },
    });
    expect(run.results.client.label.de).toBe("Personendaten von Ratsuchenden");
  });

  it("changes nothing when it runs again", async () => {
    const [bookingsBefore, requestsBefore, eventsBefore] = await Promise.all([bookings(), requests(), retentionAudit()]);
    at("2026-05-04T13:30:00Z");
    const second = await runRetention(t.ctx);
    expect(second.results.booking).toEqual({ cutoff: "2026-02-03", erased: 0 });
    expect(second.results.online_request).toEqual({ cutoff: "2026-02-03", erased: 0 });
    expect(await bookings()).toEqual(bookingsBefore);
    expect(await requests()).toEqual(requestsBefore);
    expect(await retentionAudit()).toEqual(eventsBefore);
  });

  it("shows staff that the contact data was deleted", async () => {
    const berlin = await as("counselorBerlin");
    const calendar = await ok(berlin.get(`/api/appointments/calendar?siteId=${site}&from=2026-01-12T00:00:00Z&to=2026-01-20T00:00:00Z`));
    const items = calendar.json().items as { id: string; name: string | null; email: string | null; contactErasedAt: string | null }[];
    expect(items.find((b) => b.id === ids.past)).toMatchObject({ name: null, email: null, contactErasedAt: "2026-05-04T01:30:00.000Z" });

    const closed = await ok(berlin.get(`/api/requests/${ids.closed}`));
    expect(closed.json()).toMatchObject({
      name: null,
      email: null,
      description: null,
      answer: null,
      status: "closed",
      contactErasedAt: "2026-05-04T01:30:00.000Z",
    });
    const open = await ok(berlin.get(`/api/requests/${ids.open}`));
    expect(open.json()).toMatchObject({ name: "Anfrage open", contactErasedAt: null });
  });

  it("answers the manage link of an erased booking with 410 booking_erased", async () => {
    const base = `/api/public/bookings/${ids.past}`;
    for (const res of [
      await t.anonymous().get(`${base}?token=${tokens.past}`),
      await t.anonymous().get(`${base}/ics?token=${tokens.past}`),
      await t.anonymous().post(`${base}/cancel`, { token: tokens.past }),
    ]) {
      expect(res.statusCode).toBe(410);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json()).toMatchObject({ code: "booking_erased" });
    }
    // A wrong token learns nothing, as before.
    expect((await t.anonymous().get(`${base}?token=${tokens.recent}`)).json().code).toBe("token_invalid");
    await ok(t.anonymous().get(`/api/public/bookings/${ids.recent}?token=${tokens.recent}`));
  });
});
